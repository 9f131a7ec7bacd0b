// Contract fields required by G-10, D-7.3 and Z-5.3.
import { z } from "zod";

const optText = (max: number) => z.string().trim().max(max).optional();
const isoDate = z.iso.date();

export const contractSaveSchema = z
  .object({
    contractNumber: optText(100),
    content: optText(8000),
    termStart: isoDate.optional(),
    termEnd: isoDate.optional(),
    quantity: z.number().positive().max(1e12).optional(),
    quantityUnit: optText(40),
    price: z.number().nonnegative().max(1e12).optional(),
    pricingUnit: optText(40),
    confidentialityTerms: optText(8000),
    rightsAndDuties: optText(8000),
    breachLiability: optText(8000),
    damageCompensation: optText(8000),
    technicalStandards: optText(8000),
    securityRequirements: optText(8000),
  })
  .strict();

export type ContractFields = z.infer<typeof contractSaveSchema>;
export type ContractField = keyof ContractFields;

export const contractSignSchema = z
  .object({
    /** The attachment holding the signed, sealed document. */
    signedDocumentId: z.uuid(),
    signedOn: isoDate,
  })
  .strict();
