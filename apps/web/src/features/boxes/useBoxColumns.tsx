// Columns of the box list: number, barcode, project and party, status,
// condition, where it is now and its last movement.
import { Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { Link } from "react-router-dom";
import type { OrgKind } from "../../api/types.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { BoxRow } from "../intake/api.ts";
import { BOX_KIND, BOX_STATUS, CONDITION, MOVEMENT } from "../intake/labels.ts";

export function useBoxColumns(kind: OrgKind): ColumnsType<BoxRow> {
  const { t, pick } = useI18n();
  const x = t.boxes;
  return [
    {
      title: x.boxNo,
      dataIndex: "boxNo",
      width: 90,
      fixed: "left",
      render: (n: string, r) => <Link to={`/boxes/${r.id}`}>{n}</Link>,
    },
    {
      title: x.barcode,
      dataIndex: "barcode",
      width: 170,
      render: (c: string) => <span className="mono">{c}</span>,
    },
    {
      title: x.status,
      dataIndex: "status",
      width: 110,
      render: (s: BoxRow["status"]) => (
        <Tag color={BOX_STATUS[s].color} data-status={s}>
          {pick(BOX_STATUS[s])}
        </Tag>
      ),
    },
    {
      title: x.condition,
      dataIndex: "condition",
      width: 100,
      render: (c: string | null) => {
        const l = c ? CONDITION[c as "good"] : undefined;
        return l ? <Tag color={l.color}>{pick(l)}</Tag> : (c ?? "—");
      },
    },
    {
      title: x.whereNow,
      width: 200,
      render: (_, r) => (r.locationCode ? `${r.vaultName ?? ""} · ${r.locationCode}` : "—"),
    },
    {
      title: x.lastMovement,
      width: 200,
      render: (_, r) => {
        if (!r.lastMovement) return "—";
        const [mk, by] = r.lastMovement.split(" · ");
        return (
          <div>
            {MOVEMENT[mk ?? ""] ? pick(MOVEMENT[mk!]!) : mk} · {by ?? "—"}
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatDateTime(r.lastMovedAt)}
              </Typography.Text>
            </div>
          </div>
        );
      },
    },
    { title: x.items, dataIndex: "itemCount", width: 70, align: "right" as const },
    { title: x.kind, dataIndex: "kind", width: 90, render: (k: BoxRow["kind"]) => pick(BOX_KIND[k]) },
    {
      title: x.project,
      dataIndex: "projectName",
      width: 220,
      ellipsis: true,
      render: (n: string, r) => <Link to={`/projects/${r.projectId}`}>{n}</Link>,
    },
    ...(kind === "client" ? [] : [{ title: x.client, dataIndex: "clientName", width: 200, ellipsis: true }]),
    {
      title: x.batch,
      dataIndex: "batchCode",
      width: 190,
      render: (c: string | null, r) =>
        c ? (
          <Link to={`/intake/${r.batchId}`} className="mono">
            {c}
          </Link>
        ) : (
          "—"
        ),
    },
  ];
}
