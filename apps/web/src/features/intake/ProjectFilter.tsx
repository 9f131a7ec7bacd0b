// A custody-project filter for the intake and box lists (URL filter `projectId`).
import { Select } from "antd";
import { projectsApi } from "../../api/endpoints.ts";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";

export function ProjectFilter({
  value,
  onChange,
}: {
  value: string | undefined;
  onChange: (id: string | undefined) => void;
}) {
  const { t } = useI18n();
  const projects = useQuery(() => projectsApi.list({ serviceType: "custody", pageSize: 200 }), []);
  return (
    <Select
      allowClear
      showSearch={{ optionFilterProp: "label" }}
      placeholder={t.intake.allProjects}
      aria-label={t.intake.allProjects}
      style={{ width: 240 }}
      value={value}
      onChange={onChange}
      loading={projects.loading}
      options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
    />
  );
}
