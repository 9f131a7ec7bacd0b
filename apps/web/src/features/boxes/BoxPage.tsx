// One box: what it holds, its seals, its condition history, where it is and
// every movement (D-9.11), with the audit trail of everything done to it —
// for the client, where its box is and who touched it.
import { Breadcrumb, Card, Col, Descriptions, Result, Row, Tag, Timeline, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AuditTrail } from "../audit/AuditTrail.tsx";
import { boxesApi } from "../intake/api.ts";
import { BOX_KIND, BOX_STATUS, CARRIER, CONDITION, MOVEMENT } from "../intake/labels.ts";
import { BoxHistoryTables } from "./BoxHistoryTables.tsx";

export function BoxPage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const x = t.boxes;
  const box = useQuery(() => boxesApi.get(id), [id]);
  if (box.error && !box.data)
    return box.error.status === 404 ? (
      <Result status="404" title={x.notFound} extra={<Link to="/boxes">{t.common.back}</Link>} />
    ) : (
      <ErrorAlert error={box.error} />
    );
  const b = box.data;
  if (!b) return <FullPageSpin />;
  const condition = b.condition ? CONDITION[b.condition as "good"] : undefined;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/boxes">{x.title}</Link> }, { title: b.boxNo }]}
      />
      <PageHeader
        title={x.boxTitle(b.boxNo)}
        tags={
          <Tag color={BOX_STATUS[b.status].color} data-status={b.status}>
            {pick(BOX_STATUS[b.status])}
          </Tag>
        }
        subtitle={
          <Typography.Text type="secondary">
            <span className="mono">{b.barcode}</span> ·{" "}
            <Link to={`/projects/${b.projectId}`}>{b.projectName}</Link> · {b.clientName} → {b.agencyName}
          </Typography.Text>
        }
      />
      <Row gutter={16}>
        <Col xs={24} xl={14}>
          <Card title={x.facts} style={{ marginBottom: 16 }}>
            <Descriptions column={2} size="small" data-testid="box-facts">
              <Descriptions.Item label={x.whereNow}>
                <Typography.Text strong data-testid="box-location">
                  {b.locationCode ? `${b.vaultName ?? ""} · ${b.locationCode}` : x.notOnShelf}
                </Typography.Text>
              </Descriptions.Item>
              <Descriptions.Item label={x.condition}>
                {condition ? (
                  <Tag color={condition.color}>{pick(condition)}</Tag>
                ) : (
                  (b.condition ?? <Typography.Text type="secondary">{x.noProblem}</Typography.Text>)
                )}
              </Descriptions.Item>
              <Descriptions.Item label={x.kind}>{pick(BOX_KIND[b.kind])}</Descriptions.Item>
              <Descriptions.Item label={x.carrier}>
                {CARRIER[b.carrier] ? pick(CARRIER[b.carrier]!) : b.carrier}
              </Descriptions.Item>
              <Descriptions.Item label={x.seal}>
                {b.sealNumber ? `${b.sealNumber} · ${formatDateTime(b.sealedAt)}` : "—"}
              </Descriptions.Item>
              <Descriptions.Item label={x.items}>{b.items.length}</Descriptions.Item>
              <Descriptions.Item label={x.batch}>
                {b.batchId ? <Link to={`/intake/${b.batchId}`}>{b.batchCode}</Link> : "—"}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={x.movements} style={{ marginBottom: 16 }}>
            {b.movements.length === 0 ? (
              <Typography.Text type="secondary">{x.noMovements}</Typography.Text>
            ) : (
              <Timeline
                data-testid="box-movements"
                items={b.movements.map((m) => ({
                  key: m.id,
                  content: (
                    <div data-kind={m.kind}>
                      <Typography.Text strong>
                        {MOVEMENT[m.kind] ? pick(MOVEMENT[m.kind]!) : m.kind}
                      </Typography.Text>{" "}
                      <Typography.Text type="secondary">
                        {formatDateTime(m.at)} · {m.byName ?? "—"}
                      </Typography.Text>
                      {(m.fromLocation || m.toLocation) && (
                        <div>
                          {m.fromLocation ?? "—"} → {m.toLocation ?? "—"}
                        </div>
                      )}
                      {m.note && <div style={{ fontSize: 12, color: "#888" }}>{m.note}</div>}
                    </div>
                  ),
                }))}
              />
            )}
          </Card>
        </Col>
      </Row>
      <BoxHistoryTables box={b} />
      <Card title={x.auditTrail}>
        <AuditTrail entityType={"box" as never} entityId={b.id} />
      </Card>
    </>
  );
}
