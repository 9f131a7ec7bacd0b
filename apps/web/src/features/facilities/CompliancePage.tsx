// The agency-wide compliance summary: the staff finding (D-6.1) and every
// vault with the items it does not meet. Regulators and clients choose the
// agency; an agency sees its own.
import { CheckCircleFilled, CloseCircleFilled } from "@ant-design/icons";
import { Alert, Breadcrumb, Card, Descriptions, Flex, Space, Table, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useUrlFilters } from "../../hooks/useUrlFilters.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMe } from "../../session/SessionContext.tsx";
import { type AgencyCompliance, facilitiesApi } from "./api.ts";
import { CustodyAgencySelect } from "./common.tsx";

type Row = AgencyCompliance["vaults"][number];

export function CompliancePage() {
  const { t, pick } = useI18n();
  const me = useMe();
  const f = t.facilities;
  const u = useUrlFilters(["agencyOrgId"] as const);
  const agencyId = me.org.kind === "agency" ? me.orgId : u.values.agencyOrgId;
  const c = useQuery(
    () => (agencyId ? facilitiesApi.agencyCompliance(agencyId) : Promise.resolve(undefined)),
    [agencyId],
  );
  const d = c.data;
  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/facilities">{f.title}</Link> }, { title: f.complianceTitle }]}
      />
      <PageHeader title={f.complianceTitle} subtitle={f.complianceSubtitle} />
      {me.org.kind !== "agency" && (
        <Flex className="table-toolbar">
          <CustodyAgencySelect
            value={u.values.agencyOrgId}
            onChange={(agencyOrgId) => u.set({ agencyOrgId })}
            width={360}
          />
        </Flex>
      )}
      <ErrorAlert error={c.error} />
      {!agencyId && <EmptyState text={f.chooseAgency} />}
      {d && (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Card
            size="small"
            title={d.agency.name}
            extra={
              <Typography.Text type="secondary">
                {f.evaluatedAt}: {formatDateTime(d.evaluatedAt)}
              </Typography.Text>
            }
          >
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={f.staffFinding}>
                <Space size={6}>
                  {d.staff.ok ? (
                    <CheckCircleFilled style={{ color: "#389e0d" }} />
                  ) : (
                    <CloseCircleFilled style={{ color: "#cf1322" }} />
                  )}
                  {pick(d.staff.label)}: {String(d.staff.measured)}（{f.required} {d.staff.required}）
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label={f.tabVaults}>{d.vaults.length}</Descriptions.Item>
            </Descriptions>
            {d.settings.minRetentionDays.status === "PROJECT_DEFAULT" && (
              <Alert
                type="warning"
                showIcon
                title={f.retentionNote(d.settings.minRetentionDays.value, true)}
              />
            )}
          </Card>
          <Card size="small">
            <Table<Row>
              rowKey="id"
              size="middle"
              dataSource={d.vaults}
              pagination={false}
              locale={{ emptyText: <EmptyState text={f.noVaults} /> }}
              columns={[
                {
                  title: f.vault,
                  dataIndex: "code",
                  width: 200,
                  render: (code: string, r) => (
                    <Link to={`/facilities/vaults/${r.id}/compliance`}>
                      <span className="mono">{code}</span> {r.name}
                    </Link>
                  ),
                },
                { title: f.site, dataIndex: "siteName", width: 160 },
                {
                  title: f.result,
                  width: 140,
                  render: (_: unknown, r) =>
                    r.failed === 0 ? (
                      <Tag color="success">{f.allPassed}</Tag>
                    ) : (
                      <Tag color="error">{f.summary(r.total, r.failed)}</Tag>
                    ),
                },
                {
                  title: f.failedItems,
                  render: (_: unknown, r) => (
                    <Space size={[4, 4]} wrap>
                      {r.failedItems.map((i) => (
                        <Space key={`${i.clause}-${i.item}`} size={2}>
                          <ClauseTag id={i.clause} />
                          <span style={{ fontSize: 12 }}>{pick(i.label)}</span>
                        </Space>
                      ))}
                    </Space>
                  ),
                },
              ]}
            />
          </Card>
        </Space>
      )}
    </>
  );
}
