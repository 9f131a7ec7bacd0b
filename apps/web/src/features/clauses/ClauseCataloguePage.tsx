// The clause catalogue: search, module and kind filters; clauses grouped by
// module, each with id, kind, English gloss, Chinese text and system duty.

import type { ClauseKind } from "@dangan/domain";
import { Card, Collapse, Flex, Select, Space, Tag, Typography } from "antd";
import { clausesApi } from "../../api/endpoints.ts";
import type { Clause, ClauseModule } from "../../api/types.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { SearchInput } from "../../components/SearchInput.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { CLAUSE_KIND, CLAUSE_MODULE } from "../../i18n/labels.ts";
import { ClauseCard } from "./ClauseCard.tsx";

const FILTERS = ["q", "module", "kind"] as const;
const MODULE_ORDER = Object.keys(CLAUSE_MODULE) as ClauseModule[];

export function ClauseCataloguePage() {
  const { t, pick } = useI18n();
  const c = t.clauses;
  const f = useUrlFilters(FILTERS);
  const { q, module, kind } = f.values;
  const list = useQuery((signal) => clausesApi.list({ q, module, kind }, signal), [q, module, kind]);
  const items = list.data?.items ?? [];

  const groups = MODULE_ORDER.map((m) => ({
    module: m,
    clauses: items.filter((x) => x.module === m),
  })).filter((g) => g.clauses.length > 0);
  const other = items.filter((x) => !MODULE_ORDER.includes(x.module as ClauseModule));
  if (other.length) groups.push({ module: "all", clauses: other });

  return (
    <>
      <PageHeader title={c.title} subtitle={c.subtitle} />
      <Card style={{ marginBottom: 16 }}>
        <Flex gap={12} wrap align="center">
          <SearchInput
            value={q}
            onSearch={(v) => f.set({ q: v })}
            placeholder={c.searchPlaceholder}
            width={340}
          />
          <Select
            allowClear
            placeholder={c.allModules}
            aria-label={c.allModules}
            style={{ width: 200 }}
            value={module}
            onChange={(v) => f.set({ module: v })}
            options={MODULE_ORDER.map((m) => ({ value: m, label: pick(CLAUSE_MODULE[m]) }))}
          />
          <Select
            allowClear
            placeholder={c.allKinds}
            aria-label={c.allKinds}
            style={{ width: 140 }}
            value={kind}
            onChange={(v) => f.set({ kind: v })}
            options={(Object.keys(CLAUSE_KIND) as ClauseKind[]).map((k) => ({
              value: k,
              label: pick(CLAUSE_KIND[k]),
            }))}
          />
          <Typography.Text type="secondary">{c.count(items.length)}</Typography.Text>
        </Flex>
      </Card>
      <ErrorAlert error={list.error} />
      {!list.loading && items.length === 0 && (
        <Card>
          <EmptyState text={c.empty} />
        </Card>
      )}
      {groups.length > 0 && (
        <Collapse
          key={`${q ?? ""}|${module ?? ""}|${kind ?? ""}`}
          defaultActiveKey={groups.length <= 2 || q ? groups.map((g) => g.module) : [groups[0]!.module]}
          items={groups.map((g) => ({
            key: g.module,
            label: (
              <Space>
                <Typography.Text strong>{pick(CLAUSE_MODULE[g.module])}</Typography.Text>
                <Tag>{c.count(g.clauses.length)}</Tag>
              </Space>
            ),
            children: (
              <Flex vertical gap={12}>
                {g.clauses.map((clause: Clause) => (
                  <ClauseCard key={clause.id} clause={clause} compact />
                ))}
              </Flex>
            ),
          }))}
        />
      )}
    </>
  );
}
