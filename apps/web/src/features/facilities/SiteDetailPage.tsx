// One site: its details, the checklist, rooms, cameras, fire alarms, the fire
// emergency plan (D-9.3) and its vaults.
import {
  Alert,
  Breadcrumb,
  Card,
  Col,
  Descriptions,
  List,
  Result,
  Row,
  Select,
  Space,
  Typography,
} from "antd";
import { Link, useParams } from "react-router-dom";
import { attachmentsApi } from "../../api/endpoints.ts";
import type { EntityType } from "../../api/types.ts";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel.tsx";
import { facilitiesApi, type SiteDetail } from "./api.ts";
import { SHELVING } from "./labels.ts";
import { SiteChecklist } from "./SiteChecklist.tsx";
import { SiteRegisters } from "./SiteRegisters.tsx";

function EmergencyPlan({ site, onChanged }: { site: SiteDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const f = t.facilities;
  const files = useQuery(() => attachmentsApi.list("site" as EntityType, site.id), [site.id, site.updatedAt]);
  const setPlan = async (id: string) => {
    try {
      await facilitiesApi.updateSite(site.id, { emergencyPlanAttachmentId: id });
      notify.success(f.planSet);
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Card
      size="small"
      title={
        <Space>
          {f.emergencyPlan}
          <ClauseTag id="D-9.3" />
        </Space>
      }
    >
      {site.emergencyPlan ? (
        <Typography.Paragraph>
          <a href={attachmentsApi.contentUrl(site.emergencyPlan.id)} download>
            {site.emergencyPlan.filename}
          </a>{" "}
          <Typography.Text type="secondary">{formatDateTime(site.emergencyPlan.createdAt)}</Typography.Text>
        </Typography.Paragraph>
      ) : (
        <Alert type="warning" showIcon title={f.planMissing} style={{ marginBottom: 12 }} />
      )}
      {site.permissions.manage && (files.data?.items.length ?? 0) > 0 && (
        <Select
          style={{ width: 320, marginBottom: 12 }}
          placeholder={f.setPlan}
          aria-label={f.setPlan}
          value={site.emergencyPlan?.id}
          onChange={(id) => void setPlan(id)}
          options={(files.data?.items ?? []).map((a) => ({ value: a.id, label: a.filename }))}
        />
      )}
    </Card>
  );
}

export function SiteDetailPage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const { labels } = useMeta();
  const f = t.facilities;
  const site = useQuery(() => facilitiesApi.site(id), [id]);
  if (site.error && !site.data)
    return site.error.status === 404 ? (
      <Result
        status="404"
        title={t.common.notFoundTitle}
        extra={<Link to="/facilities?tab=sites">{t.common.back}</Link>}
      />
    ) : (
      <ErrorAlert error={site.error} />
    );
  const d = site.data;
  if (!d) return <FullPageSpin />;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/facilities?tab=sites">{f.title}</Link> }, { title: d.name }]}
      />
      <PageHeader title={d.name} subtitle={`${d.agencyName} · ${d.address ?? "—"}`} />
      {!d.permissions.manage && (
        <Alert type="info" showIcon title={f.readOnly} style={{ marginBottom: 16 }} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card size="small" title={f.vaultsOfSite}>
              <List
                size="small"
                dataSource={d.vaults}
                locale={{ emptyText: f.emptyVaults }}
                renderItem={(v) => (
                  <List.Item>
                    <Link to={`/facilities/vaults/${v.id}`}>
                      <span className="mono">{v.code}</span> {v.name}
                    </Link>
                    <Typography.Text type="secondary">
                      {v.floorAreaM2 ?? "—"} m² · {pick(SHELVING[v.shelvingType])}
                    </Typography.Text>
                  </List.Item>
                )}
              />
            </Card>
            <SiteRegisters site={d} onChanged={site.reload} />
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <Card size="small" title={t.common.detail}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={f.agency}>{d.agencyName}</Descriptions.Item>
                <Descriptions.Item label={f.address}>{d.address ?? "—"}</Descriptions.Item>
                <Descriptions.Item label={f.district}>{labels.district(d.district)}</Descriptions.Item>
              </Descriptions>
            </Card>
            <EmergencyPlan site={d} onChanged={site.reload} />
            <SiteChecklist site={d} onChanged={site.reload} />
            <Card size="small" title={f.siteFiles}>
              <AttachmentsPanel
                entityType={"site" as EntityType}
                entityId={d.id}
                canUpload={d.permissions.manage}
              />
            </Card>
          </Space>
        </Col>
      </Row>
    </>
  );
}
