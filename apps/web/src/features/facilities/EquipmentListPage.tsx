// All protective equipment visible to me, overdue checks first (D-9.7).
import { Breadcrumb, Card, Checkbox, Select } from "antd";
import { Link } from "react-router-dom";
import { ExportButton } from "../../components/ExportButton.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { facilitiesApi } from "./api.ts";
import { CustodyAgencySelect } from "./common.tsx";
import { EquipmentTable } from "./EquipmentTable.tsx";
import { EQUIPMENT_KIND, optionsOf } from "./labels.ts";

const FILTERS = ["q", "kind", "overdue", "agencyOrgId"] as const;

export function EquipmentListPage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const f = t.facilities;
  const u = useUrlFilters(FILTERS);
  const filter = {
    q: u.values.q,
    kind: u.values.kind,
    overdue: u.values.overdue,
    agencyOrgId: u.values.agencyOrgId,
  };
  const staff =
    me.org.kind === "agency" && me.roles.some((r) => r === "agency_manager" || r === "agency_vault_keeper");
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/facilities">{f.title}</Link> }, { title: f.equipmentTitle }]}
      />
      <PageHeader
        title={f.equipmentTitle}
        subtitle={f.equipmentSubtitle}
        extra={<ExportButton href={facilitiesApi.equipmentExportUrl(filter)} />}
      />
      <Card>
        <EquipmentTable
          query={filter}
          page={u.page}
          pageSize={u.pageSize}
          onPage={(page, pageSize) => u.set({ page, pageSize })}
          canRecord={staff}
          showPlace
          toolbar={
            <>
              <SearchInput
                value={u.values.q}
                onSearch={(q) => u.set({ q })}
                placeholder={t.common.searchPlaceholder}
                width={240}
              />
              <Select
                allowClear
                placeholder={f.allKinds}
                aria-label={f.allKinds}
                style={{ width: 200 }}
                value={u.values.kind}
                onChange={(kind) => u.set({ kind })}
                options={optionsOf(EQUIPMENT_KIND, pick)}
              />
              {me.org.kind !== "agency" && (
                <CustodyAgencySelect
                  value={u.values.agencyOrgId}
                  onChange={(agencyOrgId) => u.set({ agencyOrgId })}
                />
              )}
              <Checkbox
                checked={u.values.overdue === "true"}
                onChange={(e) => u.set({ overdue: e.target.checked ? "true" : undefined })}
                style={{ alignSelf: "center" }}
              >
                {f.overdueOnly}
              </Checkbox>
            </>
          }
        />
      </Card>
    </>
  );
}
