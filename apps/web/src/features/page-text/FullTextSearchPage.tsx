// Full-text search (D-10.1, D-10.2): the OCR text of digitized pages in the
// caller's own projects, the word marked in each snippet, and each page or
// its volume as a searchable PDF (DA/T 31 access copy).
import { FilePdfOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Flex, Select, Space, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { ReactNode } from "react";
import { projectsApi } from "../../api/endpoints.ts";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type PageHit, type PageHits, pageTextApi } from "./api.ts";

const FILTERS = ["q", "projectId", "deliveryId"] as const;

/** The snippet with the matched word marked (text nodes only: no HTML from the server). */
export function Snippet({ s }: { s: PageHit["snippet"] }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [a, b] of s.highlights) {
    if (a > at) parts.push(s.text.slice(at, a));
    parts.push(<mark key={a}>{s.text.slice(a, b)}</mark>);
    at = b;
  }
  if (at < s.text.length) parts.push(s.text.slice(at));
  return <span data-testid="snippet">{parts}</span>;
}

export function FullTextSearchPage() {
  const { t } = useI18n();
  const m = t.pageText;
  const f = useUrlFilters(FILTERS);
  const filters = f.values;
  const q = filters.q ?? "";
  const ready = [...q.replace(/[\s\p{P}]/gu, "")].length >= 2;
  const query = { ...filters, page: f.page, pageSize: f.pageSize };
  const list = useQuery<PageHits>(
    (signal) =>
      ready
        ? pageTextApi.search(query, signal)
        : Promise.resolve({
            items: [],
            total: 0,
            page: 1,
            pageSize: f.pageSize,
            totalCapped: false,
            query: "",
          }),
    [JSON.stringify(query), ready],
  );
  const projects = useQuery((signal) => projectsApi.list({ pageSize: 200 }, signal), []);

  const columns: ColumnsType<PageHit> = [
    {
      title: m.referenceCode,
      dataIndex: "referenceCode",
      width: 220,
      render: (v: string | null) => <span className="mono">{v ?? "—"}</span>,
    },
    { title: m.page, dataIndex: "seq", width: 70, render: (v: number | null) => v ?? "—" },
    {
      title: m.snippet,
      key: "snippet",
      render: (_: unknown, r: PageHit) => (
        <Space direction="vertical" size={0}>
          <Snippet s={r.snippet} />
          {r.snippet.matchingLines > 1 && (
            <Typography.Text type="secondary">{m.moreLines(r.snippet.matchingLines - 1)}</Typography.Text>
          )}
        </Space>
      ),
    },
    {
      title: m.file,
      dataIndex: "path",
      width: 240,
      render: (v: string, r: PageHit) => (
        <Space direction="vertical" size={0}>
          <span className="mono">{v}</span>
          <Typography.Text type="secondary">
            {r.projectName} · {m.delivery(r.batchCode, r.deliverySeq)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      key: "pdf",
      width: 190,
      render: (_: unknown, r: PageHit) => (
        <Flex gap={4} wrap>
          <Button
            size="small"
            icon={<FilePdfOutlined />}
            href={pageTextApi.filePdfUrl(r.fileId)}
            target="_blank"
            data-testid="page-pdf"
          >
            {m.pagePdf}
          </Button>
          {r.referenceCode && (
            <Button
              size="small"
              icon={<FilePdfOutlined />}
              href={pageTextApi.volumePdfUrl(r.deliveryId, r.referenceCode)}
              target="_blank"
              data-testid="volume-pdf"
            >
              {m.volumePdf}
            </Button>
          )}
        </Flex>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={m.title} subtitle={m.subtitle} />
      <Card data-testid="full-text-search">
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput
            value={filters.q}
            onSearch={(v) => f.set({ q: v })}
            placeholder={m.words}
            width={320}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={m.project}
            aria-label={m.project}
            style={{ width: 260 }}
            value={filters.projectId}
            onChange={(projectId) => f.set({ projectId })}
            options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
          />
          {(filters.projectId || filters.deliveryId) && (
            <Button onClick={() => f.set({ projectId: undefined, deliveryId: undefined })}>
              {filters.deliveryId ? m.allDeliveries : t.common.reset}
            </Button>
          )}
        </Flex>
        {!ready && <Alert type="info" showIcon title={m.hint} style={{ marginBottom: 12 }} />}
        {list.data?.totalCapped && (
          <Alert type="warning" showIcon title={m.capped(list.data.total)} style={{ marginBottom: 12 }} />
        )}
        <PagedTable<PageHit>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: (p) => f.set(p) }}
          filtered={ready}
          empty={ready ? m.none : m.hint}
          columns={columns}
          scroll={{ x: 1000 }}
        />
      </Card>
    </>
  );
}
