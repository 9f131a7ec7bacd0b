// D-12.2: the ledgers rebuilt from the audit trail and compared, row by row.
import { ReloadOutlined } from "@ant-design/icons";
import { Alert, Button, Col, Row, Statistic, Table, Tag, Typography } from "antd";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type Difference, statisticsApi } from "./api.ts";

export function ReconcileTab() {
  const { t } = useI18n();
  const s = t.statistics;
  const r = useQuery(() => statisticsApi.reconcile({}), []);
  const d = r.data;
  const kindLabel = (k: Difference["kind"]) => s[`diff_${k}`];
  const detail = (x: Difference) =>
    x.kind === "register_altered" || x.kind === "location_mismatch"
      ? s.diffField(
          x.field ?? "locationId",
          x.registerPlace ?? x.register ?? "—",
          x.auditPlace ?? x.audit ?? "—",
        )
      : (x.movementId ?? "");

  return (
    <>
      <Typography.Paragraph type="secondary">{s.reconcileIntro}</Typography.Paragraph>
      <ErrorAlert error={r.error} />
      {d && (
        <>
          <Alert
            type={d.ok ? "success" : "error"}
            showIcon
            title={d.ok ? s.reconcileOk : s.reconcileBad(d.differences.length)}
            action={
              <Button size="small" icon={<ReloadOutlined />} onClick={r.reload} loading={r.loading}>
                {s.reconcileRun}
              </Button>
            }
            style={{ marginBottom: 16 }}
            data-testid="reconcile-result"
          />
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={8}>
              <Statistic title={s.boxesChecked} value={d.boxes} />
            </Col>
            <Col span={8}>
              <Statistic title={s.registerCount} value={d.register.movements} />
            </Col>
            <Col span={8}>
              <Statistic title={s.auditCount} value={d.audit.movements} />
            </Col>
          </Row>
          {!d.ok && (
            <Table<Difference>
              rowKey={(x) => `${x.kind}:${x.movementId ?? ""}:${x.boxId}:${x.field ?? ""}`}
              size="small"
              dataSource={d.differences}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              columns={[
                {
                  title: s.diffKind,
                  width: 200,
                  render: (_, x) => <Tag color="red">{kindLabel(x.kind)}</Tag>,
                },
                {
                  title: s.diffBox,
                  width: 220,
                  render: (_, x) => (
                    <>
                      {x.boxNo} <span className="mono">{x.barcode}</span>
                    </>
                  ),
                },
                { title: s.diffDetail, render: (_, x) => <span className="mono">{detail(x)}</span> },
              ]}
            />
          )}
        </>
      )}
    </>
  );
}
