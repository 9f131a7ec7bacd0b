// One written grant (D-10.2, D-10.5): to whom, which modes, purpose and period,
// the frozen scope (items and whole boxes), the digest the client confirmed,
// issue, revoke and the printable Chinese document.
import { Button, Card, Descriptions, Flex, Space, Table, Tag, Typography } from "antd";
import { useParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { MODE, retrievalApi } from "../use-requests/api.ts";

export function GrantPage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const m = t.retrieval;
  const notify = useNotify();
  const g = useQuery(() => retrievalApi.grant(id), [id]);
  const run = (p: Promise<unknown>) => p.then(() => g.reload()).catch(notify.error);
  if (!g.data) return <ErrorAlert error={g.error} />;
  const d = g.data;
  return (
    <>
      <PageHeader
        title={`${m.grantNo} ${d.grantNo}`}
        tags={
          <Tag color={d.inForce ? "green" : d.status === "revoked" ? "red" : "default"}>
            {d.inForce ? m.inForce : m[d.status]}
          </Tag>
        }
        extra={
          <Space>
            {d.permissions.issue && (
              <Button type="primary" onClick={() => run(retrievalApi.issueGrant(id))}>
                {m.issue}
              </Button>
            )}
            {d.permissions.revoke && (
              <Button
                danger
                onClick={() => {
                  const reason = window.prompt(m.revokeReason);
                  if (reason) run(retrievalApi.revokeGrant(id, reason));
                }}
              >
                {m.revoke}
              </Button>
            )}
            <a href={retrievalApi.grantPdfUrl(id)} target="_blank" rel="noreferrer">
              <Button>{m.print}</Button>
            </a>
          </Space>
        }
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions size="small" column={2}>
            <Descriptions.Item label={m.grantee}>
              {d.granteeName}
              {d.granteeIdNumber ? `（${d.granteeIdNumber}）` : ""}
            </Descriptions.Item>
            <Descriptions.Item label={m.project}>{`${d.projectCode} ${d.projectName}`}</Descriptions.Item>
            <Descriptions.Item label={m.modes}>
              {d.modes.map((x) => (
                <Tag key={x}>{pick(MODE[x])}</Tag>
              ))}
            </Descriptions.Item>
            <Descriptions.Item label={m.validity}>{`${d.validFrom} ~ ${d.validTo}`}</Descriptions.Item>
            <Descriptions.Item label={m.purpose} span={2}>
              {d.purpose}
            </Descriptions.Item>
            {d.digest && (
              <Descriptions.Item label={m.digest} span={2}>
                <Typography.Text code copyable>
                  {d.digest}
                </Typography.Text>
              </Descriptions.Item>
            )}
          </Descriptions>
        </Card>
        <Card title={`${m.scope}（${d.items.length}）`}>
          <Table
            size="small"
            rowKey={(i) => i.itemId ?? i.boxId ?? ""}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            dataSource={d.items}
            locale={{ emptyText: d.scopeKind === "query" ? m.byQuery : m.emptyScope }}
            columns={[
              { title: m.referenceCode, render: (_, i) => i.referenceCode ?? m.wholeBox },
              { title: m.items, dataIndex: "title" },
              { title: m.boxNo, dataIndex: "boxNo", width: 120 },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
