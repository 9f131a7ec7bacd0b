// Z-5.5, Z-5.6, Z-5.7, Z-5.8, Z-7.2, Z-7.7, Z-8.3: the site at a glance — camera
// coverage gaps, people on site, devices out, overdue seal tests, open
// incidents, handover and disposition open points; workstations and cameras.
import { Alert, Col, Form, Input, List, Row, Select, Space, Table, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { Link } from "react-router-dom";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import {
  type Camera,
  type CoverageGap,
  EXIT_STATUS,
  OPEN_POINT,
  siteApi,
  WORKSTATION_KIND,
  type Workstation,
  type WorkstationKind,
} from "./api.ts";
import { FormButton, optionsOf } from "./FormButton.tsx";
import { type TabProps, Unverified } from "./SitePage.tsx";

function Panel({ title, clause, children }: { title: string; clause: string; children: ReactNode }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        <Space size={6}>
          {title}
          <ClauseTag id={clause} />
        </Space>
      </Typography.Title>
      {children}
    </div>
  );
}

export function OverviewTab({ d, reload }: TabProps) {
  const { t, pick } = useI18n();
  const m = t.digitizationSite;
  const notify = useNotify();
  const stations = useQuery((s) => siteApi.workstations(d.project.id, s), [d.project.id]);
  const cams = useQuery((s) => siteApi.cameras(d.project.id, s), [d.project.id]);
  const people = useQuery(
    (s) => siteApi.people(d.project.id, { status: "active", pageSize: 200 }, s),
    [d.project.id],
  );
  const refresh = () => {
    reload();
    stations.reload();
    cams.reload();
  };
  const gapText = (g: CoverageGap) =>
    g.kind === "workstation"
      ? m.gapWorkstation(g.code, g.name)
      : g.kind === "area"
        ? m.gapArea(g.area)
        : g.kind === "recordings_not_with_client"
          ? m.gapRecordings(g.label)
          : m.gapRetention(g.label, g.retentionDays, g.minimumDays);
  const can = d.permissions;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{m.retentionDefault(d.config.cameraRetentionDays)}</Typography.Text>
        <Unverified />
        <Typography.Text type="secondary">{m.sealInterval(d.config.sealTestIntervalDays)}</Typography.Text>
        <Unverified />
      </Space>
      <Row gutter={[24, 8]}>
        <Col xs={24} lg={12}>
          <Panel title={m.coverage} clause="Z-5.5">
            {d.coverageGaps.length ? (
              <List
                size="small"
                bordered
                dataSource={d.coverageGaps}
                renderItem={(g) => (
                  <List.Item>
                    <Typography.Text type="danger">{gapText(g)}</Typography.Text>
                  </List.Item>
                )}
              />
            ) : (
              <Alert type="success" showIcon title={m.coverageOk} />
            )}
          </Panel>
          <Panel title={m.onSite} clause="Z-5.6">
            <List
              size="small"
              bordered
              locale={{ emptyText: m.onSiteEmpty }}
              dataSource={d.onSite}
              renderItem={(p) => (
                <List.Item>
                  <Space>
                    <Tag>{p.badgeNo}</Tag>
                    {p.name} · {p.role}
                  </Space>
                  <Typography.Text type="secondary">{formatDateTime(p.checkedAt)}</Typography.Text>
                </List.Item>
              )}
            />
          </Panel>
          <Panel title={m.devicesOut} clause="Z-5.7">
            <List
              size="small"
              bordered
              locale={{ emptyText: m.devicesOutEmpty }}
              dataSource={d.deviceExits}
              renderItem={(x) => (
                <List.Item>
                  <span>
                    {x.deviceName} <span className="mono">{x.serial}</span> · {x.reason}
                  </span>
                  <Tag color={EXIT_STATUS[x.status].color}>{pick(EXIT_STATUS[x.status])}</Tag>
                </List.Item>
              )}
            />
          </Panel>
        </Col>
        <Col xs={24} lg={12}>
          <Panel title={m.overdueTests} clause="Z-5.8">
            <List
              size="small"
              bordered
              locale={{ emptyText: m.overdueEmpty }}
              dataSource={d.overdueSealTests}
              renderItem={(p) => (
                <List.Item>
                  <span>
                    {p.deviceName} · {p.label}
                  </span>
                  <Typography.Text type="danger">
                    {m.dueAt}: {formatDateTime(p.dueAt)}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Panel>
          <Panel title={m.incidents} clause="Z-7.1">
            <List
              size="small"
              bordered
              locale={{ emptyText: m.incidentsEmpty }}
              dataSource={d.openIncidents}
              renderItem={(i) => (
                <List.Item>
                  <Link to={`/incidents/${i.id}`}>{i.title}</Link>
                  {i.clauseId && <ClauseTag id={i.clauseId} />}
                </List.Item>
              )}
            />
          </Panel>
          <Panel title={m.handoverPoints} clause="Z-7.7">
            {d.handoverOpenPoints.length ? (
              <List
                size="small"
                bordered
                dataSource={d.handoverOpenPoints}
                renderItem={(p) => (
                  <List.Item>
                    {pick(OPEN_POINT[p.kind])}
                    {p.label ? ` · ${p.label}` : ""}
                  </List.Item>
                )}
              />
            ) : (
              <Alert type="success" showIcon title={m.handoverComplete} />
            )}
          </Panel>
          <Panel title={m.dispositionsOpen} clause="Z-8.3">
            <List
              size="small"
              bordered
              locale={{ emptyText: "—" }}
              dataSource={d.openDispositions}
              renderItem={(x) => (
                <List.Item>
                  {x.name} <span className="mono">{x.serial}</span>
                </List.Item>
              )}
            />
          </Panel>
        </Col>
      </Row>

      <Panel title={m.workstations} clause="Z-7.2">
        {can.register && (
          <Space style={{ marginBottom: 8 }}>
            <FormButton<{ code: string; kind: WorkstationKind; name: string }>
              label={m.addWorkstation}
              title={m.addWorkstation}
              onSubmit={async (v) => {
                await siteApi.createWorkstation(d.project.id, v);
                notify.success(m.saved);
                refresh();
              }}
            >
              {() => (
                <>
                  <Form.Item name="code" label={m.code} rules={[{ required: true }]}>
                    <Input maxLength={30} />
                  </Form.Item>
                  <Form.Item name="kind" label={m.kind} rules={[{ required: true }]}>
                    <Select options={optionsOf(WORKSTATION_KIND, pick)} />
                  </Form.Item>
                  <Form.Item name="name" label={m.name} rules={[{ required: true }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                </>
              )}
            </FormButton>
          </Space>
        )}
        <Table<Workstation>
          rowKey="id"
          size="small"
          loading={stations.loading}
          dataSource={stations.data ?? []}
          pagination={false}
          locale={{ emptyText: <EmptyState text="—" /> }}
          columns={[
            { title: m.code, width: 100, render: (_, w) => <span className="mono">{w.code}</span> },
            { title: m.kind, width: 120, render: (_, w) => pick(WORKSTATION_KIND[w.kind]) },
            { title: m.name, width: 160, dataIndex: "name" },
            {
              title: m.people,
              render: (_, w) => (
                <Space size={4} wrap>
                  {w.assignments.map((a) => (
                    <Tag key={a.id}>
                      {a.personName}（{a.post}）
                    </Tag>
                  ))}
                </Space>
              ),
            },
            ...(can.register
              ? [
                  {
                    title: "",
                    width: 110,
                    render: (_: unknown, w: Workstation) => (
                      <FormButton<{ personId: string; post: string }>
                        label={m.assign}
                        title={`${m.assign} · ${w.code}`}
                        button={{ size: "small" }}
                        onSubmit={async (v) => {
                          await siteApi.assign(w.id, v);
                          notify.success(m.saved);
                          refresh();
                        }}
                      >
                        {() => (
                          <>
                            <Form.Item name="personId" label={m.person} rules={[{ required: true }]}>
                              <Select
                                showSearch={{ optionFilterProp: "label" }}
                                options={(people.data?.items ?? []).map((p) => ({
                                  value: p.id,
                                  label: `${p.name} ${p.badgeNo ?? ""}`,
                                }))}
                              />
                            </Form.Item>
                            <Form.Item name="post" label={m.post} rules={[{ required: true }]}>
                              <Input maxLength={100} />
                            </Form.Item>
                          </>
                        )}
                      </FormButton>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Panel>

      <Panel title={m.cameras} clause="Z-5.5">
        {can.register && (
          <Space style={{ marginBottom: 8 }}>
            <FormButton<{ label: string; workstationId?: string; area?: string; retentionDays?: string }>
              label={m.addCamera}
              title={m.addCamera}
              onSubmit={async (v) => {
                await siteApi.addCamera(d.project.id, {
                  label: v.label,
                  ...(v.workstationId ? { workstationId: v.workstationId } : {}),
                  ...(v.area?.trim() ? { area: v.area.trim() } : {}),
                  ...(v.retentionDays ? { retentionDays: Number(v.retentionDays) } : {}),
                });
                notify.success(m.saved);
                refresh();
              }}
            >
              {() => (
                <>
                  <Form.Item name="label" label={m.camera} rules={[{ required: true }]}>
                    <Input maxLength={100} />
                  </Form.Item>
                  <Form.Item name="workstationId" label={m.workstation}>
                    <Select
                      allowClear
                      options={(stations.data ?? []).map((w) => ({
                        value: w.id,
                        label: `${w.code} ${w.name}`,
                      }))}
                    />
                  </Form.Item>
                  <Form.Item name="area" label={m.area} extra={m.areaHint}>
                    <Input maxLength={50} />
                  </Form.Item>
                  <Form.Item
                    name="retentionDays"
                    label={
                      <Space size={4}>
                        {m.retentionDays}
                        <Unverified />
                      </Space>
                    }
                  >
                    <Input type="number" min={1} placeholder={String(d.config.cameraRetentionDays)} />
                  </Form.Item>
                </>
              )}
            </FormButton>
          </Space>
        )}
        <Table<Camera>
          rowKey="id"
          size="small"
          loading={cams.loading}
          dataSource={cams.data?.cameras ?? []}
          pagination={false}
          columns={[
            { title: m.camera, dataIndex: "label" },
            {
              title: `${m.workstation} / ${m.area}`,
              render: (_, c) => c.workstationCode ?? c.area ?? "—",
            },
            {
              title: m.recordingsHeldBy,
              width: 120,
              render: (_, c) => (c.recordingsHeldBy === "client" ? m.ownerClient : m.ownerAgency),
            },
            { title: m.retentionDays, width: 100, dataIndex: "retentionDays" },
            {
              title: m.status,
              width: 140,
              render: (_, c) =>
                c.status === "removed" ? (
                  <Tag>{m.removed}</Tag>
                ) : can.register ? (
                  <Typography.Link
                    onClick={() =>
                      siteApi
                        .removeCamera(c.id)
                        .then(() => refresh())
                        .catch(notify.error)
                    }
                  >
                    {m.remove}
                  </Typography.Link>
                ) : (
                  <Tag color="green">{m.active}</Tag>
                ),
            },
          ]}
        />
      </Panel>
    </>
  );
}
