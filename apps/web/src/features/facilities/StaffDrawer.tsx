// One staff member with training records (D-6.2); the manager adds a training
// with its certificate, uploaded first as an attachment of the person.
import { EditOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import {
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Space,
  Table,
  Tag,
  Upload,
} from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { getCsrfToken } from "../../api/client.ts";
import { attachmentsApi } from "../../api/endpoints.ts";
import type { EntityType } from "../../api/types.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { facilitiesApi, type Training } from "./api.ts";
import { FormModal } from "./common.tsx";
import { TITLE_LEVEL } from "./labels.ts";
import { StaffModal } from "./StaffModal.tsx";

interface TrainingValues {
  heldOn: Dayjs;
  course: string;
  hours: number;
  provider?: string;
}

export function StaffDrawer({
  staffId,
  onClose,
  onChanged,
}: {
  staffId?: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t, pick } = useI18n();
  const notify = useNotify();
  const f = t.facilities;
  const s = useQuery(
    () => (staffId ? facilitiesApi.staffMember(staffId) : Promise.resolve(undefined)),
    [staffId],
  );
  const [editing, setEditing] = useState(false);
  const [adding, setAdding] = useState(false);
  const [certificate, setCertificate] = useState<{ id: string; filename: string }>();
  const d = s.data;
  const reload = () => {
    s.reload();
    onChanged();
  };

  return (
    <Drawer
      open={!!staffId}
      onClose={onClose}
      size="large"
      title={d?.name ?? ""}
      extra={
        d?.permissions.manage && (
          <Space>
            <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
              {t.common.edit}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {f.addTraining}
            </Button>
          </Space>
        )
      }
    >
      <ErrorAlert error={s.error} />
      {d && (
        <>
          <Descriptions column={2} size="small" style={{ marginBottom: 16 }}>
            <Descriptions.Item label={f.position}>{d.position ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={f.titleLevel}>{pick(TITLE_LEVEL[d.titleLevel])}</Descriptions.Item>
            <Descriptions.Item label={f.archiveProfessional}>
              {d.archiveProfessional ? t.common.yes : t.common.no}
            </Descriptions.Item>
            <Descriptions.Item label={f.idNumber}>
              <span className="mono">{d.idNumber ?? "—"}</span>
            </Descriptions.Item>
            <Descriptions.Item label={f.employedSince}>{formatDate(d.employedSince)}</Descriptions.Item>
            <Descriptions.Item label={f.active}>
              <Tag color={d.active ? "success" : "default"}>{d.active ? t.common.yes : t.common.no}</Tag>
            </Descriptions.Item>
          </Descriptions>
          <Table<Training>
            rowKey="id"
            size="small"
            title={() => f.trainings}
            dataSource={d.trainings}
            pagination={false}
            locale={{ emptyText: f.noTrainings }}
            columns={[
              { title: f.heldOn, dataIndex: "heldOn", width: 110, render: formatDate },
              { title: f.course, dataIndex: "course" },
              { title: f.hours, dataIndex: "hours", width: 70 },
              { title: f.provider, dataIndex: "provider", render: (p: string | null) => p ?? "—" },
              {
                title: f.certificate,
                dataIndex: "certificateFilename",
                render: (n: string | null, r) =>
                  n && r.certificateAttachmentId ? (
                    <a href={attachmentsApi.contentUrl(r.certificateAttachmentId)} download>
                      {n}
                    </a>
                  ) : (
                    "—"
                  ),
              },
            ]}
          />
          <StaffModal open={editing} staff={d} onClose={() => setEditing(false)} onSaved={reload} />
          <FormModal<TrainingValues>
            open={adding}
            title={f.addTraining}
            fields={["heldOn", "course", "hours", "provider"]}
            initialValues={{ heldOn: dayjs(), hours: 8 }}
            onClose={() => {
              setAdding(false);
              setCertificate(undefined);
            }}
            onSubmit={async (v) => {
              await facilitiesApi.addTraining(d.id, {
                heldOn: v.heldOn.format("YYYY-MM-DD"),
                course: v.course.trim(),
                hours: v.hours,
                ...(v.provider?.trim() ? { provider: v.provider.trim() } : {}),
                ...(certificate ? { certificateAttachmentId: certificate.id } : {}),
              });
              reload();
            }}
          >
            <Form.Item name="course" label={f.course} rules={[{ required: true, max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item name="heldOn" label={f.heldOn} rules={[{ required: true }]}>
              <DatePicker style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name="hours" label={f.hours} rules={[{ required: true }]}>
              <InputNumber min={0.5} max={2000} step={0.5} style={{ width: "100%" }} />
            </Form.Item>
            <Form.Item name="provider" label={f.provider} rules={[{ max: 200 }]}>
              <Input />
            </Form.Item>
            <Form.Item label={f.certificate}>
              <Upload
                name="file"
                action={attachmentsApi.uploadUrl("staff_member" as EntityType, d.id, f.certificate)}
                headers={{ "x-csrf-token": getCsrfToken() ?? "" }}
                withCredentials
                maxCount={1}
                onChange={({ file }) => {
                  if (file.status === "done") {
                    const body = file.response as { id: string; filename: string };
                    setCertificate({ id: body.id, filename: body.filename });
                    notify.success(f.certificateUploaded(body.filename));
                  }
                }}
              >
                <Button icon={<UploadOutlined />}>{f.uploadCertificate}</Button>
              </Upload>
            </Form.Item>
          </FormModal>
        </>
      )}
    </Drawer>
  );
}
