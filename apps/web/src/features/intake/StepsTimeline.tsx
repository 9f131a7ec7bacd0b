// The batch's steps as antd Steps (done, in progress, waiting) and, below, the
// record of each closed step: date, the named people of both parties, what
// was recorded, notes and who entered it.
import { Space, Steps, Tag, Timeline, Typography } from "antd";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { formatDate, formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { BatchDetail, StepRecord } from "./api.ts";
import { ACTION, SIDE, STEPS } from "./labels.ts";
import { useRecordSummary } from "./useRecordSummary.ts";

function People({ people }: { people: StepRecord["people"] }) {
  const { pick } = useI18n();
  if (!people.length) return null;
  return (
    <Space size={[4, 4]} wrap data-testid="step-people">
      {people.map((p) => (
        <Tag key={p.userId} color={SIDE[p.side].color} data-side={p.side}>
          {pick(SIDE[p.side])} · {p.name}
        </Tag>
      ))}
    </Space>
  );
}

/** Where the batch is: done, in progress, waiting — with each step's clause. */
export function StepsBar({ batch }: { batch: BatchDetail }) {
  const { t, pick } = useI18n();
  const i = t.intake;
  const current =
    batch.status === "completed" ? STEPS.length : STEPS.findIndex((s) => s.key === batch.status);
  const active = batch.boxes.filter((x) => x.status !== "returned_to_client");
  const sealed = active.filter((x) => x.sealNumber || !["packing", "treatment"].includes(x.status)).length;
  const visited = batch.siteVisit !== null;
  const hint: Record<string, string | undefined> = {
    site_visit: visited ? formatDate(batch.siteVisit?.performedOn) : undefined,
    sealing: active.length ? i.sealedOf(sealed, active.length) : undefined,
    repacking: batch.steps.some((s) => s.action === "skip_repacking") ? i.skipped : undefined,
  };

  return (
    <Steps
      size="small"
      current={current}
      data-testid="intake-steps"
      items={STEPS.map((s, n) => ({
        title: pick(s.label),
        status:
          n < current || (s.key === "site_visit" && visited) ? "finish" : n === current ? "process" : "wait",
        content: (
          <span data-step={s.key}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {s.clause}
              {hint[s.key] ? ` · ${hint[s.key]}` : ""}
            </Typography.Text>
          </span>
        ),
      }))}
      style={{ marginBottom: 24 }}
    />
  );
}

/** The record of each closed step: date, people of both parties, what was recorded. */
export function StepRecords({ batch }: { batch: BatchDetail }) {
  const { t, pick } = useI18n();
  const i = t.intake;
  const summary = useRecordSummary();
  return batch.steps.length === 0 ? (
    <Typography.Text type="secondary">{i.noRecords}</Typography.Text>
  ) : (
    <Timeline
      data-testid="step-records"
      items={batch.steps.map((s) => ({
        key: s.id,
        color: "blue",
        content: (
          <div data-action={s.action}>
            <Space size={8} wrap>
              <Typography.Text strong>{pick(ACTION[s.action])}</Typography.Text>
              <Typography.Text type="secondary">{formatDate(s.performedOn)}</Typography.Text>
              <ClauseTag id={STEPS.find((x) => x.key === s.step)?.clause ?? "D-8.1"} />
            </Space>
            <div style={{ margin: "4px 0" }}>
              <People people={s.people} />
            </div>
            {summary(s) && <div>{summary(s)}</div>}
            {s.notes && (
              <Typography.Paragraph type="secondary" style={{ margin: "2px 0 0", whiteSpace: "pre-wrap" }}>
                {s.notes}
              </Typography.Paragraph>
            )}
            <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
              {i.recordedBy(s.recordedByName ?? "—", formatDateTime(s.recordedAt))}
            </Typography.Text>
          </div>
        ),
      }))}
    />
  );
}
