// One handover catalogue: its status and digest, both parties' confirmations
// (D-8.2), the PDF copies, and its entries (D-8.3).
import { FilePdfOutlined, RollbackOutlined } from "@ant-design/icons";
import { Alert, Breadcrumb, Button, Card, Descriptions, Popconfirm, Result, Tag, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { cataloguesApi } from "./api.ts";
import { CatalogueItemsTable } from "./CatalogueItemsTable.tsx";
import { ConfirmationPanel } from "./ConfirmationPanel.tsx";
import { CATALOGUE_STATUS, LEVELS } from "./labels.ts";

export function CataloguePage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const m = t.catalogues;
  const notify = useNotify();
  const q = useQuery(() => cataloguesApi.get(id), [id]);
  if (q.error && !q.data)
    return q.error.status === 404 ? (
      <Result
        status="404"
        title={t.common.notFoundTitle}
        extra={<Link to="/projects">{t.common.back}</Link>}
      />
    ) : (
      <ErrorAlert error={q.error} />
    );
  const c = q.data;
  if (!c) return <FullPageSpin />;

  const withdraw = async () => {
    try {
      await cataloguesApi.withdraw(c.id);
      notify.success(m.withdrawn);
      q.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[
          { title: <Link to="/projects">{t.projects.title}</Link> },
          { title: <Link to={`/projects/${c.projectId}/catalogues`}>{c.projectCode}</Link> },
          { title: m.title },
        ]}
      />
      <PageHeader
        title={c.title}
        tags={<Tag color={CATALOGUE_STATUS[c.status].color}>{pick(CATALOGUE_STATUS[c.status])}</Tag>}
        subtitle={`${c.projectName} · ${c.clientName} → ${c.agencyName}`}
        extra={
          c.permissions.readItems && (
            <>
              <Button icon={<FilePdfOutlined />} href={cataloguesApi.pdfUrl(c.id, "client")}>
                {m.pdfClient}
              </Button>
              <Button icon={<FilePdfOutlined />} href={cataloguesApi.pdfUrl(c.id, "agency")}>
                {m.pdfAgency}
              </Button>
              {c.permissions.withdraw && (
                <Popconfirm title={m.withdrawConfirm} onConfirm={withdraw}>
                  <Button danger icon={<RollbackOutlined />}>
                    {m.withdraw}
                  </Button>
                </Popconfirm>
              )}
            </>
          )
        }
      />
      {c.status === "confirmed" && (
        <Alert type="success" showIcon title={m.bothConfirmed} style={{ marginBottom: 16 }} />
      )}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions size="small" column={{ xs: 1, md: 3 }}>
          <Descriptions.Item label={m.level}>{pick(LEVELS[c.level])}</Descriptions.Item>
          <Descriptions.Item label={m.rows}>
            {m.totals(c.rowCount, c.quantityTotal, c.pagesTotal)}
          </Descriptions.Item>
          <Descriptions.Item label={m.createdAt}>{formatDateTime(c.createdAt)}</Descriptions.Item>
          <Descriptions.Item label={m.source}>{c.sourceName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={m.digest} span={2}>
            <Typography.Text
              className="mono"
              copyable
              title={m.digestHelp}
              style={{ wordBreak: "break-all" }}
            >
              {c.digest}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      </Card>
      {c.status !== "superseded" && <ConfirmationPanel c={c} onChanged={q.reload} />}
      {c.permissions.readItems ? (
        <CatalogueItemsTable c={c} />
      ) : (
        <Alert type="info" showIcon title={m.itemsHidden} />
      )}
    </>
  );
}
