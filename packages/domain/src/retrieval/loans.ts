// D-10.6: client archives are not lent in principle. A loan needs the client's
// written consent, a loan record with a due date, delivery at an agreed place
// and time, and the receiver's identity checked before the handover.
import { DomainError } from "../errors/domain-error.ts";
import { shanghaiDate } from "./grant-coverage.ts";

const refuse = (code: string, zh: string, en: string, details?: Record<string, unknown>) =>
  new DomainError({
    code,
    status: 422,
    clause: "D-10.6",
    message: { zh, en },
    ...(details ? { details } : {}),
  });

/** Longest loan the platform records without a new consent. */
export const MAX_LOAN_DAYS = 90;

/** The refusal for a loan record, or undefined. */
export function loanRecordRefusal(input: {
  consentGiven: boolean;
  dueOn: string;
  deliveryAt: Date;
  at: Date;
}): DomainError | undefined {
  if (!input.consentGiven)
    return refuse(
      "LOAN_CONSENT_REQUIRED",
      "客户档案原则上不予出借；确需出借须经委托方书面同意",
      "Client archives are not lent in principle; a loan needs the client's written consent",
    );
  const today = shanghaiDate(input.at);
  const delivery = shanghaiDate(input.deliveryAt);
  if (input.dueOn <= delivery)
    return refuse("LOAN_DUE_INVALID", "归还日期须晚于送达日期", "The due date must fall after delivery");
  const days = (Date.parse(input.dueOn) - Date.parse(today)) / 86_400_000;
  if (days > MAX_LOAN_DAYS)
    return refuse(
      "LOAN_TOO_LONG",
      `出借期限不得超过 ${MAX_LOAN_DAYS} 天`,
      `A loan may not run longer than ${MAX_LOAN_DAYS} days`,
    );
  return undefined;
}

const normalise = (s: string | null | undefined) => (s ?? "").replace(/\s+/g, "").toUpperCase();

/**
 * D-10.6: hand over only after the receiver's identity is checked. The person
 * named on the request must be the one presenting the document.
 */
export function receiverRefusal(
  expected: { name: string; idNumber: string | null },
  presented: { name: string; idNumber: string },
): DomainError | undefined {
  if (normalise(presented.idNumber).length < 4)
    return refuse(
      "RECEIVER_ID_NOT_CHECKED",
      "须核验接收人员证件号码",
      "The receiver's ID number must be checked",
    );
  if (normalise(expected.name) !== normalise(presented.name))
    return refuse(
      "RECEIVER_MISMATCH",
      "接收人员与申请登记的利用人不符，不得交付",
      "The receiver is not the person named on the request; do not hand over",
    );
  if (expected.idNumber && normalise(expected.idNumber) !== normalise(presented.idNumber))
    return refuse(
      "RECEIVER_MISMATCH",
      "接收人员证件号码与申请登记不符，不得交付",
      "The receiver's ID number differs from the request; do not hand over",
    );
  return undefined;
}

/** Days a loan is overdue at `at` (0 when back or not yet due). */
export function loanDaysOverdue(loan: { dueOn: string; returnedAt: Date | null }, at: Date): number {
  if (loan.returnedAt) return 0;
  const today = shanghaiDate(at);
  if (today <= loan.dueOn) return 0;
  return Math.round((Date.parse(today) - Date.parse(loan.dueOn)) / 86_400_000);
}
