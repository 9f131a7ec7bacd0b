// Coloured tags for the codes the API returns.
import { GlobalOutlined, LockOutlined } from "@ant-design/icons";
import { Tag } from "antd";
import type { ProjectStatus, RegistrationStatus, ServiceType } from "../api/types.ts";
import { useI18n } from "../i18n/LocaleContext.tsx";
import { PROJECT_STATUS, REGISTRATION_COLOR, SERVICE_COLOR } from "../i18n/labels.ts";
import { useMeta } from "../session/MetaContext.tsx";

export function ProjectStatusTag({ status }: { status: ProjectStatus }) {
  const { pick } = useI18n();
  const s = PROJECT_STATUS[status];
  return (
    <Tag color={s.color} data-status={status}>
      {pick(s)}
    </Tag>
  );
}

export function ServiceTypeTag({ type }: { type: ServiceType }) {
  const { labels } = useMeta();
  return <Tag color={SERVICE_COLOR[type] ?? "default"}>{labels.serviceType(type)}</Tag>;
}

export function RegistrationTag({ status }: { status: RegistrationStatus }) {
  const { labels } = useMeta();
  return <Tag color={REGISTRATION_COLOR[status]}>{labels.registrationStatus(status)}</Tag>;
}

export function ForeignBackedTag() {
  const { t } = useI18n();
  return (
    <Tag color="magenta" icon={<GlobalOutlined />}>
      {t.orgs.foreignBacked}
    </Tag>
  );
}

export function NationalScopeTag() {
  const { t } = useI18n();
  return (
    <Tag color="red" icon={<LockOutlined />}>
      {t.projects.nationalScope}
    </Tag>
  );
}
