// One classification-mark alert (Z-7.3, D-10.8): the page with the mark's
// region outlined, what was read where, and — for the client only — the
// decision: clear a false alarm or confirm the mark, with a note for the audit log.
import { Alert, Button, Descriptions, Drawer, Image, Input, Popconfirm, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type Decision, type HitRow, STATUS_COLOR, screeningApi } from "./api.ts";

export function HitDrawer({
  hit,
  onClose,
  onDecided,
}: {
  hit: HitRow | null;
  onClose: () => void;
  onDecided: () => void;
}) {
  const { t } = useI18n();
  const m = t.screening;
  const notify = useNotify();
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState<Decision | null>(null);

  const decide = async (decision: Decision) => {
    if (!hit) return;
    setBusy(decision);
    try {
      if (hit.source === "remote_copy")
        await screeningApi.decideRemoteCopy(hit.remoteCopyId!, decision, note || undefined);
      else await screeningApi.decide(hit.id, decision, note || undefined);
      notify.success(m.decided);
      setNote("");
      onDecided();
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Drawer open={!!hit} onClose={onClose} size={720} title={m.detail} destroyOnHidden>
      {hit && (
        <Space orientation="vertical" size={16} style={{ width: "100%" }}>
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={m.mark} span={2}>
              <Space>
                <Tag color="red" style={{ fontSize: 14 }}>
                  {hit.level}★{hit.period ?? ""}
                </Tag>
                <Typography.Text type="secondary">“{hit.matchedText}”</Typography.Text>
                <ClauseTag id={hit.source === "remote_copy" ? "D-10.8" : "Z-7.3"} />
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={m.where}>
              {hit.volumeReferenceCode ??
                (hit.requestId ? <Link to={`/use-requests/${hit.requestId}`}>{hit.requestNo}</Link> : "—")}
            </Descriptions.Item>
            <Descriptions.Item label={m.file}>
              {hit.fileLabel} · {m.page(hit.page)}
            </Descriptions.Item>
            <Descriptions.Item label={m.client}>{hit.clientName}</Descriptions.Item>
            <Descriptions.Item label={m.agency}>{hit.agencyName}</Descriptions.Item>
            <Descriptions.Item label={m.foundAt}>{formatDateTime(hit.createdAt)}</Descriptions.Item>
            <Descriptions.Item label={m.confidence}>{(hit.confidence * 100).toFixed(0)} %</Descriptions.Item>
            <Descriptions.Item label={m.statusLabel} span={2}>
              <Tag color={STATUS_COLOR[hit.status]}>{m.status(hit.status)}</Tag>
              {hit.decidedAt && (
                <Typography.Text type="secondary">
                  {m.decidedAt} {formatDateTime(hit.decidedAt)}{" "}
                  {hit.decisionNote ? `· ${hit.decisionNote}` : ""}
                </Typography.Text>
              )}
            </Descriptions.Item>
          </Descriptions>
          <div>
            <Typography.Text type="secondary">{m.imageHint}</Typography.Text>
            <Image
              src={screeningApi.imageUrl(hit.id)}
              alt={hit.matchedText}
              style={{ border: "1px solid #eee", marginTop: 8 }}
              data-testid="screening-image"
            />
          </div>
          {hit.status === "open" &&
            (hit.canDecide ? (
              <Space orientation="vertical" style={{ width: "100%" }}>
                <Input.TextArea
                  rows={2}
                  maxLength={500}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  placeholder={m.notePlaceholder}
                  aria-label={m.note}
                />
                <Space wrap>
                  <Popconfirm title={m.clear} description={m.clearHint} onConfirm={() => decide("clear")}>
                    <Button loading={busy === "clear"} data-testid="screening-clear">
                      {m.clear}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={m.confirm}
                    description={m.confirmHint}
                    onConfirm={() => decide("confirm")}
                  >
                    <Button
                      danger
                      type="primary"
                      loading={busy === "confirm"}
                      data-testid="screening-confirm"
                    >
                      {m.confirm}
                    </Button>
                  </Popconfirm>
                </Space>
              </Space>
            ) : (
              <Alert type="info" showIcon title={m.onlyClient} />
            ))}
        </Space>
      )}
    </Drawer>
  );
}
