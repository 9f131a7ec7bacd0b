// Z-5.7: the device register with custodians; take-outs asked by the agency,
// approved by the client, tracked until back. Z-7.5: designated storage
// devices. Z-8.3: each device's disposition at close.
import { Flex, Form, Input, Select, Space, Switch, Table, Tag, Typography } from "antd";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import {
  DEVICE_KIND,
  type Device,
  type DeviceExit,
  type DeviceKind,
  DISPOSITION,
  type Disposition,
  EXIT_STATUS,
  siteApi,
} from "./api.ts";
import { FormButton, optionsOf } from "./FormButton.tsx";
import type { TabProps } from "./SitePage.tsx";
import { usePaged } from "./usePaged.ts";

interface DeviceValues {
  kind: DeviceKind;
  name: string;
  serial: string;
  owner: "client" | "agency";
  storesData?: boolean;
  custodianPersonId?: string;
}

/** Z-8.3: the dispositions the regulation allows (the server checks again). */
const allowed = (d: Device): Disposition[] =>
  d.owner === "client"
    ? ["retained_by_client"]
    : d.storesData
      ? ["handed_to_client"]
      : ["removed_by_agency", "handed_to_client"];

export function DevicesTab({ d, reload }: TabProps) {
  const { t, pick } = useI18n();
  const m = t.digitizationSite;
  const notify = useNotify();
  const pid = d.project.id;
  const can = d.permissions;
  const dp = usePaged<{ q?: string; owner?: string }>({});
  const devices = useQuery((s) => siteApi.devices(pid, dp.query, s), [pid, JSON.stringify(dp.query)]);
  const exits = useQuery((s) => siteApi.exits(pid, s), [pid]);
  const people = useQuery((s) => siteApi.people(pid, { status: "active", pageSize: 200 }, s), [pid]);
  const refresh = () => {
    devices.reload();
    exits.reload();
    reload();
  };
  const act = (p: Promise<unknown>) =>
    p
      .then(() => {
        notify.success(m.saved);
        refresh();
      })
      .catch(notify.error);
  const owner = (o: "client" | "agency") => (o === "client" ? m.ownerClient : m.ownerAgency);

  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <Space size={6}>
          {m.devices}
          <ClauseTag id="Z-5.7" />
        </Space>
      </Typography.Title>
      <Flex gap={12} wrap className="table-toolbar">
        <SearchInput
          value={dp.filters.q}
          onSearch={(q) => dp.setFilter({ q })}
          placeholder={m.searchDevices}
        />
        <FilterSelect
          placeholder={m.owner}
          value={dp.filters.owner}
          onChange={(o) => dp.setFilter({ owner: o })}
          options={[
            { value: "client", label: m.ownerClient },
            { value: "agency", label: m.ownerAgency },
          ]}
        />
        <ExportButton href={siteApi.devicesExportUrl(pid, dp.filters)} />
        {can.register && (
          <FormButton<DeviceValues>
            label={m.registerDevice}
            title={m.registerDevice}
            button={{ type: "primary" }}
            initialValues={{ owner: "agency", storesData: false }}
            onSubmit={async (v) => {
              await siteApi.addDevice(pid, { ...v, storesData: !!v.storesData });
              notify.success(m.saved);
              refresh();
            }}
          >
            {() => (
              <>
                <Form.Item name="kind" label={m.kind} rules={[{ required: true }]}>
                  <Select options={optionsOf(DEVICE_KIND, pick)} />
                </Form.Item>
                <Form.Item name="name" label={m.name} rules={[{ required: true }]}>
                  <Input maxLength={100} />
                </Form.Item>
                <Form.Item name="serial" label={m.serial} rules={[{ required: true }]}>
                  <Input maxLength={60} />
                </Form.Item>
                <Form.Item name="owner" label={m.owner} rules={[{ required: true }]}>
                  <Select
                    options={[
                      { value: "client", label: m.ownerClient },
                      { value: "agency", label: m.ownerAgency },
                    ]}
                  />
                </Form.Item>
                <Form.Item name="storesData" label={m.storesData} valuePropName="checked">
                  <Switch />
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
        )}
      </Flex>
      <PagedTable<Device>
        list={devices}
        paging={{ page: dp.page, pageSize: dp.pageSize, set: dp.set }}
        filtered={!!(dp.filters.q || dp.filters.owner)}
        empty={m.devicesEmpty}
        size="small"
        scroll={{ x: 1200 }}
        columns={[
          { title: m.name, width: 160, dataIndex: "name" },
          { title: m.kind, width: 100, render: (_, x) => pick(DEVICE_KIND[x.kind]) },
          { title: m.serial, width: 170, render: (_, x) => <span className="mono">{x.serial}</span> },
          { title: m.owner, width: 80, render: (_, x) => owner(x.owner) },
          { title: m.storesData, width: 90, render: (_, x) => (x.storesData ? "✓" : "—") },
          { title: m.custodian, width: 100, render: (_, x) => x.custodianName ?? "—" },
          {
            title: m.status,
            width: 190,
            render: (_, x) => (
              <Space size={4} wrap>
                {x.exitStatus && (
                  <Tag color={EXIT_STATUS[x.exitStatus].color}>{pick(EXIT_STATUS[x.exitStatus])}</Tag>
                )}
                {x.designatedStorage && <Tag color="purple">{m.designatedStorage}</Tag>}
              </Space>
            ),
          },
          {
            title: (
              <Space size={4}>
                {m.disposition}
                <ClauseTag id="Z-8.3" />
              </Space>
            ),
            width: 190,
            render: (_, x) =>
              can.register ? (
                <Select<Disposition>
                  size="small"
                  style={{ width: 170 }}
                  placeholder={m.setDisposition}
                  value={x.disposition ?? undefined}
                  onChange={(v) => act(siteApi.dispose(x.id, v))}
                  options={allowed(x).map((v) => ({ value: v, label: pick(DISPOSITION[v]) }))}
                />
              ) : x.disposition ? (
                pick(DISPOSITION[x.disposition])
              ) : (
                "—"
              ),
          },
          ...(can.record || can.register
            ? [
                {
                  title: "",
                  width: 190,
                  render: (_: unknown, x: Device) => (
                    <Space size={8}>
                      {can.record && !x.exitStatus && (
                        <FormButton<{ reason: string }>
                          label={m.takeOut}
                          title={`${m.takeOut} · ${x.name}`}
                          button={{ size: "small" }}
                          onSubmit={async (v) => {
                            await siteApi.requestExit(x.id, v.reason);
                            notify.success(m.saved);
                            refresh();
                          }}
                        >
                          {() => (
                            <Form.Item name="reason" label={m.reason} rules={[{ required: true }]}>
                              <Input maxLength={500} />
                            </Form.Item>
                          )}
                        </FormButton>
                      )}
                      {can.register && (
                        <Typography.Link
                          onClick={() => act(siteApi.designateDevice(x.id, !x.designatedStorage))}
                        >
                          {x.designatedStorage ? m.undesignate : m.designate}
                        </Typography.Link>
                      )}
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />

      <Typography.Title level={5}>
        <Space size={6}>
          {m.exits}
          <ClauseTag id="Z-5.7" />
        </Space>
      </Typography.Title>
      <Table<DeviceExit>
        rowKey="id"
        size="small"
        loading={exits.loading}
        dataSource={exits.data ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: <EmptyState text={m.exitsEmpty} /> }}
        columns={[
          { title: m.device, render: (_, x) => `${x.deviceName} ${x.serial}` },
          { title: m.reason, ellipsis: true, dataIndex: "reason" },
          {
            title: m.status,
            width: 130,
            render: (_, x) => <Tag color={EXIT_STATUS[x.status].color}>{pick(EXIT_STATUS[x.status])}</Tag>,
          },
          { title: m.requestedAt, width: 150, render: (_, x) => formatDateTime(x.requestedAt) },
          { title: m.exitedAt, width: 150, render: (_, x) => formatDateTime(x.exitedAt) },
          {
            title: "",
            width: 200,
            render: (_, x) => (
              <Space size={8}>
                {x.status === "requested" && can.clientDecide && (
                  <>
                    <Typography.Link onClick={() => act(siteApi.decideExit(x.id, true))}>
                      {m.approve}
                    </Typography.Link>
                    <Typography.Link type="danger" onClick={() => act(siteApi.decideExit(x.id, false))}>
                      {m.reject}
                    </Typography.Link>
                  </>
                )}
                {x.status === "approved" && can.record && (
                  <Typography.Link onClick={() => act(siteApi.recordExit(x.id))}>
                    {m.recordExit}
                  </Typography.Link>
                )}
                {x.status === "out" && can.record && (
                  <Typography.Link onClick={() => act(siteApi.recordReturn(x.id))}>
                    {m.recordReturn}
                  </Typography.Link>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
