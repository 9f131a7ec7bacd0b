// Z-5.8: ports and output devices, sealed unless the workflow needs them (then
// assigned to a post and a person); seal tests at an interval (UNVERIFIED
// default), overdue ones flagged; a broken seal on a sealed port is an incident.
import { Button, Form, Input, Select, Space, Table, Tag, Typography } from "antd";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { PORT_KIND, type Port, type PortKind, type SealTest, siteApi } from "./api.ts";
import { FormButton, optionsOf } from "./FormButton.tsx";
import { type TabProps, Unverified } from "./SitePage.tsx";

interface PortValues {
  deviceId: string;
  kind: PortKind;
  label: string;
  state: "sealed" | "needed";
  workstationId?: string;
  personId?: string;
}

export function PortsTab({ d, reload }: TabProps) {
  const { t, pick } = useI18n();
  const m = t.digitizationSite;
  const notify = useNotify();
  const pid = d.project.id;
  const can = d.permissions;
  const ports = useQuery((s) => siteApi.ports(pid, s), [pid]);
  const devices = useQuery((s) => siteApi.devices(pid, { pageSize: 200 }, s), [pid]);
  const stations = useQuery((s) => siteApi.workstations(pid, s), [pid]);
  const refresh = () => {
    ports.reload();
    reload();
  };
  const test = (p: Port, result: "intact" | "broken") =>
    siteApi
      .sealTest(p.id, { result })
      .then((r) => {
        notify.success(r.incidentId ? m.brokenIncident : m.testRecorded);
        refresh();
      })
      .catch(notify.error);

  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          <Space size={6}>
            {m.ports}
            <ClauseTag id="Z-5.8" />
          </Space>
        </Typography.Title>
        <Typography.Text type="secondary">{m.sealInterval(ports.data?.intervalDays ?? 0)}</Typography.Text>
        <Unverified />
        {can.register && (
          <FormButton<PortValues>
            label={m.addPort}
            title={m.addPort}
            button={{ type: "primary" }}
            initialValues={{ state: "sealed", kind: "usb" }}
            onSubmit={async ({ deviceId, ...v }) => {
              await siteApi.addPort(deviceId, v);
              notify.success(m.saved);
              refresh();
            }}
          >
            {(form) => (
              <>
                <Form.Item name="deviceId" label={m.device} rules={[{ required: true }]}>
                  <Select
                    options={(devices.data?.items ?? []).map((x) => ({
                      value: x.id,
                      label: `${x.name} ${x.serial}`,
                    }))}
                  />
                </Form.Item>
                <Form.Item name="kind" label={m.kind} rules={[{ required: true }]}>
                  <Select options={optionsOf(PORT_KIND, pick)} />
                </Form.Item>
                <Form.Item name="label" label={m.port} rules={[{ required: true }]}>
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item name="state" label={m.state} rules={[{ required: true }]}>
                  <Select
                    options={[
                      { value: "sealed", label: m.sealed },
                      { value: "needed", label: m.needed },
                    ]}
                  />
                </Form.Item>
                <Form.Item noStyle shouldUpdate>
                  {() =>
                    form.getFieldValue("state") === "needed" && (
                      <>
                        <Form.Item name="workstationId" label={m.workstation} rules={[{ required: true }]}>
                          <Select
                            options={(stations.data ?? []).map((w) => ({
                              value: w.id,
                              label: `${w.code} ${w.name}`,
                            }))}
                          />
                        </Form.Item>
                        <Form.Item name="personId" label={m.person} rules={[{ required: true }]}>
                          <Select
                            options={(stations.data ?? [])
                              .find((w) => w.id === form.getFieldValue("workstationId"))
                              ?.assignments.map((a) => ({
                                value: a.personId,
                                label: `${a.personName}（${a.post}）`,
                              }))}
                          />
                        </Form.Item>
                      </>
                    )
                  }
                </Form.Item>
              </>
            )}
          </FormButton>
        )}
      </Space>
      <Table<Port>
        rowKey="id"
        size="small"
        loading={ports.loading}
        dataSource={ports.data?.ports ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState text={m.portsEmpty} /> }}
        scroll={{ x: 1100 }}
        columns={[
          { title: m.device, width: 200, render: (_, p) => `${p.deviceName} ${p.serial}` },
          { title: m.kind, width: 110, render: (_, p) => pick(PORT_KIND[p.kind]) },
          { title: m.port, width: 140, dataIndex: "label" },
          {
            title: m.state,
            width: 220,
            render: (_, p) =>
              p.state === "sealed" ? (
                <Tag color="blue">{m.sealed}</Tag>
              ) : (
                <Space size={4}>
                  <Tag color="gold">{m.needed}</Tag>
                  {p.workstationCode} · {p.personName}（{p.post}）
                </Space>
              ),
          },
          {
            title: m.lastTested,
            width: 170,
            render: (_, p) => (
              <Space size={4}>
                {formatDateTime(p.lastTestedAt)}
                {p.lastResult === "broken" && <Tag color="red">{m.broken}</Tag>}
              </Space>
            ),
          },
          {
            title: m.dueAt,
            width: 170,
            render: (_, p) =>
              p.overdue ? (
                <Tag color="red">
                  {m.overdue} {formatDateTime(p.dueAt)}
                </Tag>
              ) : (
                formatDateTime(p.dueAt)
              ),
          },
          ...(can.record
            ? [
                {
                  title: m.sealTest,
                  width: 170,
                  render: (_: unknown, p: Port) => (
                    <Space size={4}>
                      <Button size="small" onClick={() => test(p, "intact")}>
                        {m.intact}
                      </Button>
                      <Button size="small" danger onClick={() => test(p, "broken")}>
                        {m.broken}
                      </Button>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Typography.Title level={5}>{m.tests}</Typography.Title>
      <Table<SealTest>
        rowKey="id"
        size="small"
        dataSource={ports.data?.tests ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState text="—" /> }}
        columns={[
          { title: m.at, width: 160, render: (_, x) => formatDateTime(x.testedAt) },
          { title: m.device, render: (_, x) => `${x.deviceName} · ${x.portLabel}` },
          {
            title: m.result,
            width: 100,
            render: (_, x) => (
              <Tag color={x.result === "intact" ? "green" : "red"}>
                {x.result === "intact" ? m.intact : m.broken}
              </Tag>
            ),
          },
          { title: m.note, ellipsis: true, render: (_, x) => x.note ?? "—" },
          { title: "", width: 120, render: (_, x) => x.testedByName ?? "—" },
        ]}
      />
    </>
  );
}
