// The checklist: each clause, its answer and the evidence the system linked.
import { Radio, Space, Table, Tag, Typography } from "antd";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type InspectionDetail, type ItemResult, oversightApi } from "./api.ts";
import { RESULT } from "./labels.ts";

type Item = InspectionDetail["items"][number];

export function ChecklistTable({
  id,
  items,
  work,
  onChange,
}: {
  id: string;
  items: Item[];
  work: boolean;
  onChange: () => void;
}) {
  const { t, pick, locale } = useI18n();
  const o = t.oversight;
  const notify = useNotify();
  return (
    <Table<Item>
      rowKey="clauseId"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: o.clause, width: 90, render: (_, x) => <ClauseTag id={x.clauseId} /> },
        {
          title: o.item,
          width: "34%",
          render: (_, x) =>
            locale === "zh-CN" && x.text ? `${x.text}${x.text.length >= 90 ? "…" : ""}` : x.gloss,
        },
        {
          title: o.evidence,
          width: "34%",
          render: (_, x) => (
            <Space orientation="vertical" size={0}>
              {x.evidence.map((e) => (
                <Typography.Text
                  key={`${e.type}-${e.id}-${pick(e.label)}`}
                  type={e.ok ? "secondary" : "danger"}
                  style={{ fontSize: 12 }}
                >
                  {e.ok ? "✓" : "✗"} {pick(e.label)}
                </Typography.Text>
              ))}
            </Space>
          ),
        },
        {
          title: o.result,
          width: 260,
          render: (_, x) =>
            work ? (
              <Radio.Group
                size="small"
                optionType="button"
                value={x.result === "unanswered" ? undefined : x.result}
                data-testid={`answer-${x.clauseId}`}
                onChange={async (e) => {
                  try {
                    await oversightApi.answer(id, {
                      clause: x.clauseId,
                      result: e.target.value as ItemResult,
                    });
                    onChange();
                  } catch (err) {
                    notify.error(err);
                  }
                }}
                options={(["pass", "fail", "not_applicable"] as const).map((r) => ({
                  value: r,
                  label: pick(RESULT[r]),
                }))}
              />
            ) : (
              <Space size={4}>
                <Tag color={RESULT[x.result].color}>{pick(RESULT[x.result])}</Tag>
                {x.prefilled && <Tag>{o.prefilled}</Tag>}
              </Space>
            ),
        },
      ]}
    />
  );
}
