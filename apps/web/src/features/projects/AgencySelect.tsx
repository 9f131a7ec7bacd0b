// Agencies registered for a service type (GET /api/organisations?kind=agency&serviceType=…),
// with their foreign backing and registration standing visible in each option.
import { Select, Space, Tag } from "antd";
import { organisationsApi } from "../../api/endpoints.ts";
import type { Organisation, ServiceType } from "../../api/types.ts";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";

export function useAgencies(serviceType: ServiceType | undefined) {
  return useQuery(
    (signal) =>
      serviceType
        ? organisationsApi.list({ kind: "agency", serviceType, pageSize: 200 }, signal).then((r) => r.items)
        : Promise.resolve([] as Organisation[]),
    [serviceType],
  );
}

export function AgencySelect({
  id,
  value,
  onChange,
  serviceType,
  agencies,
  loading,
}: {
  id?: string;
  value?: string;
  onChange?: (v: string) => void;
  serviceType: ServiceType | undefined;
  agencies: Organisation[];
  loading: boolean;
}) {
  const { t } = useI18n();
  const { labels } = useMeta();
  const p = t.projects;
  return (
    <Select
      {...(id ? { id } : {})}
      value={value}
      onChange={onChange}
      disabled={!serviceType}
      loading={loading}
      placeholder={serviceType ? p.agencyPlaceholder : p.chooseServiceFirst}
      notFoundContent={p.agencyEmpty}
      showSearch={{ optionFilterProp: "name" }}
      options={agencies.map((a) => ({
        value: a.id,
        name: a.name,
        label: (
          <Space size={6}>
            <span>{a.name}</span>
            <Tag style={{ marginInlineEnd: 0 }}>{labels.district(a.district)}</Tag>
            {a.foreignBacked && (
              <Tag color="magenta" style={{ marginInlineEnd: 0 }}>
                {t.orgs.foreignBacked}
              </Tag>
            )}
            {a.registrationStatus !== "active" && (
              <Tag color="warning" style={{ marginInlineEnd: 0 }}>
                {labels.registrationStatus(a.registrationStatus)}
              </Tag>
            )}
          </Space>
        ),
      }))}
    />
  );
}
