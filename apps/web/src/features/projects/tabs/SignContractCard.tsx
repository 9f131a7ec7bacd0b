// Sign the contract: pick the uploaded signed document and the signing date.
import { Alert, Button, Card, DatePicker, Form, Select } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { type ApiError, asApiError } from "../../../api/client.ts";
import { attachmentsApi, projectsApi } from "../../../api/endpoints.ts";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useNotify } from "../../../components/useNotify.tsx";
import { useQuery } from "../../../hooks/useQuery.ts";
import { formatDateTime } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/LocaleContext.tsx";

export function SignContractCard({ projectId, onSigned }: { projectId: string; onSigned: () => void }) {
  const { t } = useI18n();
  const notify = useNotify();
  const files = useQuery(() => attachmentsApi.list("project", projectId), [projectId]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const items = files.data?.items ?? [];

  const sign = async (v: { signedDocumentId: string; signedOn: Dayjs }) => {
    setBusy(true);
    setError(undefined);
    try {
      await projectsApi.signContract(projectId, v.signedDocumentId, v.signedOn.format("YYYY-MM-DD"));
      notify.success(t.contract.signed);
      onSigned();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card size="small" title={t.contract.signTitle} style={{ marginTop: 24, maxWidth: 960 }}>
      <Alert type="info" showIcon title={t.contract.signIntro} style={{ marginBottom: 16 }} />
      {!files.loading && items.length === 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title={<Link to={`/projects/${projectId}/attachments`}>{t.contract.noAttachments}</Link>}
        />
      )}
      <Form<{ signedDocumentId: string; signedOn: Dayjs }>
        name="sign"
        layout="inline"
        initialValues={{ signedOn: dayjs() }}
        onFinish={(v) => void sign(v)}
        style={{ rowGap: 12 }}
      >
        <Form.Item name="signedDocumentId" label={t.contract.signedDocument} rules={[{ required: true }]}>
          <Select
            style={{ width: 360 }}
            loading={files.loading}
            options={items.map((a) => ({
              value: a.id,
              label: `${a.filename}${a.label ? ` · ${a.label}` : ""} (${formatDateTime(a.createdAt)})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="signedOn" label={t.contract.signedOn} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t.contract.sign}
          </Button>
        </Form.Item>
      </Form>
      <ErrorAlert error={error} style={{ marginTop: 16, marginBottom: 0 }} />
    </Card>
  );
}
