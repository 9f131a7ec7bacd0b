// Z-7.3: stopped volumes; the client resumes a volume or withdraws it from its
// batch (it then goes straight back on the return list).
import { Button, Input, Modal, Segmented, Space, Table, Tag } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { originalsApi, STOP_REASON, type Stop } from "./api.ts";

export function StopsTab({ projectId }: { projectId: string }) {
  const { t, pick } = useI18n();
  const m = t.digitizationOriginals;
  const notify = useNotify();
  const [open, setOpen] = useState(true);
  const [deciding, setDeciding] = useState<{ stop: Stop; decision: "resume" | "withdraw" } | null>(null);
  const [note, setNote] = useState("");
  const stops = useQuery(() => originalsApi.stops(projectId, open ? true : undefined), [projectId, open]);
  const volumes = useQuery(() => originalsApi.volumes(projectId, { pageSize: 1 }), [projectId]);
  const mayDecide = volumes.data?.permissions.decideStop;
  const decide = async () => {
    if (!deciding) return;
    try {
      await originalsApi.decide(deciding.stop.id, deciding.decision, note || undefined);
      notify.success(m.saved);
      setDeciding(null);
      setNote("");
      stops.reload();
    } catch (e) {
      notify.error(e);
    }
  };
  return (
    <>
      <ErrorAlert error={stops.error} />
      <Segmented
        style={{ marginBottom: 12 }}
        value={open ? "open" : "all"}
        onChange={(v) => setOpen(v === "open")}
        options={[
          { value: "open", label: m.openStops },
          { value: "all", label: m.allStops },
        ]}
      />
      <Table<Stop>
        rowKey="id"
        loading={stops.loading}
        dataSource={stops.data?.items ?? []}
        locale={{ emptyText: <EmptyState text={m.noStops} /> }}
        columns={[
          {
            title: m.referenceCode,
            width: 210,
            render: (_, s) => <Link to={`/digitization/volumes/${s.volumeId}`}>{s.referenceCode}</Link>,
          },
          {
            title: m.stopReason,
            width: 130,
            render: (_, s) => <Tag color="red">{pick(STOP_REASON[s.reason])}</Tag>,
          },
          { title: m.stopDescription, dataIndex: "description", ellipsis: true },
          { title: m.stoppedAt, width: 150, render: (_, s) => formatDateTime(s.stoppedAt) },
          {
            title: m.stoppedBy,
            width: 100,
            render: (_, s) => (s.stoppedSource === "system" ? m.system : (s.stoppedByName ?? "—")),
          },
          {
            title: m.resolution,
            width: 230,
            render: (_, s) =>
              s.resolution ? (
                <Tag>{s.resolution === "resumed" ? m.resumed : m.withdrawn}</Tag>
              ) : mayDecide ? (
                <Space>
                  <Button size="small" onClick={() => setDeciding({ stop: s, decision: "resume" })}>
                    {m.resume}
                  </Button>
                  <Button size="small" danger onClick={() => setDeciding({ stop: s, decision: "withdraw" })}>
                    {m.withdraw}
                  </Button>
                </Space>
              ) : (
                "—"
              ),
          },
        ]}
      />
      <Modal
        open={deciding !== null}
        title={
          deciding
            ? `${deciding.decision === "resume" ? m.resume : m.withdraw} · ${deciding.stop.referenceCode}`
            : ""
        }
        onCancel={() => setDeciding(null)}
        onOk={decide}
      >
        <Input.TextArea placeholder={m.note} value={note} onChange={(e) => setNote(e.target.value)} />
      </Modal>
    </>
  );
}
