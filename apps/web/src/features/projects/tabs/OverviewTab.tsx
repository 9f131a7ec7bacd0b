// Project overview: details, parties, archives in scope, contract and the
// workflow's next steps.
import { CheckCircleTwoTone, ExclamationCircleTwoTone } from "@ant-design/icons";
import { Card, Col, Descriptions, Row, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { ProjectDetail } from "../../../api/types.ts";
import { ForeignBackedTag, NationalScopeTag, ServiceTypeTag } from "../../../components/Tags.tsx";
import { formatDateTime } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/LocaleContext.tsx";
import { CUSTODY_MODE, SITE_KIND } from "../../../i18n/labels.ts";
import { useMeta } from "../../../session/MetaContext.tsx";
import { NextActions } from "./NextActions.tsx";

export function OverviewTab({ project: d, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const { labels } = useMeta();
  const p = t.projects;

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Card size="small" title={p.details}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={p.code}>
                <span className="mono">{d.code}</span>
              </Descriptions.Item>
              <Descriptions.Item label={p.serviceType}>
                <ServiceTypeTag type={d.serviceType} />
              </Descriptions.Item>
              {d.serviceType === "custody" && (
                <Descriptions.Item label={p.custodyMode}>
                  {d.custodyMode ? pick(CUSTODY_MODE[d.custodyMode]) : "—"}
                </Descriptions.Item>
              )}
              {d.serviceType === "digitization" && (
                <>
                  <Descriptions.Item label={p.siteKind}>
                    {d.siteKind ? pick(SITE_KIND[d.siteKind]) : "—"}
                  </Descriptions.Item>
                  <Descriptions.Item label={p.siteAddress}>{d.siteAddress ?? "—"}</Descriptions.Item>
                  <Descriptions.Item label={t.digitizationSite.title} span="filled">
                    <Link to={`/digitization/projects/${d.id}/site`}>{t.digitizationSite.projectLink}</Link>
                  </Descriptions.Item>
                </>
              )}
              <Descriptions.Item label={p.responsibleLeader}>{d.responsibleLeader}</Descriptions.Item>
              <Descriptions.Item label={p.responsibleDepartment}>{d.responsibleDepartment}</Descriptions.Item>
              <Descriptions.Item label={t.common.createdAt}>{formatDateTime(d.createdAt)}</Descriptions.Item>
              <Descriptions.Item label={p.startedAt}>{formatDateTime(d.startedAt)}</Descriptions.Item>
              {d.completedAt && (
                <Descriptions.Item label={p.completedAt}>{formatDateTime(d.completedAt)}</Descriptions.Item>
              )}
              <Descriptions.Item label={p.description} span="filled">
                {d.description ?? "—"}
              </Descriptions.Item>
            </Descriptions>
          </Card>
          <Card size="small" title={p.parties}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={p.client}>
                <Space size={6} wrap>
                  <Link to={`/organisations/${d.clientOrgId}`}>{d.clientName}</Link>
                  <Tag>{labels.district(d.clientDistrict)}</Tag>
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={p.agency}>
                <Space size={6} wrap>
                  <Link to={`/organisations/${d.agencyOrgId}`}>{d.agencyName}</Link>
                  <Tag>{labels.district(d.agencyDistrict)}</Tag>
                  {d.agencyForeignBacked && <ForeignBackedTag />}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Space>
      </Col>
      <Col xs={24} xl={8}>
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Card size="small" title={p.nextActions} data-testid="next-actions">
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {p.nextActionsHelp}
            </Typography.Paragraph>
            <NextActions project={d} onChanged={onChanged} />
          </Card>
          <Card size="small" title={p.flags}>
            <Descriptions column={1} size="small">
              <Descriptions.Item label={p.nationalScope}>
                {d.hasNationalScope ? <NationalScopeTag /> : p.notNationalScope}
              </Descriptions.Item>
              <Descriptions.Item label={p.classified}>
                {d.hasClassified ? <Tag color="red">{p.classified}</Tag> : p.notClassified}
              </Descriptions.Item>
              <Descriptions.Item label={p.contractStatus}>
                <Link to={`/projects/${d.id}/contract`}>
                  {d.contractStatus === "signed" ? (
                    <Space size={4}>
                      <CheckCircleTwoTone twoToneColor="#52c41a" />
                      {p.contractSigned}
                    </Space>
                  ) : (
                    <Space size={4}>
                      <ExclamationCircleTwoTone twoToneColor="#faad14" />
                      {p.contractDraft}
                    </Space>
                  )}
                </Link>
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Space>
      </Col>
    </Row>
  );
}
