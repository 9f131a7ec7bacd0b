// Written grants (D-10.2, D-10.5, D-10.7): the client's list, a new grant from
// picked items, issue (confirms the digest), revoke, print.
import { Button, Card, DatePicker, Form, Input, Modal, Select, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { projectsApi } from "../../api/endpoints.ts";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { type Grant, MODE, type PickItem, retrievalApi, type UseMode } from "../use-requests/api.ts";

export function GrantsPage() {
  const { t, pick } = useI18n();
  const m = t.retrieval;
  const notify = useNotify();
  const f = useUrlFilters(["q"] as const);
  const query = { ...f.values, page: f.page, pageSize: f.pageSize };
  const list = useQuery((s) => retrievalApi.grants(query, s), [JSON.stringify(query)]);
  const [open, setOpen] = useState(false);
  // Only the client issues written grants (D-10.2); the agency and grantees read them.
  const isClient = useMe().org.kind === "client";
  const run = (p: Promise<unknown>) => p.then(() => list.reload()).catch(notify.error);
  return (
    <>
      <PageHeader
        title={m.grantsTitle}
        subtitle={m.grantsSubtitle}
        extra={
          isClient && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {m.newGrant}
            </Button>
          )
        }
      />
      <Card>
        <PagedTable<Grant>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
          filtered={!!f.values.q}
          empty={m.emptyGrants}
          columns={[
            {
              title: m.grantNo,
              width: 120,
              render: (_, g) => <Link to={`/grants/${g.id}`}>{g.grantNo}</Link>,
            },
            {
              title: m.grantee,
              render: (_, g) => `${g.granteeName}${g.granteeIdNumber ? `（${g.granteeIdNumber}）` : ""}`,
            },
            { title: m.project, render: (_, g) => `${g.projectCode} ${g.projectName}` },
            { title: m.modes, render: (_, g) => g.modes.map((x) => <Tag key={x}>{pick(MODE[x])}</Tag>) },
            { title: m.validity, render: (_, g) => `${g.validFrom} ~ ${g.validTo}` },
            {
              title: m.scope,
              width: 110,
              render: (_, g) =>
                g.scopeKind === "query" && g.status === "draft" ? m.byQuery : g.itemCount + g.boxCount,
            },
            {
              title: m.status,
              render: (_, g) => (
                <Tag color={g.inForce ? "green" : g.status === "revoked" ? "red" : "default"}>
                  {g.inForce ? m.inForce : m[g.status]}
                </Tag>
              ),
            },
            {
              title: "",
              render: (_, g) => (
                <Space>
                  {g.permissions.issue && (
                    <Button size="small" type="primary" onClick={() => run(retrievalApi.issueGrant(g.id))}>
                      {m.issue}
                    </Button>
                  )}
                  {g.permissions.revoke && (
                    <Button
                      size="small"
                      danger
                      onClick={() => {
                        const reason = window.prompt(m.revokeReason);
                        if (reason) run(retrievalApi.revokeGrant(g.id, reason));
                      }}
                    >
                      {m.revoke}
                    </Button>
                  )}
                  <a href={retrievalApi.grantPdfUrl(g.id)} target="_blank" rel="noreferrer">
                    {m.print}
                  </a>
                </Space>
              ),
            },
          ]}
        />
      </Card>
      {open && (
        <GrantModal
          onClose={() => {
            setOpen(false);
            list.reload();
          }}
        />
      )}
    </>
  );
}

function GrantModal({ onClose }: { onClose: () => void }) {
  const { t, pick } = useI18n();
  const m = t.retrieval;
  const notify = useNotify();
  const [form] = Form.useForm();
  const projects = useQuery(() => projectsApi.list({ pageSize: 100 }), []);
  const projectId = Form.useWatch("projectId", form) as string | undefined;
  const [q, setQ] = useState("");
  const items = useQuery(
    () => (projectId ? retrievalApi.items({ projectId, q, pageSize: 50 }) : Promise.resolve(null)),
    [projectId, q],
  );
  const [picked, setPicked] = useState<string[]>([]);
  const kind = Form.useWatch("granteeKind", form);
  const save = async () => {
    const v = await form.validateFields();
    try {
      await retrievalApi.draftGrant({
        projectId: v.projectId,
        granteeKind: v.granteeKind,
        granteeName: v.granteeName,
        ...(v.granteeKind === "person"
          ? { granteeIdKind: "id_card", granteeIdNumber: v.granteeIdNumber }
          : {}),
        modes: v.modes,
        purpose: v.purpose,
        validFrom: v.validity[0].format("YYYY-MM-DD"),
        validTo: v.validity[1].format("YYYY-MM-DD"),
        scope: { kind: "list", itemIds: picked },
      });
      onClose();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <Modal open title={m.newGrant} width={820} onCancel={onClose} onOk={save} okText={t.common.save}>
      <Form form={form} layout="vertical" initialValues={{ granteeKind: "person", modes: ["reading"] }}>
        <Form.Item name="projectId" label={m.project} rules={[{ required: true }]}>
          <Select
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="granteeKind" label={m.granteeKind}>
            <Select
              style={{ width: 120 }}
              options={[
                { value: "person", label: m.person },
                { value: "organisation", label: m.organisation },
              ]}
            />
          </Form.Item>
          <Form.Item name="granteeName" label={m.grantee} rules={[{ required: true }]}>
            <Input style={{ width: 220 }} />
          </Form.Item>
          {kind === "person" && (
            <Form.Item name="granteeIdNumber" label={m.idNumber} rules={[{ required: true }]}>
              <Input style={{ width: 220 }} />
            </Form.Item>
          )}
        </Space>
        <Form.Item name="modes" label={m.modes} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            options={(Object.keys(MODE) as UseMode[]).map((x) => ({ value: x, label: pick(MODE[x]) }))}
          />
        </Form.Item>
        <Form.Item name="purpose" label={m.purpose} rules={[{ required: true, min: 2 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="validity" label={m.validity} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
      </Form>
      <h4>
        {m.scope}（{picked.length}）
      </h4>
      <Input.Search placeholder={m.searchItems} onSearch={setQ} style={{ marginBottom: 8 }} />
      <Table<PickItem>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ y: 240 }}
        locale={projectId ? undefined : { emptyText: m.pickProjectFirst }}
        dataSource={items.data?.items ?? []}
        rowSelection={{
          selectedRowKeys: picked,
          onChange: (k) => setPicked(k as string[]),
          preserveSelectedRowKeys: true,
        }}
        columns={[
          { title: m.referenceCode, dataIndex: "referenceCode", width: 160 },
          { title: m.items, dataIndex: "title" },
          { title: m.boxNo, dataIndex: "boxNo", width: 90 },
        ]}
      />
    </Modal>
  );
}
