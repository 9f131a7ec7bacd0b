// One use request: items, the next workflow actions (blocked ones show their
// clause), on-site reading — letter and ID check, sessions in a covered room —
// attachments and the steps (D-10.3, D-10.4, D-10.6, D-10.9).
import {
  Button,
  Card,
  Descriptions,
  Flex,
  Input,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { useParams } from "react-router-dom";
import { attachmentsApi } from "../../api/endpoints.ts";
import type { EntityType } from "../../api/types.ts";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { AttachmentsPanel } from "../attachments/AttachmentsPanel.tsx";
import { CAMERA_AREA } from "../facilities/labels.ts";
import type { BoxStatus } from "../intake/api.ts";
import { BOX_STATUS } from "../intake/labels.ts";
import { ServicesPanel } from "../use-services/ServicesPanel.tsx";
import { ACTION, MODE, REQUESTER, retrievalApi, STATUS } from "./api.ts";

export function UseRequestPage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const m = t.retrieval;
  const notify = useNotify();
  const r = useQuery(() => retrievalApi.request(id), [id]);
  const [reason, setReason] = useState("");
  const run = (p: Promise<unknown>) => p.then(() => r.reload()).catch(notify.error);
  if (!r.data) return <ErrorAlert error={r.error} />;
  const d = r.data;
  const act = (action: string) =>
    run(
      action === "retrieve"
        ? retrievalApi.retrieve(id)
        : retrievalApi.act(id, action, reason ? { reason } : {}),
    );
  return (
    <>
      <PageHeader
        title={`${m.requestNo} ${d.requestNo}`}
        tags={<Tag color={STATUS[d.status].color}>{pick(STATUS[d.status])}</Tag>}
      />
      <Flex vertical gap={16}>
        <Card>
          <Descriptions size="small" column={3}>
            <Descriptions.Item label={m.user}>
              {d.userName}
              {d.userOrgName ? `（${d.userOrgName}）` : ""}
            </Descriptions.Item>
            <Descriptions.Item label={m.requesterKind}>
              {pick(REQUESTER[d.requesterKind] ?? { zh: d.requesterKind, en: d.requesterKind })}
            </Descriptions.Item>
            <Descriptions.Item label={m.grant}>{d.grantNo ?? "—"}</Descriptions.Item>
            <Descriptions.Item label={m.mode}>{pick(MODE[d.mode])}</Descriptions.Item>
            <Descriptions.Item label={m.purpose}>{d.purpose}</Descriptions.Item>
            <Descriptions.Item label={m.due}>{formatDateTime(d.dueAt)}</Descriptions.Item>
          </Descriptions>
          {d.accessRefusal && (
            <Typography.Text type="danger">
              {d.accessRefusal.clause && <ClauseTag id={d.accessRefusal.clause} />}{" "}
              {pick(d.accessRefusal.message)}
            </Typography.Text>
          )}
        </Card>
        {d.nextActions.length > 0 && (
          <Card title={m.nextActions}>
            <Space wrap>
              {d.nextActions.some((a) => a.action === "reject") && (
                <Input
                  placeholder={m.reason}
                  aria-label={m.reason}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  style={{ width: 240 }}
                />
              )}
              {d.nextActions
                .filter((a) => !(d.mode === "reading" && a.action === "start_service"))
                .map((a) => (
                  <Button
                    key={a.action}
                    data-action={a.action}
                    type={
                      a.action === "retrieve" ||
                      (!a.blockedBy && a.action !== "reject" && a.action !== "cancel")
                        ? "primary"
                        : "default"
                    }
                    danger={a.action === "reject"}
                    disabled={!!a.blockedBy && a.action !== "retrieve"}
                    title={a.blockedBy ? pick(a.blockedBy.message) : undefined}
                    onClick={() => act(a.action)}
                  >
                    {pick(ACTION[a.action] ?? { zh: a.action, en: a.action })}
                  </Button>
                ))}
            </Space>
          </Card>
        )}
        <Card title={m.items}>
          <Table
            size="small"
            rowKey="itemId"
            pagination={false}
            dataSource={d.items}
            columns={[
              { title: m.referenceCode, dataIndex: "referenceCode" },
              { title: m.items, dataIndex: "title" },
              { title: m.boxNo, dataIndex: "boxNo" },
              {
                title: m.boxStatus,
                render: (_, i) =>
                  i.boxStatus
                    ? pick(BOX_STATUS[i.boxStatus as BoxStatus] ?? { zh: i.boxStatus, en: i.boxStatus })
                    : "—",
              },
            ]}
          />
        </Card>
        {d.mode === "reading" && d.permissions.serve && <ReadingCard id={id} detail={d} onDone={r.reload} />}
        <ServicesPanel requestId={id} version={`${d.status}:${d.steps.length}`} onChange={r.reload} />
        <Card title={m.attachments}>
          <AttachmentsPanel
            entityType={"use_request" as EntityType}
            entityId={id}
            canUpload={d.permissions.serve}
          />
        </Card>
        <Card title={m.steps}>
          <Timeline
            items={d.steps.map((s) => ({
              content: `${formatDateTime(s.at)} ${pick(ACTION[s.action] ?? { zh: s.action, en: s.action })} · ${s.byName ?? ""}${s.note ? ` · ${s.note}` : ""}`,
            }))}
          />
        </Card>
      </Flex>
    </>
  );
}

