// Z-6.3, Z-8.1: handover lists by volume and item; each side confirms the list's
// SM3 digest; the printable Chinese PDF; to_agency hands over, to_client returns.
import {
  Button,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
} from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { DIRECTION, type Direction, type HandoverList, LIST_STATUS, originalsApi } from "./api.ts";

export function HandoverListsTab({ projectId }: { projectId: string }) {
  const { t, pick } = useI18n();
  const m = t.digitizationOriginals;
  const notify = useNotify();
  const lists = useQuery(() => originalsApi.lists(projectId), [projectId]);
  const volumes = useQuery((s) => originalsApi.volumes(projectId, { pageSize: 200 }, s), [projectId]);
  const [openId, setOpenId] = useState<string | null>(null);
  const [drafting, setDrafting] = useState(false);
  const [form] = Form.useForm();
  const direction = Form.useWatch("direction", form) as Direction | undefined;
  const candidates = (volumes.data?.items ?? []).filter((v) =>
    direction === "to_client" ? v.status === "at_agency" : v.status === "unshelved",
  );
  const create = async () => {
    const v = await form.validateFields();
    try {
      await originalsApi.createList(projectId, {
        direction: v.direction,
        handedAt: (v.handedAt as dayjs.Dayjs).toISOString(),
        clientHandlerName: v.clientHandlerName,
        agencyHandlerName: v.agencyHandlerName,
        ...(v.note ? { note: v.note } : {}),
        lines: (v.volumeIds as string[]).map((volumeId) => ({ volumeId })),
      });
      notify.success(m.saved);
      setDrafting(false);
      lists.reload();
      volumes.reload();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <>
      <ErrorAlert error={lists.error} />
      {lists.data?.permissions.draftHandover && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setDrafting(true)}>
          {m.newList}
        </Button>
      )}
      <Table<HandoverList>
        rowKey="id"
        loading={lists.loading}
        dataSource={lists.data?.items ?? []}
        locale={{ emptyText: <EmptyState text={m.noLists} /> }}
        onRow={(l) => ({ onClick: () => setOpenId(l.id), style: { cursor: "pointer" } })}
        columns={[
          { title: m.code, dataIndex: "code", width: 180 },
          { title: m.direction, width: 120, render: (_, l) => pick(DIRECTION[l.direction]) },
          { title: m.handedAt, width: 160, render: (_, l) => formatDateTime(l.handedAt) },
          { title: m.volumes, dataIndex: "volumeCount", width: 80 },
          { title: m.items, dataIndex: "itemCount", width: 80 },
          { title: m.clientHandler, dataIndex: "clientHandlerName", width: 120 },
          { title: m.agencyHandler, dataIndex: "agencyHandlerName", width: 120 },
          {
            title: m.status,
            width: 140,
            render: (_, l) => <Tag color={LIST_STATUS[l.status].color}>{pick(LIST_STATUS[l.status])}</Tag>,
          },
        ]}
      />
      {openId && (
        <ListDrawer
          id={openId}
          onClose={() => setOpenId(null)}
          onChanged={() => {
            lists.reload();
            volumes.reload();
          }}
        />
      )}
      <Modal
        open={drafting}
        title={m.newList}
        onCancel={() => setDrafting(false)}
        onOk={create}
        width={720}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ direction: "to_agency", handedAt: dayjs() }}
          preserve={false}
        >
          <Form.Item name="direction" label={m.direction} rules={[{ required: true }]}>
            <Select options={Object.entries(DIRECTION).map(([value, l]) => ({ value, label: pick(l) }))} />
          </Form.Item>
          <Form.Item name="handedAt" label={m.handedAt} rules={[{ required: true }]}>
            <DatePicker showTime />
          </Form.Item>
          <Space>
            <Form.Item name="clientHandlerName" label={m.clientHandler} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="agencyHandlerName" label={m.agencyHandler} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </Space>
          <Form.Item name="volumeIds" label={m.pickVolumes} rules={[{ required: true }]}>
            <Select
              mode="multiple"
              options={candidates.map((v) => ({ value: v.id, label: `${v.referenceCode} ${v.title}` }))}
            />
          </Form.Item>
          <Form.Item name="note" label={m.note}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function ListDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const m = t.digitizationOriginals;
  const notify = useNotify();
  const d = useQuery(() => originalsApi.list(id), [id]);
  const l = d.data?.list;
  const confirm = async () => {
    try {
      await originalsApi.confirm(id);
      notify.success(m.confirmed);
      d.reload();
      onChanged();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Drawer open width={760} title={l ? `${l.code} · ${pick(DIRECTION[l.direction])}` : ""} onClose={onClose}>
      <ErrorAlert error={d.error} />
      {l && d.data && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Button href={originalsApi.pdfUrl(id)} target="_blank">
              {m.printPdf}
            </Button>
            {d.data.permissions.confirm && (
              <Button type="primary" onClick={confirm} data-testid="confirm-list">
                {m.confirm}
              </Button>
            )}
          </Space>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={m.status}>
              <Tag color={LIST_STATUS[l.status].color}>{pick(LIST_STATUS[l.status])}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={m.handedAt}>{formatDateTime(l.handedAt)}</Descriptions.Item>
            <Descriptions.Item label={m.clientHandler}>{l.clientHandlerName}</Descriptions.Item>
            <Descriptions.Item label={m.agencyHandler}>{l.agencyHandlerName}</Descriptions.Item>
            <Descriptions.Item label={m.digest} span={2}>
              <code style={{ fontSize: 11 }}>{l.digest}</code>
            </Descriptions.Item>
            <Descriptions.Item label={m.confirmations} span={2}>
              {d.data.confirmations.map((c) => (
                <div key={c.id}>
                  {c.orgName} · {c.signerName} · {formatDateTime(c.signedAt)}
                </div>
              ))}
            </Descriptions.Item>
          </Descriptions>
          <Table
            style={{ marginTop: 16 }}
            size="small"
            rowKey="volumeId"
            pagination={false}
            dataSource={d.data.lines}
            columns={[
              { title: m.referenceCode, dataIndex: "referenceCode", width: 210 },
              { title: m.volumeTitle, dataIndex: "title", ellipsis: true },
              { title: m.items, dataIndex: "itemCount", width: 60 },
              { title: m.pages, width: 60, render: (_, x) => x.pages ?? "—" },
              { title: m.quality, dataIndex: "quality", width: 110 },
            ]}
          />
        </>
      )}
    </Drawer>
  );
}
