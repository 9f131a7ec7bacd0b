// Z-7.2: one volume's full chain of custody in time order: unshelving, handover
// lists, condition, station handovers, stops and the return check.
import { Card, Descriptions, Tag, Timeline } from "antd";
import { useParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import {
  type ChainEvent,
  CONDITION,
  DIRECTION,
  OUTCOME,
  originalsApi,
  SCREENING,
  STOP_REASON,
  VOLUME_STATUS,
} from "./api.ts";

export function VolumeChainPage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const m = t.digitizationOriginals;
  const q = useQuery(() => originalsApi.chain(id), [id]);
  const v = q.data?.volume;
  const label = (e: ChainEvent) => {
    const key = `ev_${e.kind}` as keyof typeof m;
    return typeof m[key] === "string" ? (m[key] as string) : e.kind;
  };
  const detail = (e: ChainEvent) => {
    if (e.kind.startsWith("list_"))
      return `${e.code} · ${e.direction ? pick(DIRECTION[e.direction]) : ""} · ${e.quality ?? ""}`;
    if (e.kind.startsWith("condition_") && e.condition) return pick(CONDITION[e.condition]);
    if (e.kind === "station_handover")
      return `${e.fromName ?? m.temporaryStorage} → ${e.toName ?? m.temporaryStorage} · ${e.giverName} → ${e.receiverName} · ${e.content}${e.reason ? ` · ${e.reason}` : ""}`;
    if (e.kind === "stopped")
      return `${e.reason ? pick(STOP_REASON[e.reason as keyof typeof STOP_REASON]) : ""} · ${e.description ?? ""}`;
    if (e.kind === "return_checked" && e.outcome) return pick(OUTCOME[e.outcome]);
    return "";
  };
  return (
    <>
      <PageHeader title={m.chainTitle(v?.referenceCode ?? "")} subtitle={m.chainSubtitle} />
      <ErrorAlert error={q.error} />
      {v && q.data && (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Descriptions size="small" column={3}>
              <Descriptions.Item label={m.volumeTitle}>{v.title}</Descriptions.Item>
              <Descriptions.Item label={m.items}>{v.itemCount}</Descriptions.Item>
              <Descriptions.Item label={m.screening}>
                <Tag color={SCREENING[v.screening].color}>{pick(SCREENING[v.screening])}</Tag>
              </Descriptions.Item>
              <Descriptions.Item label={m.status}>
                <Tag color={VOLUME_STATUS[v.status].color}>{pick(VOLUME_STATUS[v.status])}</Tag>
                {v.openStopId && <Tag color="red">{m.stopped}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={m.batch}>{v.batchCode ?? "—"}</Descriptions.Item>
              <Descriptions.Item label={m.workstation}>{v.workstationName ?? "—"}</Descriptions.Item>
            </Descriptions>
          </Card>
          <Card>
            <Timeline
              items={q.data.events.map((e) => ({
                color: e.kind === "stopped" ? "red" : e.kind.startsWith("stop_") ? "green" : "blue",
                content: (
                  <>
                    <strong>{label(e)}</strong> · {formatDateTime(e.at)}
                    <div style={{ color: "#666" }}>{detail(e)}</div>
                  </>
                ),
              }))}
            />
          </Card>
        </>
      )}
    </>
  );
}
