// The workflow steps the API offers (`nextActions`): a button each, disabled
// with its reason and clause when the API reports `blockedBy`.
import { Alert, Button, Flex, Form, Input, Modal, Space, Tooltip, Typography } from "antd";
import { useState } from "react";
import { type ApiError, asApiError } from "../../../api/client.ts";
import { projectsApi } from "../../../api/endpoints.ts";
import type { NextAction, ProjectDetail } from "../../../api/types.ts";
import { ClauseTag } from "../../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../../components/ErrorAlert.tsx";
import { useNotify } from "../../../components/useNotify.tsx";
import { useI18n } from "../../../i18n/LocaleContext.tsx";
import { PROJECT_ACTION, PROJECT_STATUS } from "../../../i18n/labels.ts";

export function NextActions({ project, onChanged }: { project: ProjectDetail; onChanged: () => void }) {
  const { t, pick } = useI18n();
  const notify = useNotify();
  const [pending, setPending] = useState<NextAction | null>(null);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const p = t.projects;

  if (!project.permissions.transition) return <Alert type="info" showIcon title={p.readOnly} />;
  if (project.nextActions.length === 0)
    return <Typography.Text type="secondary">{p.noActions}</Typography.Text>;

  const run = async () => {
    if (!pending) return;
    setBusy(true);
    setError(undefined);
    try {
      await projectsApi.transition(project.id, pending.action, note.trim() || undefined);
      notify.success(p.transitioned);
      setPending(null);
      onChanged();
    } catch (e) {
      setError(asApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Flex vertical gap={12}>
        {project.nextActions.map((a) => (
          <div key={a.action} data-action={a.action}>
            <Tooltip title={a.blockedBy ? pick(a.blockedBy.message) : null}>
              <Button
                type={a.action === "start" || a.action === "complete" ? "primary" : "default"}
                danger={a.action === "cancel"}
                disabled={!!a.blockedBy}
                onClick={() => {
                  setNote("");
                  setError(undefined);
                  setPending(a);
                }}
              >
                {pick(PROJECT_ACTION[a.action])} → {pick(PROJECT_STATUS[a.to])}
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
      <Modal
        open={!!pending}
        title={pending ? p.transitionTitle(pick(PROJECT_ACTION[pending.action])) : ""}
        onCancel={() => setPending(null)}
        onOk={() => void run()}
        confirmLoading={busy}
        okText={t.common.confirm}
        cancelText={t.common.cancel}
        okButtonProps={{ danger: pending?.action === "cancel" }}
      >
        <ErrorAlert error={error} />
        <Form layout="vertical">
          <Form.Item label={p.transitionNote}>
            <Input.TextArea
              rows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
