// The regulator's actions on a finding: order rectification with a deadline,
// publish a major finding as a notice (G-7).
import { DatePicker, Form, Input, Modal, Radio } from "antd";
import { useNavigate } from "react-router-dom";
import { useNotify } from "../../components/useNotify.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { oversightApi } from "./api.ts";

export function OrderModal({ findingId, onClose }: { findingId: string; onClose: () => void }) {
  const { t } = useI18n();
  const o = t.oversight;
  const notify = useNotify();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  return (
    <Modal open title={o.issueOrder} onCancel={onClose} onOk={() => form.submit()} okText={o.issueOrder}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ addressee: "agency" }}
        onFinish={async (v) => {
          try {
            const r = await oversightApi.issue({
              findingId,
              addressee: v.addressee,
              requirement: v.requirement,
              ...(v.deadline ? { deadline: v.deadline.format("YYYY-MM-DD") } : {}),
            });
            navigate(`/oversight/rectifications/${r.id}`);
          } catch (e) {
            notify.error(e);
          }
        }}
      >
        <Form.Item name="addressee" label={o.addressee}>
          <Radio.Group
            options={[
              { value: "agency", label: o.addresseeAgency },
              { value: "client", label: o.addresseeClient },
            ]}
          />
        </Form.Item>
        <Form.Item name="requirement" label={o.requirement} rules={[{ required: true }]}>
          <Input.TextArea rows={3} data-testid="order-requirement" />
        </Form.Item>
        <Form.Item name="deadline" label={o.deadline} extra={o.deadlineHelp}>
          <DatePicker />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function NoticeModal({
  findingId,
  onClose,
  onDone,
}: {
  findingId: string;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const o = t.oversight;
  const notify = useNotify();
  const [form] = Form.useForm();
  return (
    <Modal
      open
      title={o.publishNotice}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={o.publishNotice}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={async (v) => {
          try {
            await oversightApi.publish({ findingId, ...v });
            onDone();
          } catch (e) {
            notify.error(e);
          }
        }}
      >
        <Form.Item name="title" label={o.noticeTitle} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="body" label={o.noticeBody} rules={[{ required: true }]}>
          <Input.TextArea rows={5} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
