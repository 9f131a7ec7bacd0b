// Register an organisation (regulator administrators). Fields follow the kind.
import { Button, Card, Form, Radio, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { type ApiError, asApiError } from "../../api/client.ts";
import { organisationsApi } from "../../api/endpoints.ts";
import type { OrgKind, RegulatorLevel } from "../../api/types.ts";
import { applyIssues } from "../../components/applyIssues.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FormSection } from "../../components/FormSection.tsx";
import { NotFound } from "../../components/NotFound.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { isRegulatorAdmin } from "../../session/roles.ts";
import { useMe } from "../../session/SessionContext.tsx";
import { createBody, type OrgFormValues } from "./cleanValues.ts";
import { PROFILE_FIELDS, ProfileFields, STANDING_FIELDS, StandingFields } from "./OrganisationFields.tsx";

export function OrganisationCreatePage() {
  const { t, pick } = useI18n();
  const { options } = useMeta();
  const me = useMe();
  const navigate = useNavigate();
  const notify = useNotify();
  const [form] = Form.useForm<OrgFormValues>();
  const kind = (Form.useWatch("kind", form) ?? "agency") as OrgKind;
  const level = Form.useWatch("regulatorLevel", form) as RegulatorLevel | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const o = t.orgs;

  if (!isRegulatorAdmin(me)) return <NotFound forbidden />;

  const submit = async (v: OrgFormValues) => {
    setBusy(true);
    setError(undefined);
    try {
      const body = createBody(v);
      if (body.regulatorLevel === "city") delete body.supervisedDistricts;
      const org = await organisationsApi.create(body);
      notify.success(o.created(org.name));
      navigate(`/organisations/${org.id}`);
    } catch (e) {
      const err = asApiError(e);
      setError(err);
      applyIssues(form, err, ["kind", ...PROFILE_FIELDS, ...STANDING_FIELDS], pick);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <PageHeader title={o.createTitle} subtitle={o.createSubtitle} />
      <Card>
        <Form<OrgFormValues>
          form={form}
          name="organisation"
          layout="vertical"
          style={{ maxWidth: 960 }}
          initialValues={{
            kind: "agency",
            district: me.org.regulatorLevel === "district" ? me.org.supervisedDistricts[0] : undefined,
            registrationStatus: "active",
            foreignBacked: false,
            serviceTypes: [],
          }}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item name="kind" label={o.kind} rules={[{ required: true }]}>
            <Radio.Group optionType="button" buttonStyle="solid" options={options.orgKinds} />
          </Form.Item>
          <FormSection title={o.profile}>
            <ProfileFields kind={kind} />
          </FormSection>
          {kind !== "client" && (
            <FormSection title={o.standing}>
              <StandingFields kind={kind} level={level} />
            </FormSection>
          )}
          <ErrorAlert error={error} />
          <Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {o.create}
            </Button>
            <Button onClick={() => navigate(-1)}>{t.common.cancel}</Button>
          </Space>
        </Form>
      </Card>
    </>
  );
}
