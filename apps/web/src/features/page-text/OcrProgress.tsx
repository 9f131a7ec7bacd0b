// The full-text OCR of one QC delivery (Z-7.4): the job's status and progress,
// polled while it runs, and (for the agency) a button to start or restart it.
// Shown on the delivery page once the delivery is checked.
import { Alert, App, Button, Flex, Progress, Tag, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { asApiError } from "../../api/client.ts";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { OCR_STATUS, pageTextApi } from "./api.ts";

export function OcrProgress({ deliveryId }: { deliveryId: string }) {
  const { t, pick } = useI18n();
  const m = t.pageText;
  const { message } = App.useApp();
  const q = useQuery((s) => pageTextApi.status(deliveryId, s), [deliveryId]);
  const [busy, setBusy] = useState(false);
  const job = q.data?.job;
  const live = job?.status === "queued" || job?.status === "running";
  useEffect(() => {
    if (!live) return;
    const h = setInterval(q.reload, 1500);
    return () => clearInterval(h);
  }, [live, q.reload]);
  if (!q.data) return null;
  const d = q.data;
  const start = async () => {
    setBusy(true);
    try {
      await pageTextApi.start(deliveryId);
      q.reload();
    } catch (e) {
      message.error(pick(asApiError(e).messages));
    } finally {
      setBusy(false);
    }
  };
  const pct = job?.totalPages ? Math.round((100 * job.processedPages) / job.totalPages) : 0;
  return (
    <Flex vertical gap={4} style={{ marginTop: 8 }} data-testid="ocr-progress">
      <Flex gap={8} align="center" wrap>
        <Typography.Text strong>{m.ocr}</Typography.Text>
        {job ? (
          <Tag color={OCR_STATUS[job.status].color}>{pick(OCR_STATUS[job.status])}</Tag>
        ) : (
          <Tag>{m.notStarted}</Tag>
        )}
        <Typography.Text type="secondary">{m.coverage(d.pagesWithText, d.imagePages)}</Typography.Text>
        {live && job && (
          <Progress
            percent={pct}
            size="small"
            style={{ width: 200 }}
            format={() => m.pages(job.processedPages, job.totalPages)}
          />
        )}
        {d.permissions.start && !live && (
          <Button size="small" loading={busy} onClick={start} data-testid="ocr-start">
            {job ? m.restart : m.start}
          </Button>
        )}
        {d.pagesWithText > 0 && <Link to={`/full-text?deliveryId=${deliveryId}`}>{m.searchThese}</Link>}
      </Flex>
      {job?.status === "failed" && job.error && (
        <Alert type="error" showIcon title={pick(job.error.message)} />
      )}
      {job?.status === "done" && job.failedPages > 0 && (
        <Alert type="warning" showIcon title={m.failedPages(job.failedPages)} />
      )}
    </Flex>
  );
}
