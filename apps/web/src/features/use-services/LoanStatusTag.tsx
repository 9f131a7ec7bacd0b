// A loan's state: awaiting handover, out, overdue by n days (D-10.6), returned.
import { Tag } from "antd";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { isOverdue, type Loan, shanghaiToday } from "./api.ts";

export function LoanStatusTag({ loan }: { loan: Loan }) {
  const m = useI18n().t.useServices;
  if (loan.returnedAt) return <Tag color="green">{m.loanReturned}</Tag>;
  if (!loan.handedOverAt) return <Tag color="blue">{m.loanAwaitingHandover}</Tag>;
  if (isOverdue(loan)) {
    const days = Math.round((Date.parse(shanghaiToday()) - Date.parse(loan.dueOn)) / 86_400_000);
    return (
      <Tag color="red" data-testid="overdue">
        {m.overdueBadge(days)}
      </Tag>
    );
  }
  return <Tag color="gold">{m.loanOpen}</Tag>;
}
