// The compliance check of one vault: every finding with its clause, the
// measured value and the requirement; failures first. The minimum CCTV
// retention is this platform's default unless the viewer sets one.
import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Alert, Button, Flex, InputNumber, Space, Statistic, Table, Typography } from "antd";
import { useState } from "react";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type Finding, facilitiesApi } from "./api.ts";
import { findingText } from "./labels.ts";

export function ComplianceTab({ vaultId }: { vaultId: string }) {
  const { t, pick, lang } = useI18n();
  const f = t.facilities;
  const [days, setDays] = useState<number | null>(null);
  const [applied, setApplied] = useState<number | null>(null);
  const c = useQuery(
    () => facilitiesApi.compliance(vaultId, applied === null ? {} : { minRetentionDays: applied }),
    [vaultId, applied],
  );
  const d = c.data;
  const findings = [...(d?.findings ?? [])].sort((a, b) => Number(a.ok) - Number(b.ok));
  const retention = d?.settings.minRetentionDays;

  return (
    <div data-testid="compliance">
      <ErrorAlert error={c.error} />
      {d && (
        <Flex gap={32} wrap align="center" style={{ marginBottom: 16 }}>
          <Statistic title={f.passed} value={d.summary.passed} valueStyle={{ color: "#389e0d" }} />
          <Statistic
            title={f.failed}
            value={d.summary.failed}
            valueStyle={{ color: d.summary.failed ? "#cf1322" : undefined }}
          />
          <Space orientation="vertical" size={4}>
            <Typography.Text type="secondary">{f.summary(d.summary.total, d.summary.failed)}</Typography.Text>
            <Space size={4} wrap>
              {d.summary.failedClauses.map((id) => (
                <ClauseTag key={id} id={id} />
              ))}
            </Space>
          </Space>
          <Typography.Text type="secondary" style={{ marginLeft: "auto" }}>
            {f.evaluatedAt}: {formatDateTime(d.evaluatedAt)}
          </Typography.Text>
        </Flex>
      )}
      {retention && (
        <Alert
          type={retention.status === "PROJECT_DEFAULT" ? "warning" : "info"}
          showIcon
          style={{ marginBottom: 12 }}
          title={f.retentionNote(retention.value, retention.status === "PROJECT_DEFAULT")}
          action={
            <Space.Compact>
              <InputNumber
                min={0}
                max={3650}
                value={days}
                onChange={setDays}
                placeholder={String(retention.value)}
                aria-label={f.retentionInput}
                style={{ width: 90 }}
              />
              <Button onClick={() => setApplied(days)}>{f.recheck}</Button>
            </Space.Compact>
          }
        />
      )}
      <Table<Finding>
        rowKey={(x) => `${x.clause}-${x.item}`}
        size="small"
        loading={c.loading}
        dataSource={findings}
        pagination={false}
        scroll={{ x: 800 }}
        columns={[
          {
            title: f.result,
            dataIndex: "ok",
            width: 90,
            render: (ok: boolean) =>
              ok ? (
                <Space size={4} style={{ color: "#389e0d" }}>
                  <CheckCircleFilled />
                  {f.passed}
                </Space>
              ) : (
                <Space size={4} style={{ color: "#cf1322" }}>
                  <CloseCircleFilled />
                  {f.failed}
                </Space>
              ),
          },
          {
            title: t.common.clause,
            dataIndex: "clause",
            width: 90,
            render: (id: string) => <ClauseTag id={id} />,
          },
          { title: f.item, dataIndex: "label", render: (l: Finding["label"]) => pick(l) },
          {
            title: f.measured,
            dataIndex: "measured",
            width: 160,
            render: (m: Finding["measured"]) =>
              m === null ? (
                <Typography.Text type="secondary">{f.unanswered}</Typography.Text>
              ) : (
                findingText(m, lang)
              ),
          },
          {
            title: f.required,
            dataIndex: "required",
            width: 150,
            render: (r: string) => findingText(r, lang),
          },
        ]}
      />
    </div>
  );
}
