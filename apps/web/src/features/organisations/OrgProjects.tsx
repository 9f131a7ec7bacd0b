// Projects of an organisation as client or agency, as far as I may see them.
import { Table } from "antd";
import { projectsApi } from "../../api/endpoints.ts";
import type { OrganisationDetail } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useProjectColumns } from "../projects/useProjectColumns.tsx";

export function OrgProjects({ org }: { org: OrganisationDetail }) {
  const { t } = useI18n();
  const filter = org.kind === "client" ? { clientOrgId: org.id } : { agencyOrgId: org.id };
  const q = useQuery((signal) => projectsApi.list({ ...filter, pageSize: 100 }, signal), [org.id, org.kind]);
  const columns = useProjectColumns({ compact: true });
  return (
    <>
      <ErrorAlert error={q.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={q.loading}
        columns={columns}
        dataSource={q.data?.items ?? []}
        pagination={(q.data?.total ?? 0) > 10 ? { pageSize: 10 } : false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <EmptyState text={t.projects.empty} /> }}
      />
    </>
  );
}
