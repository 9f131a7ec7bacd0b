// Protective equipment with its next due date and OVERDUE flags (D-9.7);
// a row opens its maintenance log. Used on a vault and on the equipment page.
import { PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, InputNumber, Select, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { type ReactNode, useState } from "react";
import { Link } from "react-router-dom";
import type { Query } from "../../api/client.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type Equipment, facilitiesApi } from "./api.ts";
import { clean, FormModal, OverdueTag } from "./common.tsx";
import { EQUIPMENT_KIND, EQUIPMENT_STATUS, optionsOf } from "./labels.ts";
import { MaintenanceDrawer } from "./MaintenanceDrawer.tsx";

export function EquipmentTable({
  query,
  page,
  pageSize,
  onPage,
  addToVaultId,
  canRecord,
  showPlace,
  toolbar,
}: {
  query: Query;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
  /** Offer "add equipment" for this vault. */
  addToVaultId?: string;
  canRecord: boolean;
  showPlace?: boolean;
  toolbar?: ReactNode;
}) {
  const { t, pick } = useI18n();
  const f = t.facilities;
  const [open, setOpen] = useState<string>();
  const [adding, setAdding] = useState(false);
  const q = { ...query, page, pageSize };
  const list = useQuery((signal) => facilitiesApi.equipment(q, signal), [JSON.stringify(q)]);
  const overdue = useQuery(
    (signal) => facilitiesApi.equipment({ ...query, overdue: "true", pageSize: 1 }, signal),
    [JSON.stringify(query), list.data],
  );

  const columns: ColumnsType<Equipment> = [
    {
      title: f.name,
      dataIndex: "name",
      render: (n: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
          {n}
        </Button>
      ),
    },
    {
      title: f.kind,
      dataIndex: "kind",
      width: 150,
      render: (k: Equipment["kind"]) => pick(EQUIPMENT_KIND[k]),
    },
    ...(showPlace
      ? [
          { title: f.agency, dataIndex: "agencyName", width: 200 },
          {
            title: f.vault,
            dataIndex: "vaultCode",
            width: 90,
            render: (c: string | null, r: Equipment) =>
              c ? <Link to={`/facilities/vaults/${r.vaultId}/equipment`}>{c}</Link> : f.wholeSite,
          },
        ]
      : []),
    { title: f.quantity, dataIndex: "quantity", width: 70 },
    { title: f.interval, dataIndex: "checkIntervalDays", width: 110 },
    { title: f.lastChecked, dataIndex: "lastCheckedOn", width: 110, render: formatDate },
    {
      title: f.nextDue,
      dataIndex: "nextDueOn",
      width: 190,
      render: (d: string, r) => (
        <>
          {formatDate(d)} {r.overdue && <OverdueTag />}
        </>
      ),
    },
    {
      title: f.status,
      dataIndex: "status",
      width: 90,
      render: (s: string) => <Tag color={EQUIPMENT_STATUS[s]?.color}>{pick(EQUIPMENT_STATUS[s])}</Tag>,
    },
  ];

  return (
    <div data-testid="equipment">
      {(overdue.data?.total ?? 0) > 0 && (
        <Alert
          type="error"
          showIcon
          title={f.overdueAlert(overdue.data!.total)}
          style={{ marginBottom: 12 }}
        />
      )}
      {(toolbar || addToVaultId) && (
        <div className="table-toolbar" style={{ display: "flex", gap: 12, flexWrap: "wrap" }}>
          {toolbar}
          {addToVaultId && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {f.addEquipment}
            </Button>
          )}
        </div>
      )}
      <ErrorAlert error={list.error} />
      <Table<Equipment>
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={list.data?.items ?? []}
        onRow={(r) => (r.overdue ? { style: { background: "#fff1f0" } } : {})}
        pagination={serverPagination(page, pageSize, list.data?.total, t.common.total, onPage)}
        scroll={{ x: showPlace ? 1200 : 900 }}
        locale={{ emptyText: <EmptyState text={t.common.none} /> }}
      />
      <MaintenanceDrawer
        equipmentId={open}
        canRecord={canRecord}
        onClose={() => setOpen(undefined)}
        onChanged={list.reload}
      />
      {addToVaultId && (
        <FormModal<{
          kind: string;
          name: string;
          model?: string;
          serialNumber?: string;
          quantity?: number;
          checkIntervalDays: number;
        }>
          open={adding}
          title={f.addEquipment}
          fields={["kind", "name", "model", "serialNumber", "quantity", "checkIntervalDays"]}
          initialValues={{ quantity: 1, checkIntervalDays: 30 }}
          onClose={() => setAdding(false)}
          onSubmit={async (v) => {
            await facilitiesApi.addEquipment(addToVaultId, clean(v));
            list.reload();
          }}
        >
          <Form.Item name="kind" label={f.kind} rules={[{ required: true }]}>
            <Select options={optionsOf(EQUIPMENT_KIND, pick)} />
          </Form.Item>
          <Form.Item name="name" label={f.name} rules={[{ required: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="serialNumber" label={f.code}>
            <Input />
          </Form.Item>
          <Form.Item name="quantity" label={f.quantity}>
            <InputNumber min={1} style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="checkIntervalDays" label={f.interval} rules={[{ required: true }]}>
            <InputNumber min={1} max={3650} style={{ width: "100%" }} />
          </Form.Item>
        </FormModal>
      )}
    </div>
  );
}
