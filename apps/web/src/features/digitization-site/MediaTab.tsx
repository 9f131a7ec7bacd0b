// Z-7.6: the media register; Z-7.5: stores and copies of results, designated
// device and person only; Z-7.7: media handed to the client with a manifest,
// verified by the client, and the agency's signed confirmation of no copy.
import { Button, Flex, Form, Input, Select, Space, Table, Tag, Typography, Upload } from "antd";
import { useState } from "react";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import {
  COPY_ACTION,
  type CopyEvent,
  type Handover,
  MEDIA_KIND,
  MEDIA_STATUS,
  type Media,
  type MediaKind,
  siteApi,
  type Verification,
} from "./api.ts";
import { FormButton, optionsOf } from "./FormButton.tsx";
import type { TabProps } from "./SitePage.tsx";

const readText = (file: File) => file.text();

function Title({ text, clause }: { text: string; clause: string }) {
  return (
    <Typography.Title level={5} style={{ marginTop: 0 }}>
      <Space size={6}>
        {text}
        <ClauseTag id={clause} />
      </Space>
    </Typography.Title>
  );
}

export function MediaTab({ d, reload }: TabProps) {
  const { t, pick } = useI18n();
  const m = t.digitizationSite;
  const notify = useNotify();
  const pid = d.project.id;
  const can = d.permissions;
  const data = useQuery((s) => siteApi.media(pid, s), [pid]);
  const devices = useQuery((s) => siteApi.devices(pid, { pageSize: 200 }, s), [pid]);
  const people = useQuery((s) => siteApi.people(pid, { status: "active", pageSize: 200 }, s), [pid]);
  const [result, setResult] = useState<Verification>();
  const refresh = () => {
    data.reload();
    reload();
  };
  const inUse = (data.data?.media ?? []).filter((x) => x.status === "in_use");

  return (
    <>
      <Title text={m.media} clause="Z-7.6" />
      {can.register && (
        <Flex gap={12} className="table-toolbar">
          <FormButton<{
            label: string;
            kind: MediaKind;
            capacityGb: string;
            purpose: "results" | "backup";
            custodianPersonId?: string;
          }>
            label={m.registerMedia}
            title={m.registerMedia}
            button={{ type: "primary" }}
            initialValues={{ kind: "hdd", purpose: "results" }}
            onSubmit={async (v) => {
              await siteApi.addMedia(pid, { ...v, capacityGb: Number(v.capacityGb) });
              notify.success(m.saved);
              refresh();
            }}
          >
            {() => (
              <>
                <Form.Item name="label" label={m.label} rules={[{ required: true }]}>
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item name="kind" label={m.kind} rules={[{ required: true }]}>
                  <Select options={optionsOf(MEDIA_KIND, pick)} />
                </Form.Item>
                <Form.Item name="capacityGb" label={m.capacity} rules={[{ required: true }]}>
                  <Input type="number" min={1} />
                </Form.Item>
                <Form.Item name="purpose" label={m.purpose} rules={[{ required: true }]}>
                  <Select
                    options={[
                      { value: "results", label: m.results },
                      { value: "backup", label: m.backup },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="custodianPersonId" label={m.custodian}>
                  <Select
                    allowClear
                    options={(people.data?.items ?? []).map((p) => ({ value: p.id, label: p.name }))}
                  />
                </Form.Item>
              </>
            )}
          </FormButton>
        </Flex>
      )}
      <Table<Media>
        rowKey="id"
        size="small"
        loading={data.loading}
        dataSource={data.data?.media ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState text={m.mediaEmpty} /> }}
        columns={[
          { title: m.label, width: 120, render: (_, x) => <span className="mono">{x.label}</span> },
          { title: m.kind, width: 110, render: (_, x) => pick(MEDIA_KIND[x.kind]) },
          { title: m.capacity, width: 110, dataIndex: "capacityGb" },
          { title: m.purpose, width: 90, render: (_, x) => (x.purpose === "results" ? m.results : m.backup) },
          { title: m.custodian, width: 110, render: (_, x) => x.custodianName ?? "—" },
          {
            title: m.status,
            render: (_, x) => <Tag color={MEDIA_STATUS[x.status].color}>{pick(MEDIA_STATUS[x.status])}</Tag>,
          },
        ]}
      />

      <div style={{ height: 16 }} />
      <Title text={m.copies} clause="Z-7.5" />
      {can.record && (
        <Flex gap={12} className="table-toolbar">
          <FormButton<{
            deviceId: string;
            personId: string;
            mediaId?: string;
            action: "store" | "download" | "copy";
            description: string;
            fileCount?: string;
          }>
            label={m.recordCopy}
            title={m.recordCopy}
            initialValues={{ action: "copy" }}
            onSubmit={async (v) => {
              await siteApi.recordCopy(pid, {
                ...v,
                ...(v.fileCount ? { fileCount: Number(v.fileCount) } : { fileCount: undefined }),
              });
              notify.success(m.saved);
              refresh();
            }}
          >
            {() => (
              <>
                <Form.Item name="deviceId" label={m.device} rules={[{ required: true }]}>
                  <Select
                    options={(devices.data?.items ?? []).map((x) => ({
                      value: x.id,
                      label: `${x.name} ${x.serial}${x.designatedStorage ? ` · ${m.designatedStorage}` : ""}`,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="personId" label={m.person} rules={[{ required: true }]}>
                  <Select
                    options={(people.data?.items ?? []).map((p) => ({
                      value: p.id,
                      label: `${p.name}${p.designatedOperator ? ` · ${m.designatedOperator}` : ""}`,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="mediaId" label={m.media}>
                  <Select allowClear options={inUse.map((x) => ({ value: x.id, label: x.label }))} />
                </Form.Item>
                <Form.Item name="action" label={m.action} rules={[{ required: true }]}>
                  <Select options={optionsOf(COPY_ACTION, pick)} />
                </Form.Item>
                <Form.Item name="description" label={m.description} rules={[{ required: true }]}>
                  <Input maxLength={500} />
                </Form.Item>
                <Form.Item name="fileCount" label={m.fileCount}>
                  <Input type="number" min={0} />
                </Form.Item>
              </>
            )}
          </FormButton>
        </Flex>
      )}
      <Table<CopyEvent>
        rowKey="id"
        size="small"
        dataSource={data.data?.copies ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState text={m.copiesEmpty} /> }}
        columns={[
          { title: m.at, width: 150, render: (_, c) => formatDateTime(c.at) },
          { title: m.action, width: 80, render: (_, c) => pick(COPY_ACTION[c.action]) },
          { title: m.device, width: 180, dataIndex: "deviceName" },
          { title: m.person, width: 100, dataIndex: "personName" },
          { title: m.media, width: 90, render: (_, c) => c.mediaLabel ?? "—" },
          { title: m.description, ellipsis: true, dataIndex: "description" },
          { title: m.fileCount, width: 80, render: (_, c) => c.fileCount ?? "—" },
        ]}
      />

      <div style={{ height: 16 }} />
      <Title text={m.handovers} clause="Z-7.7" />
      {can.register && inUse.length > 0 && (
        <Flex gap={12} className="table-toolbar">
          <FormButton<{ mediaIds: string[]; receivedByName: string; manifest: string; note?: string }>
            label={m.handOver}
            title={m.handOver}
            button={{ type: "primary" }}
            onSubmit={async (v) => {
              await siteApi.handOver(pid, v);
              notify.success(m.saved);
              refresh();
            }}
          >
            {(form) => (
              <>
                <Form.Item name="mediaIds" label={m.media} rules={[{ required: true }]}>
                  <Select mode="multiple" options={inUse.map((x) => ({ value: x.id, label: x.label }))} />
                </Form.Item>
                <Form.Item name="receivedByName" label={m.receivedBy} rules={[{ required: true }]}>
                  <Input maxLength={50} />
                </Form.Item>
                <Form.Item name="manifest" label={m.manifest} rules={[{ required: true }]}>
                  <Input.TextArea rows={4} />
                </Form.Item>
                <Upload
                  accept=".csv,.json,.txt"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void readText(file).then((text) => form.setFieldValue("manifest", text));
                    return false;
                  }}
                >
                  <Button>{m.manifestFile}</Button>
                </Upload>
                <Form.Item name="note" label={m.note} style={{ marginTop: 12 }}>
                  <Input maxLength={1000} />
                </Form.Item>
              </>
            )}
          </FormButton>
        </Flex>
      )}
      {result && (
        <Typography.Paragraph>
          <Tag color={result.outcome === "match" ? "green" : "red"}>
            {result.outcome === "match" ? m.match : m.mismatch}
          </Tag>
          {result.missing.length > 0 && `${m.missing}: ${result.missing.join(", ")}；`}
          {result.extra.length > 0 && `${m.extra}: ${result.extra.join(", ")}；`}
          {result.mismatched.length > 0 && `${m.mismatched}: ${result.mismatched.join(", ")}`}
        </Typography.Paragraph>
      )}
      <Table<Handover>
        rowKey="id"
        size="small"
        dataSource={data.data?.handovers ?? []}
        pagination={false}
        locale={{ emptyText: <EmptyState text={m.handoversEmpty} /> }}
        columns={[
          { title: m.at, width: 150, render: (_, h) => formatDateTime(h.handedAt) },
          { title: m.receivedBy, width: 100, dataIndex: "receivedByName" },
          { title: m.files, width: 80, dataIndex: "fileCount" },
          {
            title: m.verified,
            width: 110,
            render: (_, h) =>
              h.verifiedOutcome ? (
                <Tag color={h.verifiedOutcome === "match" ? "green" : "red"}>
                  {h.verifiedOutcome === "match" ? m.match : m.mismatch}
                </Tag>
              ) : (
                <Tag>{m.notVerified}</Tag>
              ),
          },
          {
            title: m.noCopy,
            width: 150,
            render: (_, h) =>
              h.noCopyConfirmed ? (
                <Tag color="green">{m.noCopyDone}</Tag>
              ) : can.confirmNoCopy ? (
                <Button
                  size="small"
                  onClick={() =>
                    siteApi
                      .noCopy(h.id)
                      .then(() => {
                        notify.success(m.saved);
                        refresh();
                      })
                      .catch(notify.error)
                  }
                >
                  {m.noCopy}
                </Button>
              ) : (
                "—"
              ),
          },
          {
            title: "",
            render: (_, h) => (
              <Space size={8}>
                <Typography.Link href={siteApi.manifestUrl(h.id)}>{m.downloadManifest}</Typography.Link>
                {can.clientDecide && (
                  <Upload
                    accept=".csv,.json,.txt"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void readText(file)
                        .then((text) => siteApi.verify(h.id, text))
                        .then((r) => {
                          setResult(r);
                          refresh();
                        })
                        .catch(notify.error);
                      return false;
                    }}
                  >
                    <Button size="small" title={m.verifyHint}>
                      {m.verify}
                    </Button>
                  </Upload>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
