// The vault entry log (D-9.9, D-9.10): who is inside any vault now, and one
// vault's log with filters, pages and Excel export; the agency's keepers and
// manager record entries and exits, supervisors read.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Flex, Select } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { serverPagination } from "../../components/pagination.ts";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { environmentApi } from "../environment/api.ts";
import { isKeeperOrManager } from "../environment/permissions.ts";
import { vaultAccessApi } from "./api.ts";
import { EntriesTable } from "./EntriesTable.tsx";
import { RecordEntryModal } from "./RecordEntryModal.tsx";

const FILTERS = ["vaultId", "status", "q", "from", "to"] as const;

export function VaultAccessPage() {
  const { t } = useI18n();
  const a = t.vaultAccess;
  const me = useMe();
  const f = useUrlFilters(FILTERS);
  const { vaultId, ...filters } = f.values;
  const query = { ...filters, page: f.page, pageSize: f.pageSize };
  const vaults = useQuery(() => environmentApi.vaults({ pageSize: 200 }), []);
  const inside = useQuery(() => vaultAccessApi.inside(), []);
  const list = useQuery(
    (signal) => (vaultId ? vaultAccessApi.entries(vaultId, query, signal) : Promise.resolve(undefined)),
    [vaultId, JSON.stringify(query)],
  );
  const [recording, setRecording] = useState<string>();
  const vault = vaults.data?.items.find((v) => v.id === vaultId);
  const canRecord = isKeeperOrManager(me);
  const reload = () => {
    inside.reload();
    list.reload();
  };
  const day = (v: string | undefined) => (v ? dayjs(v) : null);

  return (
    <>
      <PageHeader title={a.title} subtitle={a.subtitle} />
      <Flex vertical gap={16}>
        <Card title={`${a.inside} (${inside.data?.items.length ?? 0})`}>
          <ErrorAlert error={inside.error} />
          <EntriesTable
            items={inside.data?.items ?? []}
            loading={inside.loading}
            showVault
            canRecord={canRecord}
            onChanged={reload}
            empty={a.insideEmpty}
          />
        </Card>
        <Card
          title={
            <Select
              showSearch={{ optionFilterProp: "label" }}
              placeholder={a.chooseVault}
              aria-label={a.chooseVault}
              style={{ width: 320 }}
              value={vaultId}
              onChange={(v) => f.set({ vaultId: v })}
              options={(vaults.data?.items ?? []).map((v) => ({
                value: v.id,
                label: `${v.code} ${v.name}${me.org.kind === "agency" ? "" : ` · ${v.agencyName}`}`,
              }))}
            />
          }
          extra={
            vault && (
              <Flex gap={8}>
                <ExportButton href={vaultAccessApi.exportUrl(vault.id, filters)} />
                {canRecord && vault.agencyOrgId === me.orgId && (
                  <Button type="primary" icon={<PlusOutlined />} onClick={() => setRecording(vault.id)}>
                    {a.record}
                  </Button>
                )}
              </Flex>
            )
          }
        >
          {vaultId && (
            <Flex gap={12} wrap className="table-toolbar">
              <SearchInput value={filters.q} onSearch={(q) => f.set({ q })} placeholder={a.search} />
              <Select
                allowClear
                placeholder={a.allStatuses}
                aria-label={a.allStatuses}
                style={{ width: 130 }}
                value={filters.status}
                onChange={(status) => f.set({ status })}
                options={[
                  { value: "inside", label: a.statusInside },
                  { value: "exited", label: a.statusExited },
                ]}
              />
              <DatePicker
                placeholder={a.from}
                value={day(filters.from)}
                onChange={(d) => f.set({ from: d ? d.startOf("day").toISOString() : undefined })}
              />
              <DatePicker
                placeholder={a.to}
                value={day(filters.to)}
                onChange={(d) => f.set({ to: d ? d.endOf("day").toISOString() : undefined })}
              />
            </Flex>
          )}
          <ErrorAlert error={list.error} />
          <EntriesTable
            items={list.data?.items ?? []}
            loading={!!vaultId && list.loading}
            showVault={false}
            canRecord={canRecord && vault?.agencyOrgId === me.orgId}
            onChanged={reload}
            empty={vaultId ? a.noEntries : a.pickVault}
            pagination={serverPagination(
              f.page,
              f.pageSize,
              list.data?.total,
              t.common.total,
              (page, pageSize) => f.set({ page, pageSize }),
            )}
          />
        </Card>
      </Flex>
      <RecordEntryModal
        vaultId={recording}
        onClose={(saved) => {
          setRecording(undefined);
          if (saved) reload();
        }}
      />
    </>
  );
}
