// D-12.1: movements by kind per period, as stacked columns and a table.
import { Table } from "antd";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { MOVEMENT_KIND, type MovementKind } from "../movements/api.ts";
import { type MovementPeriodRow, statisticsApi } from "./api.ts";
import { ColumnChart } from "./ColumnChart.tsx";
import { defaultPeriodQuery, PeriodToolbar, periodsBetween } from "./PeriodToolbar.tsx";

const KINDS = Object.keys(MOVEMENT_KIND) as MovementKind[];
const COLORS: Record<MovementKind, string> = {
  intake: "#1677ff",
  shelve: "#13c2c2",
  checkout: "#fa8c16",
  return: "#52c41a",
  relocate: "#722ed1",
  release: "#8c8c8c",
};

export function MovementsTab() {
  const { t, pick } = useI18n();
  const s = t.statistics;
  const [q, setQ] = useState(defaultPeriodQuery);
  const data = useQuery(() => statisticsApi.movements({ ...q }), [q.period, q.from, q.to]);
  const rows = data.data?.items ?? [];
  const byPeriod = new Map(rows.map((r) => [r.period, r]));

  return (
    <>
      <PeriodToolbar
        value={q}
        onChange={setQ}
        extra={<ExportButton href={statisticsApi.movementsExportUrl({ ...q })} />}
      />
      <ErrorAlert error={data.error} />
      {rows.length > 0 ? (
        <ColumnChart
          periods={periodsBetween(q)}
          series={KINDS.map((k) => ({ key: k, label: pick(MOVEMENT_KIND[k]), color: COLORS[k] }))}
          value={(p, k) => byPeriod.get(p)?.[k as MovementKind] ?? 0}
        />
      ) : (
        !data.loading && <EmptyState text={s.noData} />
      )}
      <Table<MovementPeriodRow>
        style={{ marginTop: 20 }}
        rowKey="period"
        size="small"
        loading={data.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: s.periodCol, dataIndex: "period", width: 110 },
          ...KINDS.map((k) => ({ title: pick(MOVEMENT_KIND[k]), dataIndex: k, align: "right" as const })),
          { title: s.total, dataIndex: "total", align: "right" as const },
        ]}
      />
    </>
  );
}
