// One organisation: profile, registration standing, signing public key, and
// tabs for its projects, attachments and audit trail. Edit buttons follow the
// `permissions` the API returns.
import { EditOutlined, SafetyOutlined, TeamOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Card, Col, Result, Row, Space, Tabs, Tag } from "antd";
import { useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { organisationsApi } from "../../api/endpoints.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { ForeignBackedTag, RegistrationTag } from "../../components/Tags.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { ORG_KIND_COLOR } from "../../i18n/labels.ts";
import { useMeta } from "../../session/MetaContext.tsx";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel.tsx";
import { AuditTrail } from "../audit/AuditTrail.tsx";
import { ProfileCard, SigningKeyCard, StandingCard } from "./OrganisationCards.tsx";
import { OrganisationEditModal } from "./OrganisationEditModal.tsx";
import { OrgProjects } from "./OrgProjects.tsx";

export function OrganisationDetailPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const { labels } = useMeta();
  const navigate = useNavigate();
  const o = t.orgs;
  const q = useQuery(() => organisationsApi.get(id), [id]);
  const [editing, setEditing] = useState<"profile" | "standing" | null>(null);

  if (q.error && !q.data)
    return q.error.status === 404 ? (
      <Result status="404" title={o.notFound} extra={<Link to="/organisations">{t.common.back}</Link>} />
    ) : (
      <ErrorAlert error={q.error} />
    );
  const org = q.data;
  if (!org || org.id !== id) return <FullPageSpin />;
  const perms = org.permissions;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/organisations">{o.title}</Link> }, { title: org.name }]}
      />
      <PageHeader
        title={org.name}
        tags={
          <Space size={4}>
            <Tag color={ORG_KIND_COLOR[org.kind]}>{labels.orgKind(org.kind)}</Tag>
            {org.kind === "agency" && <RegistrationTag status={org.registrationStatus} />}
            {org.foreignBacked && <ForeignBackedTag />}
          </Space>
        }
        extra={
          <>
            {perms.update && (
              <Button icon={<EditOutlined />} onClick={() => setEditing("profile")}>
                {o.editProfile}
              </Button>
            )}
            {perms.changeStanding && org.kind !== "client" && (
              <Button icon={<SafetyOutlined />} onClick={() => setEditing("standing")}>
                {o.editStanding}
              </Button>
            )}
            {perms.manageUsers && (
              <Button icon={<TeamOutlined />} onClick={() => navigate("/users")}>
                {o.users}
              </Button>
            )}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={org.kind === "client" ? 24 : 14}>
          <ProfileCard org={org} />
        </Col>
        {org.kind !== "client" && (
          <Col xs={24} xl={10}>
            <StandingCard org={org} />
          </Col>
        )}
        <Col span={24}>
          <SigningKeyCard org={org} />
        </Col>
        <Col span={24}>
          <Card styles={{ body: { paddingTop: 4 } }}>
            <Tabs
              destroyOnHidden
              items={[
                ...(org.kind !== "regulator"
                  ? [{ key: "projects", label: o.projects, children: <OrgProjects org={org} /> }]
                  : []),
                {
                  key: "attachments",
                  label: o.attachmentsTitle,
                  children: (
                    <AttachmentsPanel entityType="organisation" entityId={org.id} canUpload={perms.update} />
                  ),
                },
                {
                  key: "audit",
                  label: t.audit.trailTitle,
                  children: <AuditTrail entityType="organisation" entityId={org.id} />,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <OrganisationEditModal
        org={org}
        mode={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          q.reload();
        }}
      />
    </>
  );
}
