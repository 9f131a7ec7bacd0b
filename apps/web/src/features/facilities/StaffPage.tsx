// The staff register of custody agencies visible to me (D-6.1), with training
// hours over the last twelve months (D-6.2); ID numbers arrive masked for all
// but the agency's manager.
import { PlusOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Flex, Select, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { facilitiesApi, type Staff, type TitleLevel } from "./api.ts";
import { CustodyAgencySelect } from "./common.tsx";
import { optionsOf, TITLE_LEVEL } from "./labels.ts";
import { StaffDrawer } from "./StaffDrawer.tsx";
import { StaffModal } from "./StaffModal.tsx";

const FILTERS = ["q", "titleLevel", "archiveProfessional", "agencyOrgId"] as const;

export function StaffPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const f = t.facilities;
  const u = useUrlFilters(FILTERS);
  const filter = { ...u.values };
  const query = { ...filter, page: u.page, pageSize: u.pageSize };
  const list = useQuery((signal) => facilitiesApi.staff(query, signal), [JSON.stringify(query)]);
  const [open, setOpen] = useState<string>();
  const [adding, setAdding] = useState(false);
  const isManager = me.org.kind === "agency" && me.roles.includes("agency_manager");

  const columns: ColumnsType<Staff> = [
    {
      title: f.personName,
      dataIndex: "name",
      render: (n: string, r) => (
        <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setOpen(r.id)}>
          {n}
        </Button>
      ),
    },
    ...(me.org.kind === "agency" ? [] : [{ title: f.agency, dataIndex: "agencyName" }]),
    { title: f.position, dataIndex: "position", render: (p: string | null) => p ?? "—" },
    {
      title: f.titleLevel,
      dataIndex: "titleLevel",
      width: 100,
      render: (l: TitleLevel) => pick(TITLE_LEVEL[l]),
    },
    {
      title: f.archiveProfessional,
      dataIndex: "archiveProfessional",
      width: 100,
      render: (v: boolean) => (v ? <Tag color="blue">{t.common.yes}</Tag> : <Tag>{t.common.no}</Tag>),
    },
    {
      title: f.idNumber,
      dataIndex: "idNumber",
      width: 190,
      render: (n: string | null) => <span className="mono">{n ?? "—"}</span>,
    },
    { title: f.account, dataIndex: "username", width: 140, render: (n: string | null) => n ?? "—" },
    { title: f.trainingHours, dataIndex: "trainingHoursLastYear", width: 120 },
    {
      title: f.active,
      dataIndex: "active",
      width: 70,
      render: (v: boolean) => <Tag color={v ? "success" : "default"}>{v ? t.common.yes : t.common.no}</Tag>,
    },
  ];

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/facilities">{f.title}</Link> }, { title: f.staffTitle }]}
      />
      <PageHeader
        title={f.staffTitle}
        subtitle={f.staffSubtitle}
        extra={
          <>
            <ExportButton href={facilitiesApi.staffExportUrl(filter)} />
            {isManager && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
                {f.addStaff}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput
            value={u.values.q}
            onSearch={(q) => u.set({ q })}
            placeholder={f.searchStaff}
            width={240}
          />
          <Select
            allowClear
            placeholder={f.allTitles}
            aria-label={f.allTitles}
            style={{ width: 140 }}
            value={u.values.titleLevel}
            onChange={(titleLevel) => u.set({ titleLevel })}
            options={optionsOf(TITLE_LEVEL, pick)}
          />
          <Select
            allowClear
            placeholder={f.archiveProfessional}
            aria-label={f.archiveProfessional}
            style={{ width: 150 }}
            value={u.values.archiveProfessional}
            onChange={(archiveProfessional) => u.set({ archiveProfessional })}
            options={[
              { value: "true", label: `${f.archiveProfessional}：${t.common.yes}` },
              { value: "false", label: `${f.archiveProfessional}：${t.common.no}` },
            ]}
          />
          {me.org.kind !== "agency" && (
            <CustodyAgencySelect
              value={u.values.agencyOrgId}
              onChange={(agencyOrgId) => u.set({ agencyOrgId })}
            />
          )}
        </Flex>
        <ErrorAlert error={list.error} />
        <Table<Staff>
          rowKey="id"
          size="middle"
          loading={list.loading}
          columns={columns}
          dataSource={list.data?.items ?? []}
          scroll={{ x: 1000 }}
          pagination={serverPagination(
            u.page,
            u.pageSize,
            list.data?.total,
            t.common.total,
            (page, pageSize) => u.set({ page, pageSize }),
          )}
          locale={{ emptyText: <EmptyState text={f.emptyStaff} /> }}
        />
      </Card>
      <StaffDrawer staffId={open} onClose={() => setOpen(undefined)} onChanged={list.reload} />
      <StaffModal open={adding} onClose={() => setAdding(false)} onSaved={list.reload} />
    </>
  );
}
