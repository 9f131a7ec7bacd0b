// The legal next steps from the transition table (`nextActions`): a button
// each, disabled with its clause and reason when the server reports a veto.
import { Alert, Button, Flex, Space, Tooltip, Typography } from "antd";
import { useState } from "react";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { BatchDetail, IntakeAction } from "./api.ts";
import { ACTION } from "./labels.ts";
import { StepModal } from "./StepModal.tsx";

export function StepActions({ batch, onChanged }: { batch: BatchDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const i = t.intake;
  const [pending, setPending] = useState<IntakeAction | null>(null);
  if (batch.status === "completed") return <Alert type="success" showIcon title={i.completed} />;
  if (!batch.permissions.recordSteps && !batch.permissions.handleBoxes)
    return <Alert type="info" showIcon title={i.readOnly} />;

  return (
    <>
      <Flex gap={16} wrap data-testid="next-actions">
        {batch.nextActions.map((a) => (
          <div key={a.action} data-action={a.action} style={{ maxWidth: 420 }}>
            <Tooltip title={a.blockedBy ? pick(a.blockedBy.message) : null}>
              <Button
                type={a.blockedBy || a.action === "skip_repacking" ? "default" : "primary"}
                disabled={!!a.blockedBy}
                onClick={() => setPending(a.action)}
              >
                {pick(ACTION[a.action])}
              </Button>
            </Tooltip>
            {a.blockedBy && (
              <div style={{ marginTop: 6 }} data-testid="blocked-reason">
                <Space size={6} align="start">
                  {a.blockedBy.clause && <ClauseTag id={a.blockedBy.clause} />}
                  <Typography.Text type="secondary">{pick(a.blockedBy.message)}</Typography.Text>
                </Space>
              </div>
            )}
          </div>
        ))}
      </Flex>
      {pending && (
        <StepModal
          batch={batch}
          action={pending}
          onClose={() => setPending(null)}
          onDone={() => {
            setPending(null);
            onChanged();
          }}
        />
      )}
    </>
  );
}
