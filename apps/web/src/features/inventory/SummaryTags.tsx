// A check's result counts as coloured tags.
import { Space, Tag } from "antd";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { InventoryCheckRow } from "./api.ts";
import { RESULT, RESULT_ORDER } from "./labels.ts";

export function SummaryTags({ summary }: { summary: InventoryCheckRow["summary"] }) {
  const { pick } = useI18n();
  if (!summary) return null;
  return (
    <Space size={4} wrap>
      {RESULT_ORDER.map((r) => (
        <Tag key={r} color={summary[r] ? RESULT[r].color : "default"}>
          {pick(RESULT[r])} {summary[r] ?? 0}
        </Tag>
      ))}
    </Space>
  );
}
