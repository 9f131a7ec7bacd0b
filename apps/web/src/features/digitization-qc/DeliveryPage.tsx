// One delivery (Z-7.4): progress while its check runs, then the per-file
// results by rule and outcome, volume results, the four-property report, the
// client's sample review and the corrections; PDF and xlsx downloads.
import { FileExcelOutlined, FilePdfOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Descriptions, Flex, Table, Tabs } from "antd";
import { useEffect } from "react";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime, formatSize } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { OcrProgress } from "../page-text/OcrProgress.tsx";
import { DeliveryScreening } from "../screening/DeliveryScreening.tsx";
import { type PackageItem, PROPERTY, qcApi, type ResultRow, type Rules } from "./api.ts";
import { CorrectionsTab } from "./CorrectionsTab.tsx";
import { FilesTab } from "./FilesTab.tsx";
import { ReviewTab } from "./ReviewTab.tsx";
import { DeliveryProgress, OutcomeTag, running } from "./tags.tsx";

export function DeliveryPage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const m = t.digitizationQc;
  const [params, setParams] = useSearchParams();
  const tab = params.get("tab") ?? "files";
  const q = useQuery((s) => qcApi.delivery(id, s), [id]);
  const rules = useQuery((s) => qcApi.rules(s), []);
  const d = q.data;
  const busy = running(d);
  useEffect(() => {
    if (!busy) return;
    const h = setInterval(q.reload, 1500);
    return () => clearInterval(h);
  }, [busy, q.reload]);
  const ruleName = (r: string) => (rules.data ? pick(rules.data.rules[r]?.label) || r : r);
  const setTab = (k: string) => {
    const next = new URLSearchParams(params);
    next.set("tab", k);
    setParams(next, { replace: true });
  };
  return (
    <>
      <PageHeader
        title={d ? m.deliveryTitle(d.batchCode, d.seq) : m.title}
        subtitle={d ? `${d.project.code} ${d.project.name}` : undefined}
        extra={
          <Flex gap={8}>
            <Link to={`/digitization/qc?project=${d?.projectId ?? ""}`}>{m.back}</Link>
            {d?.status === "checked" && (
              <>
                <Button
                  icon={<FilePdfOutlined />}
                  href={qcApi.reportPdfUrl(id)}
                  target="_blank"
                  data-testid="qc-pdf"
                >
                  {m.reportPdf}
                </Button>
                <Button
                  icon={<FileExcelOutlined />}
                  href={qcApi.resultsXlsxUrl(id)}
                  download
                  data-testid="qc-xlsx"
                >
                  {m.resultsXlsx}
                </Button>
              </>
            )}
          </Flex>
        }
      />
      <ErrorAlert error={q.error} />
      {d && (
        <Card style={{ marginBottom: 16 }}>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={m.status}>
              <DeliveryProgress d={d} />
            </Descriptions.Item>
            <Descriptions.Item label={m.outcome}>
              <OutcomeTag outcome={d.outcome} />
            </Descriptions.Item>
            <Descriptions.Item label={m.source}>{d.sourceName}</Descriptions.Item>
            <Descriptions.Item label={m.files}>
              {d.totalFiles}（{m.failedFiles} {d.failedFiles}）
            </Descriptions.Item>
            <Descriptions.Item label={m.size}>{formatSize(d.totalBytes)}</Descriptions.Item>
            <Descriptions.Item label={m.finished}>{formatDateTime(d.finishedAt)}</Descriptions.Item>
          </Descriptions>
          {busy && (
            <Alert
              type="info"
              showIcon
              title={
                d.screening?.total
                  ? t.screening.screeningRunning(d.screening.pages, d.screening.total)
                  : m.running(d.processedFiles, d.totalFiles)
              }
            />
          )}
          {d.error && <Alert type="error" showIcon title={pick(d.error.message)} />}
          {d.status === "checked" && (
            <Alert
              style={{ marginTop: 8 }}
              type={d.virusScanner ? "success" : "warning"}
              showIcon
              title={d.virusScanner ? m.virusBy(d.virusScanner) : m.virusNone}
              description={m.jp2Note}
            />
          )}
          {d.status === "checked" && <DeliveryScreening s={d.screening} />}
          {d.status === "checked" && <OcrProgress deliveryId={id} />}
        </Card>
      )}
      {d?.status === "checked" && (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={setTab}
            destroyOnHidden
            items={[
              {
                key: "files",
                label: m.tabFiles,
                children: <FilesTab deliveryId={id} rules={rules.data} byRule={d.summary?.byRule ?? {}} />,
              },
              {
                key: "volumes",
                label: m.tabVolumes,
                children: <VolumeResults rows={d.volumeResults} ruleName={ruleName} />,
              },
              { key: "four", label: m.tabFour, children: <FourProperty items={d.fourProperty ?? []} /> },
              {
                key: "sample",
                label: m.tabSample,
                children: (
                  <ReviewTab delivery={d} rules={rules.data as Rules | undefined} onChange={q.reload} />
                ),
              },
              {
                key: "corrections",
                label: m.tabCorrections,
                children: <CorrectionsTab delivery={d} onChange={q.reload} />,
              },
            ]}
          />
        </Card>
      )}
    </>
  );
}

function VolumeResults({ rows, ruleName }: { rows: ResultRow[]; ruleName: (r: string) => string }) {
  const { t, pick } = useI18n();
  const m = t.digitizationQc;
  return (
    <Table<ResultRow>
      rowKey={(r) => r.id ?? `${r.referenceCode}-${r.ruleId}`}
      size="small"
      pagination={{ pageSize: 50, hideOnSinglePage: true }}
      dataSource={rows}
      columns={[
        { title: m.volume, width: 240, render: (_, r) => r.referenceCode ?? "—" },
        { title: m.rule, width: 180, render: (_, r) => ruleName(r.ruleId) },
        { title: m.outcome, width: 110, render: (_, r) => <OutcomeTag outcome={r.outcome} /> },
        { title: m.message, render: (_, r) => pick(r.message) },
      ]}
    />
  );
}

function FourProperty({ items }: { items: PackageItem[] }) {
  const { t, pick } = useI18n();
  const m = t.digitizationQc;
  return (
    <Table<PackageItem>
      rowKey="code"
      size="small"
      pagination={false}
      dataSource={items}
      columns={[
        { title: m.property, width: 100, render: (_, i) => pick(PROPERTY[i.property]) },
        { title: m.code, width: 90, dataIndex: "code" },
        { title: m.item, width: 260, render: (_, i) => pick(i.label) },
        { title: m.outcome, width: 110, render: (_, i) => <OutcomeTag outcome={i.outcome} /> },
        {
          title: m.message,
          render: (_, i) => (
            <>
              {pick(i.message)}
              {i.subjects?.length ? (
                <div style={{ color: "#888", fontSize: 12 }}>{i.subjects.slice(0, 10).join("、")}</div>
              ) : null}
            </>
          ),
        },
      ]}
    />
  );
}
