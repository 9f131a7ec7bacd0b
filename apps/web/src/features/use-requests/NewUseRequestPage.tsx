// A new use request. The cart of the catalogue search sends
// ?project=<id>&items=<id>,<id>; a user may also pick items here. Anyone but
// the client cites a written grant; the server checks its coverage (D-10.2, D-10.5).
import { Button, Card, Form, Input, Select, Table } from "antd";
import { useEffect, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { projectsApi } from "../../api/endpoints.ts";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { MODE, type PickItem, retrievalApi, type UseMode } from "./api.ts";

export function NewUseRequestPage() {
  const { t, pick } = useI18n();
  const m = t.retrieval;
  const notify = useNotify();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [form] = Form.useForm();
  const [picked, setPicked] = useState<string[]>((params.get("items") ?? "").split(",").filter(Boolean));
  const [q, setQ] = useState("");
  const projectId =
    (Form.useWatch("projectId", form) as string | undefined) ?? params.get("project") ?? undefined;
  const grantId = Form.useWatch("grantId", form) as string | undefined;
  const projects = useQuery(() => projectsApi.list({ pageSize: 100 }), []);
  const grants = useQuery(() => retrievalApi.grants({ status: "issued", pageSize: 100 }), []);
  const items = useQuery(
    () => (projectId ? retrievalApi.items({ projectId, grantId, q, pageSize: 50 }) : Promise.resolve(null)),
    [projectId, grantId, q],
  );
  useEffect(() => {
    if (params.get("project")) form.setFieldValue("projectId", params.get("project"));
  }, [params, form]);
  const submit = async () => {
    const v = await form.validateFields();
    try {
      const r = await retrievalApi.submit({
        ...v,
        itemIds: picked,
        ...(v.grantId ? {} : { grantId: undefined }),
      });
      navigate(`/use-requests/${r.id}`);
    } catch (e) {
      notify.error(e);
    }
  };
  const projectOptions = [
    ...(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` })),
    ...(grants.data?.items ?? []).map((g) => ({
      value: g.projectId,
      label: `${g.projectCode} ${g.projectName}`,
    })),
  ].filter((o, i, all) => all.findIndex((x) => x.value === o.value) === i);
  return (
    <>
      <PageHeader title={m.newRequest} />
      <Card>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ mode: "reading", priority: "standard" }}
          style={{ maxWidth: 720 }}
        >
          <Form.Item name="projectId" label={m.project} rules={[{ required: true }]}>
            <Select aria-label={m.project} options={projectOptions} />
          </Form.Item>
          <Form.Item name="grantId" label={m.grant}>
            <Select
              aria-label={m.grant}
              allowClear
              placeholder={m.noGrant}
              options={(grants.data?.items ?? [])
                .filter((g) => g.projectId === projectId)
                .map((g) => ({ value: g.id, label: `${g.grantNo} ${g.granteeName}` }))}
            />
          </Form.Item>
          <Form.Item name="requesterKind" label={m.requesterKind}>
            <Select
              allowClear
              aria-label={m.requesterKind}
              options={[
                { value: "third_party", label: m.thirdParty },
                { value: "agency_proxy", label: m.agencyProxy },
              ]}
            />
          </Form.Item>
          <Form.Item name="mode" label={m.mode}>
            <Select
              aria-label={m.mode}
              options={(Object.keys(MODE) as UseMode[]).map((x) => ({ value: x, label: pick(MODE[x]) }))}
            />
          </Form.Item>
          <Form.Item name="userName" label={m.user} rules={[{ required: true }]}>
            <Input aria-label={m.user} />
          </Form.Item>
          <Form.Item name="userOrgName" label={m.userOrg}>
            <Input aria-label={m.userOrg} />
          </Form.Item>
          <Form.Item name="userIdNumber" label={m.idNumber}>
            <Input aria-label={m.idNumber} />
          </Form.Item>
          <Form.Item name="purpose" label={m.purpose} rules={[{ required: true, min: 2 }]}>
            <Input aria-label={m.purpose} />
          </Form.Item>
          <Form.Item name="priority" label={m.priority}>
            <Select
              options={[
                { value: "standard", label: m.standard },
                { value: "rush", label: m.rush },
              ]}
            />
          </Form.Item>
        </Form>
        <h4>
          {m.pickItems}（{picked.length}）
        </h4>
        <Input.Search
          placeholder={m.searchItems}
          onSearch={setQ}
          style={{ maxWidth: 400, marginBottom: 8 }}
        />
        <Table<PickItem>
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={items.data?.items ?? []}
          rowSelection={{
            selectedRowKeys: picked,
            onChange: (k) => setPicked(k as string[]),
            preserveSelectedRowKeys: true,
          }}
          columns={[
            { title: m.referenceCode, dataIndex: "referenceCode", width: 180 },
            { title: m.items, dataIndex: "title" },
            { title: m.boxNo, dataIndex: "boxNo", width: 100 },
          ]}
        />
        <Button type="primary" style={{ marginTop: 16 }} onClick={submit} disabled={picked.length === 0}>
          {m.submit}
        </Button>
      </Card>
    </>
  );
}
