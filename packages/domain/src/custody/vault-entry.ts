// D-9.9, D-9.10: the vault entry log. The staff entering together must be
// active staff of the vault's agency (two distinct people: assertVaultEntryAllowed),
// and whoever approves visitors must be a leader of that agency.
import { z } from "zod";
import { DomainError } from "../errors/domain-error.ts";

export const visitorSchema = z
  .object({
    name: z.string().trim().min(1).max(50),
    organisation: z.string().trim().min(1).max(100),
    idNumber: z.string().trim().min(4).max(30),
    purpose: z.string().trim().min(1).max(200),
  })
  .strict();

export const vaultEntrySchema = z
  .object({
    purpose: z.string().trim().min(1).max(500),
    /** When they went in; defaults to now. A log written up afterwards gives the time. */
    enteredAt: z.iso.datetime({ offset: true }).optional(),
    staffUserIds: z.array(z.uuid()).min(1).max(20),
    visitors: z.array(visitorSchema).max(20).default([]),
    approvedByUserId: z.uuid().optional(),
    approvalNote: z.string().trim().max(500).optional(),
  })
  .strict();
export type VaultEntryInput = z.infer<typeof vaultEntrySchema>;

export interface EntryPerson {
  id: string;
  orgId: string;
  active: boolean;
  roles: readonly string[];
}

/** D-9.9: everyone counted as staff is an active member of the vault's agency. */
export function assertAgencyStaff(
  ids: readonly string[],
  found: readonly EntryPerson[],
  agencyOrgId: string,
) {
  const ok = new Set(found.filter((u) => u.active && u.orgId === agencyOrgId).map((u) => u.id));
  const outsiders = ids.filter((id) => !ok.has(id));
  if (outsiders.length)
    throw new DomainError({
      code: "NOT_AGENCY_STAFF",
      status: 422,
      clause: "D-9.9",
      message: {
        zh: "双人进出的工作人员须为本库房所属机构的在职人员",
        en: "The staff entering a vault must be active staff of the vault's agency",
      },
      details: { userIds: outsiders },
    });
}

/** D-9.10: visitors' entry is approved by a leader (agency manager) of the vault's agency. */
export function isAgencyLeader(u: EntryPerson | undefined, agencyOrgId: string): boolean {
  return !!u && u.active && u.orgId === agencyOrgId && u.roles.includes("agency_manager");
}

export const approverNotLeader = () =>
  new DomainError({
    code: "APPROVER_NOT_LEADER",
    status: 422,
    clause: "D-9.10",
    message: {
      zh: "批准非库房人员进入的须为本机构领导",
      en: "Visitors must be approved by a leader (manager) of the vault's agency",
    },
  });

export const alreadyInside = (userIds: string[]) =>
  new DomainError({
    code: "STAFF_ALREADY_INSIDE",
    status: 409,
    clause: "D-9.9",
    message: {
      zh: "该工作人员尚有未登记出库的进入记录",
      en: "A member of staff is still recorded inside a vault",
    },
    details: { userIds },
  });
