// G-7: one yearly plan — its seed, whether the seed reproduces the sample, and
// the sampled projects by stratum, each with its spot inspection.
import { Alert, Button, Card, Descriptions, Table, Tag } from "antd";
import { Link, useNavigate, useParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { oversightApi, type PlanDetail } from "./api.ts";

export function PlanPage() {
  const { id = "" } = useParams();
  const { t } = useI18n();
  const { labels } = useMeta();
  const o = t.oversight;
  const notify = useNotify();
  const navigate = useNavigate();
  const plan = useQuery(() => oversightApi.plan(id), [id]);
  const p = plan.data;
  return (
    <>
      <PageHeader title={p ? `${p.year} ${o.plans}` : o.plans} subtitle={p?.regulatorName} />
      <ErrorAlert error={plan.error} />
      {p && (
        <>
          <Card size="small" style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={{ xs: 1, md: 3 }}>
              <Descriptions.Item label={o.seed}>
                <span className="mono" data-testid="plan-seed-value">
                  {p.seed}
                </span>
              </Descriptions.Item>
              <Descriptions.Item label={o.rate}>{Math.round(p.rate * 100)}%</Descriptions.Item>
              <Descriptions.Item label={o.nationalMode}>
                {p.nationalMode === "always" ? o.nationalAlways : o.nationalWeighted}
              </Descriptions.Item>
              <Descriptions.Item label={o.population}>{p.populationCount}</Descriptions.Item>
              <Descriptions.Item label={o.sampled}>{p.samples.length}</Descriptions.Item>
            </Descriptions>
            <Alert
              type={p.reproducible ? "success" : "error"}
              showIcon
              title={p.reproducible ? o.reproducible : o.notReproducible}
            />
          </Card>
          <Table<PlanDetail["samples"][number]>
            rowKey="projectId"
            size="middle"
            pagination={false}
            dataSource={p.samples}
            columns={[
              {
                title: o.stratum,
                dataIndex: "stratum",
                // "serviceType/district" as the regulator reads it.
                render: (s: string) => {
                  const [service = "", district = ""] = s.split("/");
                  return `${labels.serviceType(service)} · ${labels.district(district)}`;
                },
              },
              { title: o.project, render: (_, x) => `${x.projectCode} ${x.projectName}` },
              { title: o.addresseeAgency, dataIndex: "agencyName" },
              {
                title: o.reason,
                render: (_, x) =>
                  x.reason === "national" ? (
                    <Tag color="red">{o.reasonNational}</Tag>
                  ) : (
                    <Tag>{o.reasonDrawn}</Tag>
                  ),
              },
              {
                title: t.common.actions,
                render: (_, x) =>
                  x.inspectionId ? (
                    <Link to={`/oversight/inspections/${x.inspectionId}`}>{o.openInspection}</Link>
                  ) : p.permissions.inspect ? (
                    <Button
                      size="small"
                      type="primary"
                      data-testid={`start-spot-${x.projectCode}`}
                      onClick={async () => {
                        try {
                          const r = await oversightApi.inspectSample(p.id, x.projectId);
                          navigate(`/oversight/inspections/${r.id}`);
                        } catch (e) {
                          notify.error(e);
                        }
                      }}
                    >
                      {o.startSpot}
                    </Button>
                  ) : null,
              },
            ]}
          />
        </>
      )}
    </>
  );
}
