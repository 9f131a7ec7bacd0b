// Projects visible to me: search, filters in the URL, server pagination,
// Excel export of the filtered list; clients register new projects here.

import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Select } from "antd";
import { useNavigate } from "react-router-dom";
import { projectsApi } from "../../api/endpoints.ts";
import type { ProjectStatus } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { LinkButton } from "../../components/LinkButton.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { PROJECT_STATUS } from "../../i18n/labels.ts";
import { useMeta } from "../../session/MetaContext.tsx";
import { canCreateProject } from "../../session/roles.ts";
import { useMe } from "../../session/SessionContext.tsx";
import { useProjectColumns } from "./useProjectColumns.tsx";

const FILTERS = ["q", "status", "serviceType", "district", "nationalScope"] as const;

export function ProjectListPage() {
  const { t, pick } = useI18n();
  const { options } = useMeta();
  const me = useMe();
  const navigate = useNavigate();
  const f = useUrlFilters(FILTERS);
  const filters = f.values;
  const query = { ...filters, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => projectsApi.list(query, signal), [JSON.stringify(query)]);
  const columns = useProjectColumns();
  const p = t.projects;
  const mayCreate = canCreateProject(me);
  const filtered = FILTERS.some((k) => filters[k]);

  return (
    <>
      <PageHeader
        title={p.title}
        subtitle={p.subtitle}
        extra={
          <>
            <ExportButton href={projectsApi.exportUrl(filters)} />
            {mayCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate("/projects/new")}>
                {p.newProject}
              </Button>
            )}
          </>
        }
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={filters.q} onSearch={(q) => f.set({ q })} placeholder={p.searchPlaceholder} />
          <Select
            allowClear
            placeholder={p.allStatuses}
            aria-label={p.allStatuses}
            style={{ width: 140 }}
            value={filters.status}
            onChange={(status) => f.set({ status })}
            options={(Object.keys(PROJECT_STATUS) as ProjectStatus[]).map((s) => ({
              value: s,
              label: pick(PROJECT_STATUS[s]),
            }))}
          />
          <FilterSelect
            placeholder={p.allServiceTypes}
            width={170}
            value={filters.serviceType}
            onChange={(serviceType) => f.set({ serviceType })}
            options={options.serviceTypes}
          />
          <FilterSelect
            placeholder={p.allDistricts}
            width={140}
            value={filters.district}
            onChange={(district) => f.set({ district })}
            options={options.districts}
            searchable
          />
          <Select
            allowClear
            placeholder={p.nationalScopeAny}
            aria-label={p.nationalScopeAny}
            style={{ width: 200 }}
            value={filters.nationalScope}
            onChange={(nationalScope) => f.set({ nationalScope })}
            options={[
              { value: "true", label: p.nationalScopeYes },
              { value: "false", label: p.nationalScopeNo },
            ]}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <PagedTable
          list={list}
          paging={f}
          filtered={filtered}
          columns={columns}
          scroll={{ x: 1400 }}
          empty={
            <EmptyState
              text={me.org.kind === "client" ? p.emptyClient : p.empty}
              action={
                mayCreate && (
                  <LinkButton to="/projects/new" type="primary">
                    {p.newProject}
                  </LinkButton>
                )
              }
            />
          }
        />
      </Card>
    </>
  );
}
