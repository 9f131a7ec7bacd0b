// Catalogue search for clients (and the agency's custody, metadata only):
// filters and pages in the URL, Excel export, and a cart per project.
import { ShoppingCartOutlined } from "@ant-design/icons";
import { Alert, Badge, Button, Card, Flex, Select, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import type { Bilingual } from "../../api/types.ts";
import { ExportButton } from "../../components/ExportButton.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { CATEGORY } from "../catalogues/labels.ts";
import { catalogueSearchApi, type SearchItem } from "./api.ts";
import { CartDrawer } from "./CartDrawer.tsx";
import { useCart } from "./useCart.ts";

const FILTERS = ["q", "ref", "projectId", "yearFrom", "yearTo", "category", "boxNo", "sort", "desc"] as const;
const year = (v: string) => (/^\d{4}$/.test(v) ? v : undefined);

export function CatalogueSearchPage() {
  const { t, pick } = useI18n();
  const m = t.catalogueSearch;
  const f = useUrlFilters(FILTERS);
  const filters = f.values;
  const query = { ...filters, page: f.page, pageSize: f.pageSize };
  const list = useQuery((signal) => catalogueSearchApi.items(query, signal), [JSON.stringify(query)]);
  const projects = useQuery((signal) => catalogueSearchApi.projects(signal), []);
  const project = projects.data?.items.find((p) => p.id === filters.projectId);
  const cart = useCart(filters.projectId);
  const [cartOpen, setCartOpen] = useState(false);
  const { sort: _s, desc: _d, ...shown } = filters;
  const filtered = Object.values(shown).some(Boolean);
  const label = (map: Record<string, Bilingual>, v: string | null) => (v ? (map[v] ? pick(map[v]) : v) : "—");
  const sorter = (key: string) =>
    ({
      sorter: true,
      sortOrder: filters.sort === key ? (filters.desc === "true" ? "descend" : "ascend") : null,
    }) as const;

  const columns: ColumnsType<SearchItem> = [
    {
      title: m.referenceCode,
      dataIndex: "referenceCode",
      key: "referenceCode",
      width: 220,
      ...sorter("referenceCode"),
      render: (v: string | null) => <span className="mono">{v ?? "—"}</span>,
    },
    { title: m.itemTitle, dataIndex: "title", key: "title", ...sorter("title"), render: (v) => v ?? "—" },
    { title: m.year, dataIndex: "year", key: "year", width: 80, ...sorter("year"), render: (v) => v ?? "—" },
    { title: m.category, dataIndex: "category", width: 90, render: (v: string | null) => label(CATEGORY, v) },
    {
      title: m.boxNo,
      dataIndex: "boxNo",
      key: "boxNo",
      width: 100,
      ...sorter("boxNo"),
      render: (v) => v ?? "—",
    },
    { title: m.projectName, dataIndex: "projectName", width: 180 },
    {
      key: "cart",
      width: 110,
      render: (_: unknown, r: SearchItem) =>
        cart.has(r.id) ? (
          <Typography.Text type="secondary">{m.added}</Typography.Text>
        ) : (
          <Button
            size="small"
            disabled={!filters.projectId}
            title={filters.projectId ? undefined : m.pickProject}
            onClick={() => cart.add({ id: r.id, referenceCode: r.referenceCode, title: r.title })}
            data-testid="add-to-cart"
          >
            {m.add}
          </Button>
        ),
    },
  ];

  return (
    <>
      <PageHeader
        title={m.title}
        subtitle={m.subtitle}
        extra={
          <Badge count={cart.entries.length}>
            <Button icon={<ShoppingCartOutlined />} onClick={() => setCartOpen(true)} data-testid="open-cart">
              {m.cart}
            </Button>
          </Badge>
        }
      />
      <Card
        extra={<ExportButton href={catalogueSearchApi.exportUrl(shown)} />}
        data-testid="catalogue-search"
      >
        <Flex gap={12} wrap className="table-toolbar">
          <SearchInput
            value={filters.q}
            onSearch={(q) => f.set({ q })}
            placeholder={m.titleWords}
            width={300}
          />
          <SearchInput
            value={filters.ref}
            onSearch={(ref) => f.set({ ref })}
            placeholder={m.refPrefix}
            width={200}
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: "label" }}
            placeholder={m.project}
            aria-label={m.project}
            style={{ width: 240 }}
            value={filters.projectId}
            onChange={(projectId) => f.set({ projectId })}
            options={(projects.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.name}（${p.clientName}）`,
            }))}
          />
          <Select
            allowClear
            placeholder={m.category}
            aria-label={m.category}
            style={{ width: 130 }}
            value={filters.category}
            onChange={(category) => f.set({ category })}
            options={Object.entries(CATEGORY).map(([value, l]) => ({ value, label: pick(l) }))}
          />
          <SearchInput
            value={filters.yearFrom}
            onSearch={(v) => f.set({ yearFrom: year(v) })}
            placeholder={m.yearFrom}
            width={120}
          />
          <SearchInput
            value={filters.yearTo}
            onSearch={(v) => f.set({ yearTo: year(v) })}
            placeholder={m.yearTo}
            width={120}
          />
          <SearchInput
            value={filters.boxNo}
            onSearch={(boxNo) => f.set({ boxNo })}
            placeholder={m.boxNo}
            width={120}
          />
          {filtered && <Button onClick={f.reset}>{t.common.reset}</Button>}
        </Flex>
        {list.data?.titleMode === "scan" && (
          <Alert type="info" showIcon title={m.scanHint} style={{ marginBottom: 12 }} />
        )}
        {list.data?.totalCapped && (
          <Alert type="warning" showIcon title={m.capped(list.data.total)} style={{ marginBottom: 12 }} />
        )}
        <PagedTable<SearchItem>
          list={list}
          paging={{ page: f.page, pageSize: f.pageSize, set: (p) => f.set(p) }}
          filtered={filtered}
          empty={m.empty}
          columns={columns}
          scroll={{ x: 1100 }}
          onChange={(_p, _f, s) => {
            const one = Array.isArray(s) ? s[0] : s;
            if (!one?.columnKey || !one.order) return f.set({ sort: undefined, desc: undefined });
            f.set({ sort: String(one.columnKey), desc: one.order === "descend" ? "true" : undefined });
          }}
        />
      </Card>
      <CartDrawer
        open={cartOpen}
        onClose={() => setCartOpen(false)}
        projectId={filters.projectId}
        projectName={project?.name ?? ""}
        cart={cart}
      />
    </>
  );
}
