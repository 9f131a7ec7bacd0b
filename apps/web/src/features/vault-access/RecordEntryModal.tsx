// Records an entry (D-9.9, D-9.10): two or more of the agency's staff, any
// visitors with organisation, ID number and purpose, and the approving leader
// when there are visitors. The server applies the rules; this form guides.
import { MinusCircleOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Col, DatePicker, Form, Input, Modal, Row, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type Visitor, vaultAccessApi } from "./api.ts";

interface Values {
  purpose: string;
  enteredAt?: Dayjs;
  staffUserIds: string[];
  visitors?: Visitor[];
  approvedByUserId?: string;
  approvalNote?: string;
}

export function RecordEntryModal(props: { vaultId: string | undefined; onClose: (saved: boolean) => void }) {
  const { t } = useI18n();
  const a = t.vaultAccess;
  const notify = useNotify();
  const [form] = Form.useForm<Values>();
  const visitors = Form.useWatch("visitors", form) ?? [];
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const people = useQuery(
    () => (props.vaultId ? vaultAccessApi.people(props.vaultId) : Promise.resolve(undefined)),
    [props.vaultId],
  );

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(undefined);
    try {
      await vaultAccessApi.record(props.vaultId!, {
        purpose: v.purpose,
        staffUserIds: v.staffUserIds,
        visitors: v.visitors ?? [],
        ...(v.enteredAt ? { enteredAt: v.enteredAt.toISOString() } : {}),
        ...(v.approvedByUserId ? { approvedByUserId: v.approvedByUserId } : {}),
        ...(v.approvalNote ? { approvalNote: v.approvalNote } : {}),
      });
      notify.success(a.recorded);
      props.onClose(true);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={!!props.vaultId}
      title={a.record}
      onCancel={() => props.onClose(false)}
      onOk={() => void submit()}
      confirmLoading={busy}
      okText={t.common.save}
      cancelText={t.common.cancel}
      width={760}
      destroyOnHidden
    >
      <ErrorAlert error={error} />
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="staffUserIds" label={a.staff} extra={a.staffHelp} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={(people.data?.staff ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
          />
        </Form.Item>
        <Row gutter={16}>
          <Col span={14}>
            <Form.Item
              name="purpose"
              label={a.purpose}
              rules={[{ required: true, whitespace: true, max: 500 }]}
            >
              <Input placeholder="上架新入库档案" />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item name="enteredAt" label={a.enteredAt} extra={a.enteredAtHelp}>
              <DatePicker
                showTime={{ format: "HH:mm" }}
                format="YYYY-MM-DD HH:mm"
                style={{ width: "100%" }}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.List name="visitors">
          {(fields, { add, remove }) => (
            <>
              {fields.map((f) => (
                <Space key={f.key} align="baseline" wrap style={{ display: "flex" }}>
                  <Form.Item name={[f.name, "name"]} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={a.visitorName} style={{ width: 110 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "organisation"]} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={a.visitorOrg} style={{ width: 170 }} />
                  </Form.Item>
                  <Form.Item name={[f.name, "idNumber"]} rules={[{ required: true, min: 4, max: 30 }]}>
                    <Input placeholder={a.visitorId} style={{ width: 180 }} className="mono" />
                  </Form.Item>
                  <Form.Item name={[f.name, "purpose"]} rules={[{ required: true, whitespace: true }]}>
                    <Input placeholder={a.visitorPurpose} style={{ width: 140 }} />
                  </Form.Item>
                  <MinusCircleOutlined onClick={() => remove(f.name)} />
                </Space>
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add()}
                style={{ marginBottom: 16 }}
              >
                {a.addVisitor}
              </Button>
            </>
          )}
        </Form.List>
        {visitors.length > 0 && (
          <Row gutter={16}>
            <Col span={10}>
              <Form.Item
                name="approvedByUserId"
                label={a.approver}
                extra={a.approverHelp}
                rules={[{ required: true }]}
              >
                <Select
                  options={(people.data?.leaders ?? []).map((u) => ({ value: u.id, label: u.displayName }))}
                />
              </Form.Item>
            </Col>
            <Col span={14}>
              <Form.Item name="approvalNote" label={a.approvalNote}>
                <Input />
              </Form.Item>
            </Col>
          </Row>
        )}
      </Form>
    </Modal>
  );
}
