// A running import, polled until it ends: checking (bytes of the file read),
// writing (rows written), then the catalogue — or every problem found.
import { Alert, Button, Card, Progress, Result, Space, Steps, Typography } from "antd";
import { useEffect, useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { LinkButton } from "../../components/LinkButton.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { cataloguesApi, type ImportJob } from "./api.ts";
import { ProblemsTable } from "./ProblemsTable.tsx";

const FINAL = new Set(["succeeded", "refused", "failed"]);
const POLL_MS = 1000;

function percent(job: ImportJob): number {
  if (job.status === "writing") return job.rowsRead ? Math.floor((100 * job.rowsWritten) / job.rowsRead) : 0;
  if (job.status === "validating")
    return job.sizeBytes ? Math.min(99, Math.floor((100 * job.bytesRead) / job.sizeBytes)) : 0;
  return FINAL.has(job.status) ? 100 : 0;
}

export function ImportProgress({ jobId, onAgain }: { jobId: string; onAgain: () => void }) {
  const { t, pick } = useI18n();
  const c = t.catalogues;
  const [job, setJob] = useState<ImportJob>();
  const [error, setError] = useState<ApiError>();

  useEffect(() => {
    let stop = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const j = await cataloguesApi.job(jobId);
        if (stop) return;
        setJob(j);
        if (!FINAL.has(j.status)) timer = setTimeout(poll, POLL_MS);
      } catch (e) {
        if (!stop) setError(asApiError(e));
      }
    };
    void poll();
    return () => {
      stop = true;
      clearTimeout(timer);
    };
  }, [jobId]);

  if (error) return <ErrorAlert error={error} />;
  if (!job) return <Card loading />;
  const step = { queued: 0, validating: 0, writing: 1, succeeded: 2, refused: 0, failed: 1 }[job.status];
  const status = job.status === "refused" || job.status === "failed" ? "error" : undefined;

  return (
    <Card data-testid="import-progress" data-status={job.status}>
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Typography.Text strong>
          {job.sourceName}
          {job.detectedEncoding && (
            <Typography.Text type="secondary" style={{ marginLeft: 12, fontWeight: 400 }}>
              {c.encodingDetected(job.detectedEncoding.toUpperCase())}
            </Typography.Text>
          )}
        </Typography.Text>
        <Steps
          size="small"
          current={step}
          {...(status ? { status } : {})}
          items={[
            { title: c.stepCheck, description: c.rowsRead(job.rowsRead) },
            {
              title: c.stepWrite,
              ...(step >= 1 ? { description: c.rowsWritten(job.rowsWritten, job.rowsRead) } : {}),
            },
            { title: c.done },
          ]}
        />
        {!FINAL.has(job.status) && (
          <Progress percent={percent(job)} status="active" data-testid="import-bar" />
        )}
        {job.status === "queued" && <Typography.Text type="secondary">{c.queued}</Typography.Text>}
        {job.status === "succeeded" && (
          <Result
            status="success"
            title={c.succeeded(job.rowsWritten)}
            extra={[
              <LinkButton key="open" type="primary" to={`/catalogues/${job.catalogueId}`}>
                {c.viewCatalogue}
              </LinkButton>,
              <Button key="again" onClick={onAgain}>
                {c.importAnother}
              </Button>,
            ]}
          />
        )}
        {job.warnings && job.warnings.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={`${c.warnings} ${job.warnings.map((w) => w.header).join("、")}`}
          />
        )}
        {(job.status === "refused" || job.status === "failed") && (
          <>
            <Alert
              type="error"
              showIcon
              title={
                <Space wrap>
                  {job.classifiedCount > 0 && <ClauseTag id="D-4.5" />}
                  {job.status === "refused" ? c.refusedTitle(job.problemCount) : pick(job.error?.message)}
                </Space>
              }
              {...(job.classifiedCount > 0 ? { description: c.classifiedNote } : {})}
            />
            {job.status === "refused" && <ProblemsTable job={job} />}
            <Button onClick={onAgain}>{c.importAnother}</Button>
          </>
        )}
      </Space>
    </Card>
  );
}
