// D-9.8: completed checks per vault in a calendar year; fewer than two is flagged.
import { Card, Flex, InputNumber, Progress, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { inventoryApi, type ShortfallRow } from "./api.ts";

export const thisYear = () => new Date().getFullYear();

export function YearStatusCard({ showAgency }: { showAgency: boolean }) {
  const { t } = useI18n();
  const i = t.inventory;
  const [year, setYear] = useState(thisYear());
  const status = useQuery(() => inventoryApi.shortfall(year), [year]);
  const rows = status.data?.items ?? [];
  const flagged = rows.filter((r) => r.flagged).length;

  return (
    <Card
      title={
        <Flex align="center" gap={12}>
          {i.yearStatus(year)}
          {rows.length > 0 && (
            <Tag color={flagged ? "red" : "green"} data-testid="flagged-count">
              {flagged ? i.flaggedVaults(flagged) : i.compliant}
            </Tag>
          )}
        </Flex>
      }
      extra={
        <InputNumber
          aria-label="year"
          min={2000}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
          style={{ width: 96 }}
        />
      }
      style={{ marginBottom: 16 }}
    >
      <Typography.Paragraph type="secondary" style={{ marginTop: -4 }}>
        {i.yearStatusHelp}
      </Typography.Paragraph>
      <ErrorAlert error={status.error} />
      <Table<ShortfallRow>
        rowKey="vaultId"
        size="small"
        loading={status.loading}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: i.noVaults }}
        rowClassName={(r) => (r.flagged ? "row-flagged" : "")}
        columns={[
          {
            title: i.vault,
            render: (_, r) => (
              <>
                <span className="mono">{r.code}</span> {r.name}
                <Typography.Text type="secondary"> · {r.siteName}</Typography.Text>
              </>
            ),
          },
          ...(showAgency ? [{ title: i.agency, dataIndex: "agencyName" }] : []),
          {
            title: i.completedChecks,
            width: 260,
            render: (_, r) => (
              <Flex align="center" gap={8}>
                <Progress
                  percent={Math.min(100, r.completed * 50)}
                  steps={2}
                  size={[48, 10]}
                  showInfo={false}
                  strokeColor={r.flagged ? "#cf1322" : "#389e0d"}
                />
                <Typography.Text strong>{r.completed} / 2</Typography.Text>
              </Flex>
            ),
          },
          {
            title: t.common.status,
            width: 110,
            render: (_, r) =>
              r.flagged ? (
                <Tag color="red" data-testid={`flag-${r.code}`}>
                  {i.shortfallFlag(r.shortfall)}
                </Tag>
              ) : (
                <Tag color="green">{i.compliant}</Tag>
              ),
          },
          { title: i.lastCompleted, width: 130, render: (_, r) => formatDate(r.lastCompletedAt) },
          { title: i.nextDue, width: 130, render: (_, r) => formatDate(r.nextDueOn) },
        ]}
      />
    </Card>
  );
}
