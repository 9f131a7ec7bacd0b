// G-11: the project ledger — supervision, problems and rectifications, with
// kind/status filters, Excel export and new entries for the client.
import { PlusOutlined } from "@ant-design/icons";
import { Button, Flex, Select, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { projectsApi } from "../../../api/endpoints.ts";
import type { LedgerEntry, LedgerKind, ProjectDetail } from "../../../api/types.ts";
import { ClauseTag } from "../../../components/ClauseTag.tsx";
import { EmptyState } from "../../../components/EmptyState.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { ExportButton } from "../../../components/ExportButton.tsx";
import { useQuery } from "../../../hooks/useQuery.ts";
import { formatDate } from "../../../i18n/format.ts";
import { useI18n } from "../../../i18n/LocaleContext.tsx";
import { LEDGER_KIND, LEDGER_STATUS } from "../../../i18n/labels.ts";
import { LedgerEntryModal } from "./LedgerEntryModal.tsx";

export function LedgerTab({ project }: { project: ProjectDetail }) {
  const { t, pick } = useI18n();
  const l = t.ledger;
  const [kind, setKind] = useState<LedgerKind>();
  const [status, setStatus] = useState<"open" | "closed">();
  const [adding, setAdding] = useState(false);
  const filters = { kind, status };
  const list = useQuery(() => projectsApi.ledger(project.id, filters), [project.id, kind, status]);
  const items = list.data?.items ?? [];
  const byId = new Map(items.map((e) => [e.id, e]));

  const columns: ColumnsType<LedgerEntry> = [
    { title: l.occurredOn, dataIndex: "occurredOn", width: 110, render: (d: string) => formatDate(d) },
    {
      title: l.kind,
      dataIndex: "kind",
      width: 110,
      render: (k: LedgerKind) => <Tag color={LEDGER_KIND[k].color}>{pick(LEDGER_KIND[k])}</Tag>,
    },
    {
      title: l.summary,
      dataIndex: "summary",
      render: (s: string, e) => {
        const fixed = e.resolvesEntryId ? byId.get(e.resolvesEntryId) : undefined;
        return (
          <div>
            <Typography.Text strong>{s}</Typography.Text>
            {e.details && (
              <Typography.Paragraph type="secondary" style={{ margin: "2px 0 0", whiteSpace: "pre-wrap" }}>
                {e.details}
              </Typography.Paragraph>
            )}
            {fixed && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {l.resolves}: {fixed.summary}
                </Typography.Text>
              </div>
            )}
          </div>
        );
      },
    },
    {
      title: l.clause,
      dataIndex: "clauseId",
      width: 100,
      render: (c: string | null) => (c ? <ClauseTag id={c} /> : "—"),
    },
    {
      title: l.status,
      dataIndex: "status",
      width: 100,
      render: (s: LedgerEntry["status"]) =>
        s ? <Tag color={LEDGER_STATUS[s].color}>{pick(LEDGER_STATUS[s])}</Tag> : "—",
    },
    { title: l.author, dataIndex: "authorName", width: 100, render: (a: string | null) => a ?? "—" },
  ];

  return (
    <div data-testid="ledger-tab">
      <Typography.Paragraph type="secondary">{l.intro}</Typography.Paragraph>
      <Flex justify="space-between" gap={12} wrap className="table-toolbar">
        <Space wrap>
          <Select
            allowClear
            placeholder={l.allKinds}
            aria-label={l.allKinds}
            style={{ width: 140 }}
            value={kind}
            onChange={setKind}
            options={(Object.keys(LEDGER_KIND) as LedgerKind[]).map((k) => ({
              value: k,
              label: pick(LEDGER_KIND[k]),
            }))}
          />
          <Select
            allowClear
            placeholder={l.allStatuses}
            aria-label={l.allStatuses}
            style={{ width: 140 }}
            value={status}
            onChange={setStatus}
            options={(["open", "closed"] as const).map((s) => ({ value: s, label: pick(LEDGER_STATUS[s]) }))}
          />
        </Space>
        <Space wrap>
          <ExportButton href={projectsApi.ledgerExportUrl(project.id, filters)} />
          {project.permissions.writeLedger && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
              {l.add}
            </Button>
          )}
        </Space>
      </Flex>
      <ErrorAlert error={list.error} />
      <Table
        rowKey="id"
        size="middle"
        loading={list.loading}
        columns={columns}
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: <EmptyState text={kind || status ? t.common.emptyFiltered : l.empty} /> }}
      />
      <LedgerEntryModal
        open={adding}
        projectId={project.id}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          list.reload();
        }}
      />
    </div>
  );
}
