// Delivered remote copies (D-3.12): the client downloads its copies while the
// link lasts, with SM3 and SHA-256 to verify them; the agency sees what it sent.
import { Card, Flex } from "antd";
import { Link } from "react-router-dom";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime, formatSize } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { type DeliveryRow, useServicesApi } from "./api.ts";
import { DeliveryState, Digests, DownloadButton } from "./DeliveriesTable.tsx";

const FILTERS = ["q"] as const;

export function RemoteCopiesPage() {
  const { t } = useI18n();
  const m = t.useServices;
  const me = useMe();
  const f = useUrlFilters(FILTERS);
  const v = f.values;
  const query = { ...v, page: f.page, pageSize: f.pageSize };
  const list = useQuery((s) => useServicesApi.deliveries(query, s), [JSON.stringify(query)]);
  const agency = me.org.kind === "agency";
  return (
    <>
      <PageHeader
        title={agency ? m.remoteCopiesTitle : m.myRemoteCopiesMenu}
        subtitle={m.remoteCopiesSubtitle}
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={v.q} onSearch={(q) => f.set({ q })} placeholder={m.searchPlaceholder} />
        </Flex>
        <PagedTable<DeliveryRow>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
          filtered={!!v.q}
          empty={m.noDeliveries}
          scroll={{ x: 1200 }}
          columns={[
            {
              title: m.request,
              width: 130,
              render: (_, d) => <Link to={`/use-requests/${d.requestId}`}>{d.requestNo}</Link>,
            },
            { title: m.filename, width: 220, ellipsis: true, dataIndex: "filename" },
            { title: m.size, width: 90, render: (_, d) => formatSize(d.sizeBytes) },
            { title: m.user, width: 100, dataIndex: "userName" },
            ...(agency ? [{ title: m.client, width: 200, ellipsis: true, dataIndex: "clientName" }] : []),
            { title: m.deliveredAt, width: 150, render: (_, d) => formatDateTime(d.deliveredAt) },
            { title: m.expiresAt, width: 150, render: (_, d) => <DeliveryState d={d} /> },
            { title: m.digests, width: 260, render: (_, d) => <Digests d={d} /> },
            { title: m.downloads, width: 90, render: (_, d) => Number(d.downloads) },
            ...(agency
              ? []
              : [
                  {
                    title: "",
                    width: 110,
                    fixed: "right" as const,
                    render: (_: unknown, d: DeliveryRow) => <DownloadButton d={d} />,
                  },
                ]),
          ]}
        />
      </Card>
    </>
  );
}
