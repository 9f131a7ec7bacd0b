// The digitization projects the user may read, each opening its site (Z-5.5–Z-8.3).
import { Card, Table } from "antd";
import { Link } from "react-router-dom";
import { projectsApi } from "../../api/endpoints.ts";
import type { Project } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ProjectStatusTag } from "../../components/Tags.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";

export function SitePickerPage() {
  const { t } = useI18n();
  const m = t.digitizationSite;
  const p = t.projects;
  const list = useQuery((s) => projectsApi.list({ serviceType: "digitization", pageSize: 200 }, s), []);
  return (
    <>
      <PageHeader title={m.pickerTitle} subtitle={m.pickerSubtitle} />
      <Card>
        <ErrorAlert error={list.error} />
        <Table<Project>
          rowKey="id"
          size="middle"
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState text={m.pickerEmpty} /> }}
          columns={[
            { title: p.code, width: 160, render: (_, r) => <span className="mono">{r.code}</span> },
            {
              title: m.title,
              render: (_, r) => <Link to={`/digitization/projects/${r.id}/site`}>{r.name}</Link>,
            },
            { title: p.client, dataIndex: "clientName", ellipsis: true },
            { title: p.agency, dataIndex: "agencyName", ellipsis: true },
            { title: m.status, width: 110, render: (_, r) => <ProjectStatusTag status={r.status} /> },
            {
              title: "",
              width: 110,
              render: (_, r) => <Link to={`/digitization/projects/${r.id}/site`}>{m.openSite}</Link>,
            },
          ]}
        />
      </Card>
    </>
  );
}
