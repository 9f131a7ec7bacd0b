// Sections of the project form: the archives in scope (G-3) with early
// warnings, and the digitization site (Z-4.2).
import { Alert, Col, Form, Input, Row, Select, Space, Switch } from "antd";
import type { Organisation, ServiceType, SiteKind } from "../../api/types.ts";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { FormSection } from "../../components/FormSection.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { SITE_KIND } from "../../i18n/labels.ts";

export function ScopeSection({
  agency,
  serviceType,
  nationalScope,
  classified,
}: {
  agency: Organisation | undefined;
  serviceType: ServiceType | undefined;
  nationalScope: boolean | undefined;
  classified: boolean | undefined;
}) {
  const { t } = useI18n();
  const p = t.projects;
  const foreignClause = serviceType === "digitization" ? "Z-4.4" : "G-3";
  return (
    <FormSection title={p.sectionScope}>
      <Row gutter={24}>
        <Col xs={24} md={12}>
          <Form.Item
            name="hasNationalScope"
            label={p.hasNationalScope}
            extra={p.hasNationalScopeHelp}
            valuePropName="checked"
          >
            <Switch checkedChildren={t.common.yes} unCheckedChildren={t.common.no} />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item
            name="hasClassified"
            label={p.hasClassified}
            extra={p.hasClassifiedHelp}
            valuePropName="checked"
          >
            <Switch checkedChildren={t.common.yes} unCheckedChildren={t.common.no} />
          </Form.Item>
        </Col>
      </Row>
      {nationalScope && agency?.foreignBacked && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={
            <Space size={8} wrap>
              <ClauseTag id={foreignClause} />
              {p.warnForeign}
            </Space>
          }
        />
      )}
      {classified && <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={p.warnClassified} />}
    </FormSection>
  );
}

export function SiteSection() {
  const { t, pick } = useI18n();
  const p = t.projects;
  return (
    <FormSection title={p.sectionSite}>
      <Row gutter={24}>
        <Col xs={24} md={8}>
          <Form.Item name="siteKind" label={p.siteKind} extra={p.siteHelp} rules={[{ required: true }]}>
            <Select
              options={(Object.keys(SITE_KIND) as SiteKind[]).map((k) => ({
                value: k,
                label: pick(SITE_KIND[k]),
              }))}
            />
          </Form.Item>
        </Col>
        <Col xs={24} md={16}>
          <Form.Item name="siteAddress" label={p.siteAddress} rules={[{ max: 300 }]}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
    </FormSection>
  );
}
