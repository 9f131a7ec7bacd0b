// Environment alerts with their kind, clause, period, count and worst value;
// open ones can be acknowledged by those allowed (the server decides).
import { Button, Table, Tag, Typography } from "antd";
import type { ColumnsType, TablePaginationConfig } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AcknowledgeModal } from "./AcknowledgeModal.tsx";
import type { Alert } from "./api.ts";
import { ALERT_KIND, UNIT, ZONE } from "./labels.ts";

export function AlertsTable(props: {
  items: Alert[];
  loading: boolean;
  showVault: boolean;
  /** Whether the user may acknowledge (agency keeper or manager). */
  canAcknowledge: (a: Alert) => boolean;
  onChanged: () => void;
  pagination?: TablePaginationConfig | false;
}) {
  const { t, pick } = useI18n();
  const e = t.environment;
  const [acking, setAcking] = useState<Alert>();
  const columns: ColumnsType<Alert> = [
    ...(props.showVault
      ? [
          {
            title: e.vault,
            key: "vault",
            render: (_: unknown, a: Alert) => (
              <div>
                <Link to={`/environment/vaults/${a.vaultId}`}>
                  <span className="mono">{a.vaultCode}</span> {a.vaultName}
                </Link>
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {a.agencyName}
                  </Typography.Text>
                </div>
              </div>
            ),
          },
        ]
      : []),
    {
      title: e.kind,
      dataIndex: "kind",
      render: (k: Alert["kind"], a) => (
        <div>
          <Tag color={ALERT_KIND[k].color}>{pick(ALERT_KIND[k])}</Tag>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {pick(ZONE[a.zone])}
              {a.sensorCode ? ` · ${a.sensorCode}` : ""}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    { title: e.clause, dataIndex: "clauseId", width: 90, render: (c: string) => <ClauseTag id={c} /> },
    {
      title: e.period,
      key: "period",
      width: 170,
      render: (_, a) => (
        <span style={{ fontSize: 13 }}>
          {formatDateTime(a.firstAt)}
          {a.lastAt !== a.firstAt && (
            <>
              <br />→ {formatDateTime(a.lastAt)}
            </>
          )}
        </span>
      ),
    },
    { title: e.occurrences, dataIndex: "occurrences", width: 70, align: "right" },
    {
      title: e.value,
      key: "value",
      width: 120,
      render: (_, a) => (
        <span>
          <Typography.Text type="danger" strong>
            {a.worstValue}
            {UNIT[a.kind]}
          </Typography.Text>{" "}
          / {a.limitValue}
          {UNIT[a.kind]}
        </span>
      ),
    },
    {
      title: e.status,
      key: "status",
      render: (_, a) =>
        a.status === "open" ? (
          props.canAcknowledge(a) ? (
            <Button size="small" danger onClick={() => setAcking(a)} data-testid="acknowledge">
              {e.acknowledge}
            </Button>
          ) : (
            <Tag color="error">{e.statusOpen}</Tag>
          )
        ) : (
          <div style={{ maxWidth: 260 }}>
            <Tag color="success">{e.statusAcknowledged}</Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {a.acknowledgedByName} · {formatDateTime(a.acknowledgedAt)}
            </Typography.Text>
            <div style={{ fontSize: 13 }}>{a.acknowledgementNote}</div>
          </div>
        ),
    },
  ];
  return (
    <>
      <Table
        rowKey="id"
        size="middle"
        loading={props.loading}
        columns={columns}
        dataSource={props.items}
        pagination={props.pagination ?? false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyState text={e.noAlerts} /> }}
      />
      <AcknowledgeModal
        alert={acking}
        onClose={(done) => {
          setAcking(undefined);
          if (done) props.onChanged();
        }}
      />
    </>
  );
}
