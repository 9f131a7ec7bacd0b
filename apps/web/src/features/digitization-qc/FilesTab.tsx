// Per-file results of a delivery, filtered by rule and outcome (Z-7.4); the
// counts by rule sit above the list.
import { Flex, Space, Table, Tag, Tooltip } from "antd";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { PagedTable } from "../../components/PagedTable.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatSize } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type DeliveredFile, OUTCOME, type Outcome, qcApi, type Rules } from "./api.ts";
import { OutcomeTag } from "./tags.tsx";

const FILTERS = ["rule", "outcome", "q"] as const;

export function FilesTab({
  deliveryId,
  rules,
  byRule,
}: {
  deliveryId: string;
  rules: Rules | undefined;
  byRule: Record<string, Partial<Record<Outcome, number>>>;
}) {
  const { t, pick } = useI18n();
  const m = t.digitizationQc;
  const f = useUrlFilters(FILTERS);
  const v = f.values;
  const query = { ruleId: v.rule, outcome: v.outcome, q: v.q, page: f.page, pageSize: f.pageSize };
  const list = useQuery((s) => qcApi.files(deliveryId, query, s), [deliveryId, JSON.stringify(query)]);
  const name = (r: string) => (rules ? pick(rules.rules[r]?.label) || r : r);
  return (
    <>
      <Table
        rowKey="rule"
        size="small"
        pagination={false}
        style={{ marginBottom: 16 }}
        dataSource={Object.entries(byRule).map(([rule, counts]) => ({ rule, counts }))}
        columns={[
          { title: m.rule, width: 200, render: (_, r) => name(r.rule) },
          {
            title: "",
            width: 240,
            render: (_, r) => <span style={{ color: "#888" }}>{rules?.rules[r.rule]?.standard}</span>,
          },
          {
            title: m.results,
            render: (_, r) => (
              <Space wrap>
                {(Object.entries(r.counts) as [Outcome, number][]).map(([o, n]) => (
                  <Tag
                    key={o}
                    color={OUTCOME[o].color}
                    style={{ cursor: "pointer" }}
                    onClick={() => f.set({ rule: r.rule, outcome: o })}
                  >
                    {pick(OUTCOME[o])} {n}
                  </Tag>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <Flex gap={12} wrap className="table-toolbar">
        <SearchInput value={v.q} onSearch={(q) => f.set({ q })} placeholder={m.searchPath} />
        <FilterSelect
          placeholder={m.allRules}
          value={v.rule}
          onChange={(rule) => f.set({ rule })}
          width={200}
          options={(rules?.ruleIds ?? []).map((r) => ({ value: r, label: name(r) }))}
        />
        <FilterSelect
          placeholder={m.allOutcomes}
          value={v.outcome}
          onChange={(outcome) => f.set({ outcome })}
          options={(Object.keys(OUTCOME) as Outcome[]).map((o) => ({ value: o, label: pick(OUTCOME[o]) }))}
        />
      </Flex>
      <PagedTable<DeliveredFile>
        list={list}
        paging={{ page: f.page, pageSize: f.pageSize, set: f.set }}
        filtered={FILTERS.some((k) => v[k])}
        empty={m.noFiles}
        scroll={{ x: 1200 }}
        columns={[
          {
            title: m.path,
            width: 300,
            ellipsis: true,
            render: (_, x) => <Tooltip title={`SM3 ${x.sm3}\nSHA-256 ${x.sha256}`}>{x.path}</Tooltip>,
          },
          { title: m.outcome, width: 100, render: (_, x) => <OutcomeTag outcome={x.outcome} /> },
          {
            title: m.referenceCode,
            width: 220,
            render: (_, x) => (x.referenceCode ? `${x.referenceCode} · ${x.seq ?? "—"}` : "—"),
          },
          { title: m.format, width: 80, render: (_, x) => x.format ?? x.kind },
          { title: m.dpi, width: 80, render: (_, x) => (x.dpi ? Math.round(x.dpi) : "—") },
          { title: m.colour, width: 90, render: (_, x) => x.colourMode ?? "—" },
          { title: m.skew, width: 70, render: (_, x) => (x.skewDeg === null ? "—" : `${x.skewDeg}°`) },
          { title: m.size, width: 90, render: (_, x) => formatSize(x.sizeBytes) },
          {
            title: m.results,
            render: (_, x) => (
              <Space wrap size={4}>
                {x.results
                  .filter((r) => r.outcome !== "pass")
                  .map((r) => (
                    <Tooltip key={r.ruleId} title={pick(r.message)}>
                      <Tag color={OUTCOME[r.outcome].color}>{name(r.ruleId)}</Tag>
                    </Tooltip>
                  ))}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}
