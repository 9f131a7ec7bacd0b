// "Verify chain" (POST /api/audit/verify): ok, or the first broken event,
// with the number of events checked and the head hash.
import { SafetyCertificateOutlined } from "@ant-design/icons";
import { Alert, Button, Space, Typography } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../api/client.ts";
import { auditApi } from "../../api/endpoints.ts";
import type { VerifyResult } from "../../api/types.ts";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { CHAIN_BREAK } from "../../i18n/labels.ts";

export function VerifyChainButton({ onResult }: { onResult: (r: VerifyResult | ApiError) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    try {
      onResult(await auditApi.verify());
    } catch (e) {
      onResult(asApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      data-testid="verify-chain"
      icon={<SafetyCertificateOutlined />}
      loading={busy}
      onClick={() => void run()}
      title={t.audit.verifyHelp}
    >
      {t.audit.verify}
    </Button>
  );
}

export function VerifyResultView({ result }: { result: VerifyResult | ApiError }) {
  const { t, pick } = useI18n();
  const a = t.audit;
  if (!("ok" in result)) return <ErrorAlert error={result} />;
  const brk = result.firstBreak;
  return (
    <Alert
      type={result.ok ? "success" : "error"}
      showIcon
      data-testid="verify-result"
      data-ok={String(result.ok)}
      style={{ marginBottom: 16 }}
      title={result.ok ? a.verifyOk : a.verifyBroken}
      description={
        <Space orientation="vertical" size={4}>
          {brk && (
            <Typography.Text strong>
              {a.verifyBreakAt(brk.seq)} — {CHAIN_BREAK[brk.kind] ? pick(CHAIN_BREAK[brk.kind]) : brk.kind}
            </Typography.Text>
          )}
          <span data-testid="verify-count">{a.verifyCount(result.count)}</span>
          <span>
            {a.verifyHead}:{" "}
            <Typography.Text className="mono" copyable={{ text: result.head.hash }}>
              #{result.head.seq} {result.head.hash}
            </Typography.Text>
          </span>
        </Space>
      }
    />
  );
}
