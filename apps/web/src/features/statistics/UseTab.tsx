// D-12.1: use per period — checkouts, returns and the distinct boxes used.
import { Table } from "antd";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { statisticsApi, type UsePeriodRow } from "./api.ts";
import { ColumnChart } from "./ColumnChart.tsx";
import { defaultPeriodQuery, PeriodToolbar, periodsBetween } from "./PeriodToolbar.tsx";

export function UseTab() {
  const { t } = useI18n();
  const s = t.statistics;
  const [q, setQ] = useState(defaultPeriodQuery);
  const data = useQuery(() => statisticsApi.use({ ...q }), [q.period, q.from, q.to]);
  const rows = data.data?.items ?? [];
  const byPeriod = new Map(rows.map((r) => [r.period, r]));

  return (
    <>
      <PeriodToolbar
        value={q}
        onChange={setQ}
        extra={<ExportButton href={statisticsApi.useExportUrl({ ...q })} />}
      />
      <ErrorAlert error={data.error} />
      {rows.length > 0 ? (
        <ColumnChart
          periods={periodsBetween(q)}
          series={[
            { key: "checkouts", label: s.checkouts, color: "#fa8c16" },
            { key: "returns", label: s.returns, color: "#52c41a" },
          ]}
          value={(p, k) => Number(byPeriod.get(p)?.[k as "checkouts" | "returns"] ?? 0)}
        />
      ) : (
        !data.loading && <EmptyState text={s.noData} />
      )}
      <Table<UsePeriodRow>
        style={{ marginTop: 20 }}
        rowKey="period"
        size="small"
        loading={data.loading}
        dataSource={rows}
        pagination={false}
        columns={[
          { title: s.periodCol, dataIndex: "period", width: 110 },
          { title: s.checkouts, dataIndex: "checkouts", align: "right" },
          { title: s.returns, dataIndex: "returns", align: "right" },
          { title: s.boxesUsed, dataIndex: "boxesUsed", align: "right" },
        ]}
      />
    </>
  );
}
