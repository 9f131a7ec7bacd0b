// Reference data from GET /api/meta (districts, roles, kinds, service types,
// registration statuses) and label helpers in the current language.
import { Result } from "antd";
import { createContext, type ReactNode, useContext, useMemo } from "react";
import { metaApi } from "../api/endpoints.ts";
import type { District, Meta, OrgKind, RegistrationStatus, Role, ServiceType } from "../api/types.ts";
import { FullPageSpin } from "../components/FullPageSpin.tsx";
import { useQuery } from "../hooks/useQuery.ts";
import { useI18n } from "../i18n/LocaleContext.tsx";

interface Option<V extends string> {
  value: V;
  label: string;
}

interface MetaValue {
  meta: Meta;
  labels: {
    district: (d: string | null | undefined) => string;
    role: (r: string) => string;
    orgKind: (k: string) => string;
    serviceType: (s: string) => string;
    registrationStatus: (s: string) => string;
  };
  options: {
    districts: Option<District>[];
    serviceTypes: Option<ServiceType>[];
    orgKinds: Option<OrgKind>[];
    registrationStatuses: Option<RegistrationStatus>[];
    roles: (kind: OrgKind) => Option<Role>[];
  };
}

const MetaContext = createContext<MetaValue | null>(null);

const entries = <K extends string, V>(o: Record<K, V>) => Object.entries(o) as [K, V][];

export function MetaProvider({ children }: { children: ReactNode }) {
  const { lang, t } = useI18n();
  const q = useQuery(() => metaApi.get(), []);
  const meta = q.data;

  const value = useMemo<MetaValue | null>(() => {
    if (!meta) return null;
    const label = (m: { zh: string; en: string } | undefined, code: string) => (m ? m[lang] : code);
    return {
      meta,
      labels: {
        district: (d) => (d ? label(meta.districts[d as District], d) : "—"),
        role: (r) => label(meta.roles[r as Role]?.label, r),
        orgKind: (k) => label(meta.orgKinds[k as OrgKind], k),
        serviceType: (s) => label(meta.serviceTypes[s as ServiceType], s),
        registrationStatus: (s) => label(meta.registrationStatuses[s as RegistrationStatus], s),
      },
      options: {
        districts: entries(meta.districts).map(([value, m]) => ({ value, label: m[lang] })),
        serviceTypes: entries(meta.serviceTypes).map(([value, m]) => ({ value, label: m[lang] })),
        orgKinds: entries(meta.orgKinds).map(([value, m]) => ({ value, label: m[lang] })),
        registrationStatuses: entries(meta.registrationStatuses).map(([value, m]) => ({
          value,
          label: m[lang],
        })),
        roles: (kind) =>
          entries(meta.roles)
            .filter(([, r]) => r.kind === kind)
            .map(([value, r]) => ({ value, label: r.label[lang] })),
      },
    };
  }, [meta, lang]);

  if (q.error && !meta)
    return (
      <Result
        status="warning"
        title={q.error.messages[lang]}
        subTitle={`${t.common.errorCode}: ${q.error.code}`}
      />
    );
  if (!value) return <FullPageSpin />;
  return <MetaContext.Provider value={value}>{children}</MetaContext.Provider>;
}

export function useMeta(): MetaValue {
  const v = useContext(MetaContext);
  if (!v) throw new Error("useMeta outside MetaProvider");
  return v;
}
