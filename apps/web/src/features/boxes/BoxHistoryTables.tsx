// A box's items, seals, condition checks with their treatment, and intake
// inspections.
import { Card, Table, Tag } from "antd";
import { formatDate, formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { BoxDetail } from "../intake/api.ts";
import { CONDITION } from "../intake/labels.ts";

export function BoxHistoryTables({ box }: { box: BoxDetail }) {
  const { t, pick } = useI18n();
  const x = t.boxes;
  const yes = (v: boolean) => (v ? t.common.yes : t.common.no);
  return (
    <>
      <Card title={x.itemsTitle(box.items.length)} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          data-testid="box-items"
          dataSource={box.items}
          pagination={box.items.length > 20 ? { pageSize: 20 } : false}
          columns={[
            { title: "#", dataIndex: "rowNo", width: 60 },
            {
              title: x.referenceCode,
              dataIndex: "referenceCode",
              width: 260,
              render: (c: string | null) => <span className="mono">{c ?? "—"}</span>,
            },
            { title: x.itemTitle, dataIndex: "title" },
            { title: x.year, dataIndex: "year", width: 80 },
          ]}
        />
      </Card>
      <Card title={x.seals} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={box.seals}
          locale={{ emptyText: "—" }}
          columns={[
            { title: x.sealNumber, dataIndex: "sealNumber", width: 140 },
            { title: x.outsideOk, dataIndex: "outsideOk", width: 110, render: yes },
            { title: x.sealedBy, dataIndex: "sealedByName", width: 110 },
            {
              title: x.witness,
              dataIndex: "witnessName",
              width: 110,
              render: (n: string | null) => n ?? "—",
            },
            { title: x.at, dataIndex: "sealedAt", render: (d: string) => formatDateTime(d) },
          ]}
        />
      </Card>
      <Card title={x.conditions} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={box.conditions}
          locale={{ emptyText: "—" }}
          columns={[
            { title: x.at, dataIndex: "checkedAt", width: 150, render: (d: string) => formatDateTime(d) },
            { title: x.target, render: (_, r) => r.referenceCode ?? x.wholeBox },
            {
              title: x.condition,
              dataIndex: "condition",
              width: 100,
              render: (c: keyof typeof CONDITION) => (
                <Tag color={CONDITION[c].color}>{pick(CONDITION[c])}</Tag>
              ),
            },
            { title: x.checkedBy, dataIndex: "checkedByName", width: 100 },
            {
              title: x.treatment,
              render: (_, r) =>
                r.treatmentMethod
                  ? `${r.treatmentMethod} · ${formatDate(r.treatedOn)} · ${r.treatedBy}`
                  : "—",
            },
          ]}
        />
      </Card>
      <Card title={x.inspections} style={{ marginBottom: 16 }}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={box.inspections}
          locale={{ emptyText: "—" }}
          columns={[
            { title: x.at, dataIndex: "inspectedAt", width: 150, render: (d: string) => formatDateTime(d) },
            { title: x.sealIntact, dataIndex: "sealIntact", width: 100, render: yes },
            { title: x.damaged, dataIndex: "damaged", width: 90, render: yes },
            { title: x.missing, dataIndex: "missingItemIds", width: 90, render: (m: string[]) => m.length },
            { title: x.inspectedBy, dataIndex: "inspectedByName", width: 100 },
            {
              title: x.incident,
              dataIndex: "incidentStatus",
              render: (s: string | null) =>
                s ? (
                  <Tag color={s === "closed" ? "success" : "error"}>
                    {s === "closed" ? x.handled : x.open}
                  </Tag>
                ) : (
                  "—"
                ),
            },
          ]}
        />
      </Card>
    </>
  );
}
