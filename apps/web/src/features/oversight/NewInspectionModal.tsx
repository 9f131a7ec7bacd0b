// Start an inspection of a project: regulators choose planned or ad hoc, an
// agency runs a self-check (G-13), a client a supervision check (G-11).
import { Form, Input, Modal, Select } from "antd";
import { useNavigate } from "react-router-dom";
import { projectsApi } from "../../api/endpoints.ts";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { type InspectionKind, oversightApi } from "./api.ts";
import { KIND } from "./labels.ts";

const KINDS: Record<string, InspectionKind[]> = {
  regulator: ["planned", "ad_hoc", "spot"],
  agency: ["self_check"],
  client: ["supervision"],
};

export function NewInspectionModal({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const o = t.oversight;
  const me = useMe();
  const notify = useNotify();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const projects = useQuery((signal) => projectsApi.list({ pageSize: 200, status: "active" }, signal), []);
  const kinds = KINDS[me.org.kind] ?? [];
  return (
    <Modal
      open
      title={o.newInspection}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.common.save}
      cancelText={t.common.cancel}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ kind: kinds[0] }}
        onFinish={async (v) => {
          try {
            const r = await oversightApi.createInspection(v);
            navigate(`/oversight/inspections/${r.id}`);
          } catch (e) {
            notify.error(e);
          }
        }}
      >
        <Form.Item name="projectId" label={o.project} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: "label" }}
            loading={projects.loading}
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={o.kind} rules={[{ required: true }]}>
          <Select options={kinds.map((k) => ({ value: k, label: pick(KIND[k]) }))} />
        </Form.Item>
        <Form.Item name="title" label={o.item} rules={[{ required: true, max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
