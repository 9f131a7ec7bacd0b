// Z-7.2: the recorded handovers between workstations: content, quantity, time, names.
import { Table, Typography } from "antd";
import { EmptyState } from "../../components/EmptyState.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { StationHandover } from "./api.ts";

export function StationHandoversTable({ items }: { items: StationHandover[] }) {
  const { t } = useI18n();
  const m = t.digitizationOriginals;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 20 }}>
        {m.handovers}
      </Typography.Title>
      <Table<StationHandover>
        size="small"
        rowKey="id"
        pagination={{ pageSize: 20 }}
        dataSource={items}
        locale={{ emptyText: <EmptyState text={m.noHandovers} /> }}
        columns={[
          { title: m.handedAt, width: 150, render: (_, h) => formatDateTime(h.handedAt) },
          { title: m.from, width: 120, render: (_, h) => h.fromName ?? m.temporaryStorage },
          { title: m.to, width: 120, render: (_, h) => h.toName ?? m.temporaryStorage },
          { title: m.content, dataIndex: "content", ellipsis: true },
          { title: m.volumes, dataIndex: "volumeCount", width: 60 },
          { title: m.items, dataIndex: "itemCount", width: 60 },
          { title: m.giver, dataIndex: "giverName", width: 90 },
          { title: m.receiver, dataIndex: "receiverName", width: 90 },
          { title: m.reason, width: 120, render: (_, h) => h.reason ?? "—" },
        ]}
      />
    </>
  );
}
