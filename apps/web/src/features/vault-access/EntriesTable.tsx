// Entries of the log: when, who (staff and visitors), why, who approved and
// recorded; entries still open can be closed with the group's exit.
import { Button, Popconfirm, Table, Tag, Typography } from "antd";
import type { ColumnsType, TablePaginationConfig } from "antd/es/table";
import { EmptyState } from "../../components/EmptyState.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type Entry, vaultAccessApi } from "./api.ts";
import { People } from "./People.tsx";

export function EntriesTable(props: {
  items: Entry[];
  loading: boolean;
  showVault: boolean;
  canRecord: boolean;
  onChanged: () => void;
  pagination?: TablePaginationConfig | false;
  empty: string;
}) {
  const { t } = useI18n();
  const a = t.vaultAccess;
  const notify = useNotify();
  const exit = async (id: string) => {
    try {
      await vaultAccessApi.exit(id);
      notify.success(a.exited);
      props.onChanged();
    } catch (err) {
      notify.error(err);
    }
  };
  const columns: ColumnsType<Entry> = [
    ...(props.showVault
      ? [
          {
            title: a.vault,
            key: "vault",
            render: (_: unknown, e: Entry) => (
              <span>
                <span className="mono">{e.vaultCode}</span> {e.vaultName}
              </span>
            ),
          },
        ]
      : []),
    { title: a.enteredAt, dataIndex: "enteredAt", width: 150, render: formatDateTime },
    {
      title: a.exitedAt,
      dataIndex: "exitedAt",
      width: 150,
      render: (x: string | null, e) =>
        x ? (
          formatDateTime(x)
        ) : props.canRecord ? (
          <Popconfirm title={a.exitConfirm} onConfirm={() => exit(e.id)}>
            <Button size="small" type="primary" data-testid="record-exit">
              {a.exit}
            </Button>
          </Popconfirm>
        ) : (
          <Tag color="processing">{a.statusInside}</Tag>
        ),
    },
    { title: `${a.staff} / ${a.visitors}`, key: "people", render: (_, e) => <People people={e.people} /> },
    { title: a.purpose, dataIndex: "purpose" },
    {
      title: a.approvedBy,
      key: "approved",
      width: 140,
      render: (_, e) =>
        e.approvedByName ? (
          <div>
            {e.approvedByName}
            {e.approvalNote && (
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {e.approvalNote}
                </Typography.Text>
              </div>
            )}
          </div>
        ) : (
          "—"
        ),
    },
    { title: a.recordedBy, dataIndex: "recordedByName", width: 100, render: (n: string | null) => n ?? "—" },
  ];
  return (
    <Table
      rowKey="id"
      size="middle"
      loading={props.loading}
      columns={columns}
      dataSource={props.items}
      pagination={props.pagination ?? false}
      scroll={{ x: 1000 }}
      locale={{ emptyText: <EmptyState text={props.empty} /> }}
    />
  );
}
