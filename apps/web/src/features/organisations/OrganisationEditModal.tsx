// Edit an organisation's profile, or (for its supervising regulator) its
// standing. Only changed fields are sent.
import { Form, Modal } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { organisationsApi } from "../../api/endpoints.ts";
import type { OrganisationDetail, RegulatorLevel } from "../../api/types.ts";
import { applyIssues } from "../../components/applyIssues.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { changedBody, type OrgFormValues } from "./cleanValues.ts";
import { PROFILE_FIELDS, ProfileFields, STANDING_FIELDS, StandingFields } from "./OrganisationFields.tsx";

export function OrganisationEditModal({
  org,
  mode,
  onClose,
  onSaved,
}: {
  org: OrganisationDetail;
  mode: "profile" | "standing" | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t, pick } = useI18n();
  const notify = useNotify();
  const [form] = Form.useForm<OrgFormValues>();
  const level = (Form.useWatch("regulatorLevel", form) ?? org.regulatorLevel ?? undefined) as
    | RegulatorLevel
    | undefined;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const fields: readonly string[] = mode === "standing" ? STANDING_FIELDS : PROFILE_FIELDS;
  const before = Object.fromEntries(fields.map((f) => [f, (org as unknown as OrgFormValues)[f]]));

  const submit = async () => {
    const v = await form.validateFields();
    const body = changedBody(before, v);
    if (body.regulatorLevel === "city") body.supervisedDistricts = [];
    if (Object.keys(body).length === 0) {
      notify.success(t.orgs.noChanges);
      onClose();
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await organisationsApi.update(org.id, body);
      notify.success(t.orgs.updated);
      onSaved();
    } catch (e) {
      const err = asApiError(e);
      setError(err);
      applyIssues(form, err, fields, pick);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={mode !== null}
      title={mode === "standing" ? t.orgs.editStanding : t.orgs.editProfile}
      onCancel={onClose}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t.common.save}
      cancelText={t.common.cancel}
      width={760}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form<OrgFormValues> form={form} layout="vertical" preserve={false} initialValues={before}>
        {mode === "standing" ? (
          <StandingFields kind={org.kind} level={level} />
        ) : (
          <ProfileFields kind={org.kind} />
        )}
      </Form>
    </Modal>
  );
}