function ReadingCard({
  id,
  detail: d,
  onDone,
}: {
  id: string;
  detail: Awaited<ReturnType<typeof retrievalApi.request>>;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const m = t.retrieval;
  const notify = useNotify();
  const rooms = useQuery(() => retrievalApi.rooms(id), [id]);
  const atts = useQuery(
    () => attachmentsApi.list("use_request" as EntityType, id),
    [id, d.steps.length, d.admission?.checkedAt],
  );
  const [adm, setAdm] = useState<{ letter?: string; idAtt?: string; idNo?: string }>({});
  const [room, setRoom] = useState<string>();
  const [cams, setCams] = useState<string[]>([]);
  const run = (p: Promise<unknown>) => p.then(onDone).catch(notify.error);
  // Uploads happen in the attachments card below; reload when the list opens.
  const attOptions = (atts.data?.items ?? []).map((a) => ({ value: a.id, label: a.label ?? a.filename }));
  const current = rooms.data?.rooms.find((x) => x.id === room);
  const open = d.sessions.find((s) => !s.endedAt);
  return (
    <Card title={m.sessions}>
      <Typography.Paragraph type="secondary">{m.admissionHint}</Typography.Paragraph>
      {d.admission ? (
        <p>
          {m.admission}: {m.recorded} · {d.admission.readerIdNumber} · {d.admission.checkedByName} ·{" "}
          {formatDateTime(d.admission.checkedAt)}
        </p>
      ) : (
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={m.letter}
            placeholder={m.letter}
            style={{ width: 200 }}
            options={attOptions}
            onOpenChange={(open) => open && atts.reload()}
            onChange={(letter) => setAdm({ ...adm, letter })}
          />
          <Select
            aria-label={m.readerId}
            placeholder={m.readerId}
            style={{ width: 200 }}
            options={attOptions}
            onOpenChange={(open) => open && atts.reload()}
            onChange={(idAtt) => setAdm({ ...adm, idAtt })}
          />
          <Input
            aria-label={m.idNumber}
            placeholder={m.idNumber}
            style={{ width: 200 }}
            onChange={(e) => setAdm({ ...adm, idNo: e.target.value })}
          />
          <Button
            onClick={() =>
              run(
                retrievalApi.admit(id, {
                  letterAttachmentId: adm.letter,
                  readerIdAttachmentId: adm.idAtt,
                  readerIdKind: "id_card",
                  readerIdNumber: adm.idNo,
                }),
              )
            }
          >
            {m.record}
          </Button>
        </Space>
      )}
      {["retrieved", "in_service"].includes(d.status) && !open && (
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            aria-label={m.room}
            placeholder={m.room}
            style={{ width: 200 }}
            value={room}
            onChange={setRoom}
            options={(rooms.data?.rooms ?? []).map((x) => ({
              value: x.id,
              label: `${x.siteName} ${x.name}`,
            }))}
          />
          <Select
            aria-label={m.cameras}
            placeholder={m.cameras}
            mode="multiple"
            style={{ width: 260 }}
            value={cams}
            onChange={setCams}
            options={(current?.cameras ?? []).map((c) => ({
              value: c.id,
              label: `${c.code}（${c.covers.map((a) => (CAMERA_AREA[a] ? pick(CAMERA_AREA[a]) : a)).join("、")}）`,
            }))}
          />
          <Button
            type="primary"
            onClick={() => run(retrievalApi.startSession(id, { roomId: room, cameraIds: cams }))}
          >
            {m.startSession}
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={d.sessions}
        columns={[
          { title: m.room, dataIndex: "roomName" },
          { title: m.cameras, dataIndex: "cameraCodes" },
          { title: m.started, render: (_, s) => formatDateTime(s.startedAt) },
          {
            title: m.ended,
            render: (_, s) =>
              s.endedAt ? (
                formatDateTime(s.endedAt)
              ) : (
                <Button size="small" onClick={() => run(retrievalApi.endSession(s.id))}>
                  {m.endSession}
                </Button>
              ),
          },
        ]}
      />
    </Card>
  );
}
