// Z-5.2: candidate agencies side by side — qualifications, staff, findings,
// incidents, results and prices — so a client chooses on evidence.
import { Select, Table, Tag } from "antd";
import { useState } from "react";
import { organisationsApi } from "../../api/endpoints.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { ForeignBackedTag, RegistrationTag } from "../../components/Tags.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { type Candidate, marketApi } from "./api.ts";

type Row = { key: string; label: string; value: (c: Candidate) => React.ReactNode };

export function CompareTab() {
  const { t } = useI18n();
  const r = t.registry;
  const { labels } = useMeta();
  const [ids, setIds] = useState<string[]>([]);
  const agencies = useQuery(() => organisationsApi.list({ kind: "agency", pageSize: 200 }), []);
  const q = useQuery(
    () => (ids.length ? marketApi.compare(ids) : Promise.resolve({ items: [] })),
    [ids.join()],
  );
  const items = q.data?.items ?? [];
  const rows: Row[] = [
    {
      key: "status",
      label: r.status,
      value: (c) => (
        <>
          <RegistrationTag status={c.registrationStatus} />
          {c.foreignBacked && <ForeignBackedTag />}
        </>
      ),
    },
    { key: "district", label: r.district, value: (c) => labels.district(c.district) },
    { key: "services", label: r.services, value: (c) => c.serviceTypes.map(labels.serviceType).join("、") },
    { key: "licence", label: r.licence, value: (c) => c.licenceNumber ?? "—" },
    {
      key: "staff",
      label: `${r.staff} / ${r.titled}`,
      value: (c) => `${c.staffCount} / ${c.titledStaffCount}`,
    },
    {
      key: "equipment",
      label: r.equipment,
      value: (c) => `${c.equipmentCount} / ${c.deviceCount}`,
    },
    { key: "findings", label: r.findings, value: (c) => c.findingCount },
    {
      key: "incidents",
      label: r.incidentsTotal,
      value: (c) => (
        <>
          {c.incidentCount}
          {c.criticalIncidentCount > 0 && (
            <Tag color="red" style={{ marginLeft: 8 }}>
              {c.criticalIncidentCount}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: "acceptance",
      label: r.acceptance,
      value: (c) => (
        <>
          {`${r.completed} ${c.completedProjects} / ${c.projectCount}`}
          <div>
            <Tag color="green">{`${t.acceptance.passed} ${c.acceptancesPassed}`}</Tag>
            <Tag
              color={c.acceptancesFailed ? "red" : "default"}
            >{`${t.acceptance.failed} ${c.acceptancesFailed}`}</Tag>
          </div>
        </>
      ),
    },
    {
      key: "prices",
      label: r.median,
      value: (c) =>
        c.prices.map((p) => (
          <div key={p.unit}>
            {labels.serviceType(p.serviceType)}：{p.median.toFixed(2)} {r.units(p.unit)}（{r.contracts}{" "}
            {p.contracts}）
          </div>
        )),
    },
  ];
  return (
    <>
      <Select
        mode="multiple"
        style={{ width: "100%", marginBottom: 16 }}
        placeholder={r.chooseAgencies}
        aria-label={r.chooseAgencies}
        maxCount={6}
        value={ids}
        onChange={setIds}
        optionFilterProp="label"
        options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
      />
      <ErrorAlert error={q.error} />
      <Table<Row>
        rowKey="key"
        size="middle"
        pagination={false}
        dataSource={items.length ? rows : []}
        scroll={{ x: 200 + items.length * 240 }}
        columns={[
          { title: "", dataIndex: "label", width: 160, fixed: "left" },
          ...items.map((c) => ({
            title: c.name,
            key: c.id,
            width: 240,
            render: (_: unknown, row: Row) => row.value(c),
          })),
        ]}
      />
    </>
  );
}
