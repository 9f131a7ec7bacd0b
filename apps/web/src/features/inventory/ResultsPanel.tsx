// A completed check (D-9.8): counts, every box's result, incidents opened, the
// treatment needs; a misplaced box can be re-shelved at its recorded place (D-11.2).
import { Button, Card, Col, Popconfirm, Row, Segmented, Statistic, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type InventoryCheckDetail, type InventoryResult, inventoryApi, type ResultRow } from "./api.ts";
import { RESULT, RESULT_ORDER, TREATMENT } from "./labels.ts";

export function ResultsPanel({ check, onChanged }: { check: InventoryCheckDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const i = t.inventory;
  const notify = useNotify();
  const [filter, setFilter] = useState<InventoryResult | "all">("all");
  const [busy, setBusy] = useState<string>();
  const rows = check.results.filter((r) => filter === "all" || r.result === filter);
  const count = (r: InventoryResult) => check.results.filter((x) => x.result === r).length;

  const reshelve = async (r: ResultRow) => {
    setBusy(r.id);
    try {
      await inventoryApi.reshelve(r.id);
      notify.success(i.reshelved);
      onChanged();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <>
      <Row gutter={16} style={{ marginBottom: 16 }}>
        {RESULT_ORDER.map((r) => (
          <Col key={r} xs={12} md={6}>
            <Card className="stat-card" styles={{ body: { padding: "16px 20px" } }}>
              <Statistic
                title={pick(RESULT[r])}
                value={count(r)}
                styles={
                  count(r) && r !== "present"
                    ? { content: { color: r === "missing" ? "#cf1322" : "#d48806" } }
                    : {}
                }
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card
        title={i.results}
        style={{ marginBottom: 16 }}
        extra={
          <>
            {check.summary?.incidents ? (
              <Typography.Text type="danger" style={{ marginInlineEnd: 12 }}>
                {i.summaryIncidents(check.summary.incidents)}
              </Typography.Text>
            ) : null}
            <ExportButton href={inventoryApi.resultsExportUrl(check.id)} />
          </>
        }
      >
        <Segmented
          style={{ marginBottom: 12 }}
          value={filter}
          onChange={(v) => setFilter(v as InventoryResult | "all")}
          options={[
            { value: "all", label: `${i.resultFilterAll} ${check.results.length}` },
            ...RESULT_ORDER.map((r) => ({ value: r, label: `${pick(RESULT[r])} ${count(r)}` })),
          ]}
        />
        <Table<ResultRow>
          rowKey="id"
          size="middle"
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: t.common.status,
              width: 110,
              render: (_, r) => <Tag color={RESULT[r.result].color}>{pick(RESULT[r.result])}</Tag>,
            },
            { title: i.barcode, render: (_, r) => <span className="mono">{r.barcode}</span> },
            { title: i.boxNo, width: 100, render: (_, r) => r.boxNo ?? "—" },
            { title: i.project, width: 120, render: (_, r) => r.projectCode ?? "—" },
            { title: i.client, render: (_, r) => r.clientName ?? "—" },
            {
              title: i.recordedLocation,
              width: 110,
              render: (_, r) => <span className="mono">{r.expectedLocation ?? "—"}</span>,
            },
            {
              title: i.foundLocation,
              width: 110,
              render: (_, r) => <span className="mono">{r.foundLocation ?? "—"}</span>,
            },
            {
              title: t.common.actions,
              width: 150,
              render: (_, r) => {
                if (r.reshelvedAt) return <Tag color="green">{i.reshelved}</Tag>;
                if (r.result === "misplaced" && r.expectedLocation && check.permissions.reshelve)
                  return (
                    <Popconfirm
                      title={i.reshelveConfirm}
                      okText={i.reshelve}
                      cancelText={t.common.cancel}
                      onConfirm={() => reshelve(r)}
                    >
                      <Button
                        size="small"
                        type="primary"
                        ghost
                        loading={busy === r.id}
                        data-testid="reshelve"
                      >
                        {i.reshelve} → {r.expectedLocation}
                      </Button>
                    </Popconfirm>
                  );
                return null;
              },
            },
          ]}
        />
      </Card>
      <Card title={i.findings}>
        <Table
          rowKey="id"
          size="small"
          dataSource={check.findings}
          pagination={false}
          locale={{ emptyText: i.noFindings }}
          columns={[
            {
              title: i.findingKind,
              width: 90,
              render: (_, f) => <Tag color="volcano">{pick(TREATMENT[f.kind])}</Tag>,
            },
            { title: i.boxNo, width: 100, dataIndex: "boxNo" },
            { title: i.barcode, width: 180, render: (_, f) => <span className="mono">{f.barcode}</span> },
            { title: i.findingNote, dataIndex: "note" },
            {
              title: t.common.time,
              width: 160,
              render: (_, f) => (
                <Typography.Text type="secondary">
                  {formatDateTime(f.createdAt)} {f.createdByName}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}
