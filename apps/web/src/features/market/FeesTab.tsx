// G-5: normalised contract fees, the normal band of each service type, medians
// by district, and prices flagged as possibly inflated or dumping.
import { Card, Col, Flex, InputNumber, Row, Table, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ExportButton } from "../../components/ExportButton.tsx";
import { FilterSelect } from "../../components/FilterSelect.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { BarList } from "../statistics/BarList.tsx";
import { type FeeRow, marketApi } from "./api.ts";

const FILTERS = ["serviceType", "district", "k"] as const;
const money = (n: number) => n.toLocaleString("zh-CN", { maximumFractionDigits: 2 });

export function FeesTab() {
  const { t } = useI18n();
  const r = t.registry;
  const { labels, options } = useMeta();
  const f = useUrlFilters(FILTERS);
  const q = useQuery(() => marketApi.fees(f.values), [JSON.stringify(f.values)]);
  const d = q.data;

  return (
    <>
      <Flex gap={12} wrap className="table-toolbar" align="center">
        <FilterSelect
          value={f.values.serviceType}
          onChange={(serviceType) => f.set({ serviceType })}
          placeholder={r.allServices}
          options={options.serviceTypes}
        />
        <FilterSelect
          value={f.values.district}
          onChange={(district) => f.set({ district })}
          placeholder={r.allDistricts}
          options={options.districts}
          searchable
        />
        <span>{r.ruleK}</span>
        <InputNumber
          aria-label={r.ruleK}
          min={0.5}
          max={20}
          step={0.5}
          value={Number(f.values.k ?? d?.rule.k ?? 3)}
          onChange={(k) => f.set({ k: k == null ? undefined : String(k) })}
        />
        <ExportButton href={marketApi.exportUrl(f.values)} />
      </Flex>
      <ErrorAlert error={q.error} />
      <Row gutter={[16, 16]}>
        {d?.bands.map((b) => (
          <Col xs={24} lg={12} key={`${b.serviceType}/${b.unit}`}>
            <Card size="small" title={`${labels.serviceType(b.serviceType)} · ${r.units(b.unit)}`}>
              <Typography.Paragraph>
                {r.median} <b>{money(b.median)}</b> · {r.band} {money(Math.max(0, b.low))} — {money(b.high)}
                （n={b.n}）
              </Typography.Paragraph>
              <BarList
                color="#1677ff"
                rows={d.items
                  .filter((x) => x.serviceType === b.serviceType && x.unit === b.unit)
                  .map((x) => ({
                    key: x.contractId,
                    label: `${x.agencyName.replace(/（演示）$/, "")}${x.flag ? ` ⚠ ${r.flags(x.flag)}` : ""}`,
                    value: x.unitPrice,
                  }))}
              />
            </Card>
          </Col>
        ))}
        <Col xs={24}>
          <Card size="small" title={r.byDistrict}>
            <BarList
              rows={(d?.districts ?? []).map((x) => ({
                key: `${x.serviceType}/${x.unit}/${x.district}`,
                label: `${labels.district(x.district)} · ${labels.serviceType(x.serviceType)}（${r.units(x.unit)}）`,
                value: x.median,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Table<FeeRow>
            rowKey="contractId"
            size="middle"
            loading={q.loading}
            dataSource={d?.items ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <EmptyState text={r.feesEmpty} /> }}
            scroll={{ x: 1100 }}
            columns={[
              {
                title: r.project,
                dataIndex: "projectName",
                render: (x: string, row) => (
                  <Link to={`/projects/${row.projectId}`}>
                    {row.projectCode} {x}
                  </Link>
                ),
              },
              { title: r.agency, dataIndex: "agencyName" },
              {
                title: r.district,
                dataIndex: "agencyDistrict",
                width: 90,
                render: (x: string) => labels.district(x),
              },
              {
                title: r.price,
                key: "price",
                width: 150,
                render: (_, row) => `${money(row.price)} ${row.pricingUnit}`,
              },
              {
                title: r.unitPrice,
                key: "unit",
                width: 150,
                align: "right",
                render: (_, row) => `${money(row.unitPrice)} ${r.units(row.unit)}`,
              },
              {
                title: r.flag,
                dataIndex: "flag",
                width: 130,
                render: (x: FeeRow["flag"]) =>
                  x ? <Tag color={x === "inflated" ? "volcano" : "purple"}>{r.flags(x)}</Tag> : "—",
              },
            ]}
          />
        </Col>
      </Row>
    </>
  );
}
