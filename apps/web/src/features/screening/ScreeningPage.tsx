// Classification-mark alerts (Z-7.3, D-10.8): every hit of the screening, with
// search, filters, pages and Excel; a row opens the page with the mark outlined.
import { Button, Card, Flex, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type HitRow, STATUS_COLOR, screeningApi } from "./api.ts";
import { HitDrawer } from "./HitDrawer.tsx";

const FILTERS = ["q", "status", "source"] as const;

export function ScreeningPage() {
  const { t } = useI18n();
  const m = t.screening;
  const f = useUrlFilters(FILTERS);
  const query = { ...f.values, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => screeningApi.list(query, signal), [JSON.stringify(query)]);
  const [open, setOpen] = useState<HitRow | null>(null);
  const filtered = FILTERS.some((k) => f.values[k]);
  const opts = (keys: string[], label: (k: string) => string) =>
    keys.map((k) => ({ value: k, label: label(k) }));

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={<ExportButton href={screeningApi.exportUrl(f.values)} />}
      />
      <Card>
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput value={f.values.q} onSearch={(q) => f.set({ q })} placeholder={m.search} />
          <FilterSelect
            value={f.values.status}
            onChange={(status) => f.set({ status })}
            placeholder={m.allStatuses}
            options={opts(["open", "cleared", "confirmed"], m.status)}
            width={150}
          />
          <FilterSelect
            value={f.values.source}
            onChange={(source) => f.set({ source })}
            placeholder={m.allSources}
            options={opts(["qc_delivery", "remote_copy"], m.source)}
            width={150}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        <PagedTable<HitRow>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
          filtered={filtered}
          empty={m.empty}
          scroll={{ x: 1100 }}
          columns={[
            {
              title: m.foundAt,
              dataIndex: "createdAt",
              width: 160,
              render: (d: string) => formatDateTime(d),
            },
            {
              title: m.mark,
              key: "mark",
              width: 170,
              render: (_, h) => (
                <Tag color="red">
                  {h.level}★{h.period ?? ""}
                </Tag>
              ),
            },
            {
              title: m.where,
              key: "where",
              render: (_, h) => (
                <Space orientation="vertical" size={0}>
                  <span>{h.volumeReferenceCode ?? h.requestNo}</span>
                  <Typography.Text type="secondary">{h.projectName ?? h.clientName}</Typography.Text>
                </Space>
              ),
            },
            {
              title: m.file,
              key: "file",
              render: (_, h) => (
                <Space orientation="vertical" size={0}>
                  <span>{h.fileLabel}</span>
                  <Typography.Text type="secondary">
                    {m.source(h.source)} · {m.page(h.page)}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: m.agency, dataIndex: "agencyName", width: 200 },
            {
              title: m.statusLabel,
              dataIndex: "status",
              width: 130,
              render: (s: HitRow["status"]) => <Tag color={STATUS_COLOR[s]}>{m.status(s)}</Tag>,
            },
            {
              title: "",
              key: "view",
              width: 80,
              render: (_, h) => (
                <Button size="small" type="link" onClick={() => setOpen(h)} data-testid="screening-view">
                  {m.view}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <HitDrawer
        hit={open}
        onClose={() => setOpen(null)}
        onDecided={() => {
          setOpen(null);
          list.reload();
        }}
      />
    </>
  );
}
