// Register a project (client users). The server checks the prohibitions; a
// refusal is shown on the form with the clause it enforces.
import { Button, Card, Col, Form, Input, Radio, Row, Space } from "antd";
import { useRef, useState } from "react";
import { useNavigate } from "react-router-dom";
import { type ApiError, asApiError } from "../../api/client.ts";
import { projectsApi } from "../../api/endpoints.ts";
import type { CustodyMode, ServiceType, SiteKind } from "../../api/types.ts";
import { applyIssues } from "../../components/applyIssues.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FormSection } from "../../components/FormSection.tsx";
import { NotFound } from "../../components/NotFound.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { CUSTODY_MODE } from "../../i18n/labels.ts";
import { useMeta } from "../../session/MetaContext.tsx";
import { canCreateProject } from "../../session/roles.ts";
import { useMe } from "../../session/SessionContext.tsx";
import { AgencySelect, useAgencies } from "./AgencySelect.tsx";
import { ScopeSection, SiteSection } from "./ProjectFormSections.tsx";

interface Values {
  name: string;
  serviceType: ServiceType;
  custodyMode?: CustodyMode;
  agencyOrgId: string;
  hasClassified: boolean;
  hasNationalScope: boolean;
  responsibleLeader: string;
  responsibleDepartment: string;
  siteKind?: SiteKind;
  siteAddress?: string;
  description?: string;
}

const FIELDS = [
  "name",
  "serviceType",
  "custodyMode",
  "agencyOrgId",
  "hasClassified",
  "hasNationalScope",
  "responsibleLeader",
  "responsibleDepartment",
  "siteKind",
  "siteAddress",
  "description",
] as const;

export function NewProjectPage() {
  const { t, pick } = useI18n();
  const { options } = useMeta();
  const me = useMe();
  const navigate = useNavigate();
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const errorRef = useRef<HTMLDivElement>(null);
  const serviceType = Form.useWatch("serviceType", form);
  const agencyId = Form.useWatch("agencyOrgId", form);
  const nationalScope = Form.useWatch("hasNationalScope", form);
  const classified = Form.useWatch("hasClassified", form);
  const agencies = useAgencies(serviceType);
  const p = t.projects;

  if (!canCreateProject(me)) return <NotFound forbidden />;

  const agency = agencies.data?.find((a) => a.id === agencyId);

  const submit = async (v: Values) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        ...v,
        clientOrgId: me.orgId,
        name: v.name.trim(),
        ...(v.serviceType !== "custody" ? { custodyMode: undefined } : {}),
        ...(v.serviceType !== "digitization" ? { siteKind: undefined, siteAddress: undefined } : {}),
        description: v.description?.trim() || undefined,
        siteAddress: v.serviceType === "digitization" ? v.siteAddress?.trim() || undefined : undefined,
      };
      const created = await projectsApi.create(body);
      notify.success(p.created(created.code));
      navigate(`/projects/${created.id}`);
    } catch (e) {
      const err = asApiError(e);
      setError(err);
      applyIssues(form, err, FIELDS, pick);
      requestAnimationFrame(() => errorRef.current?.scrollIntoView({ behavior: "smooth", block: "center" }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={p.formTitle} subtitle={p.formSubtitle} />
      <Card>
        <Form<Values>
          form={form}
          name="project"
          layout="vertical"
          initialValues={{ hasClassified: false, hasNationalScope: false, custodyMode: "custody" }}
          onFinish={(v) => void submit(v)}
          onValuesChange={(changed: Partial<Values>) => {
            if ("serviceType" in changed) form.setFieldValue("agencyOrgId", undefined);
          }}
          style={{ maxWidth: 960 }}
        >
          <FormSection title={p.sectionBasics}>
            <Form.Item name="name" label={p.name} rules={[{ required: true, max: 200, whitespace: true }]}>
              <Input placeholder={p.namePlaceholder} />
            </Form.Item>
            <Form.Item name="serviceType" label={p.serviceType} rules={[{ required: true }]}>
              <Radio.Group optionType="button" buttonStyle="solid" options={options.serviceTypes} />
            </Form.Item>
            {serviceType === "custody" && (
              <Form.Item name="custodyMode" label={p.custodyMode}>
                <Radio.Group
                  options={(Object.keys(CUSTODY_MODE) as CustodyMode[]).map((m) => ({
                    value: m,
                    label: pick(CUSTODY_MODE[m]),
                  }))}
                />
              </Form.Item>
            )}
          </FormSection>

          <FormSection title={p.sectionParties}>
            <Row gutter={24}>
              <Col xs={24} md={12}>
                <Form.Item label={p.clientSelf}>
                  <Input value={me.org.name} disabled />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item name="agencyOrgId" label={p.agency} rules={[{ required: true }]}>
                  <AgencySelect
                    serviceType={serviceType}
                    agencies={agencies.data ?? []}
                    loading={agencies.loading}
                  />
                </Form.Item>
              </Col>
            </Row>
          </FormSection>

          <ScopeSection
            agency={agency}
            serviceType={serviceType}
            nationalScope={nationalScope}
            classified={classified}
          />
          <FormSection title={p.sectionResponsibility}>
            <Row gutter={24}>
              <Col xs={24} md={12}>
                <Form.Item
                  name="responsibleLeader"
                  label={p.responsibleLeader}
                  rules={[{ required: true, max: 100, whitespace: true }]}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  name="responsibleDepartment"
                  label={p.responsibleDepartment}
                  rules={[{ required: true, max: 100, whitespace: true }]}
                >
                  <Input />
                </Form.Item>
              </Col>
            </Row>
          </FormSection>

          {serviceType === "digitization" && <SiteSection />}

          <Form.Item name="description" label={p.description} rules={[{ max: 4000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>

          <div ref={errorRef}>
            <ErrorAlert error={error} />
          </div>
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {p.submit}
            </Button>
            <Button onClick={() => navigate(-1)}>{t.common.cancel}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
