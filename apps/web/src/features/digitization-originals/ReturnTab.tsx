// Z-8.1: the return of originals: open points, and the client's volume-by-volume
// check of each to_agency list before it closes the handover.
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { type CheckOutcome, LIST_STATUS, OUTCOME, originalsApi } from "./api.ts";

export function ReturnTab({ projectId }: { projectId: string }) {
  const { t, pick } = useI18n();
  const m = t.digitizationOriginals;
  const status = useQuery(() => originalsApi.returnStatus(projectId), [projectId]);
  const lists = useQuery(() => originalsApi.lists(projectId), [projectId]);
  const out = (lists.data?.items ?? []).filter((l) => l.direction === "to_agency" && l.status !== "pending");
  const points = status.data?.openPoints ?? [];
  return (
    <>
      <ErrorAlert error={status.error} />
      {status.data?.complete ? (
        <Alert type="success" showIcon title={m.complete} style={{ marginBottom: 16 }} />
      ) : (
        <Card size="small" title={m.openPoints} style={{ marginBottom: 16 }}>
          {points.map((p) => (
            <div key={`${p.kind}-${p.id}`}>
              <Space>
                <ClauseTag id={p.clause} />
                {m[`point_${p.kind}`]}: {p.label}
              </Space>
            </div>
          ))}
        </Card>
      )}
      <Typography.Title level={5}>{m.returnTitle}</Typography.Title>
      {out.map((l) => (
        <ListCheck
          key={l.id}
          id={l.id}
          code={l.code}
          statusLabel={pick(LIST_STATUS[l.status])}
          mayCheck={!!status.data?.permissions.checkReturn && l.status === "confirmed"}
          onDone={() => {
            status.reload();
            lists.reload();
          }}
        />
      ))}
    </>
  );
}

function ListCheck(p: {
  id: string;
  code: string;
  statusLabel: string;
  mayCheck: boolean;
  onDone: () => void;
}) {
  const { t, pick } = useI18n();
  const m = t.digitizationOriginals;
  const notify = useNotify();
  const d = useQuery(() => originalsApi.list(p.id), [p.id]);
  const [outcomes, setOutcomes] = useState<Record<string, CheckOutcome>>({});
  const checked = Object.fromEntries((d.data?.returnCheck ?? []).map((c) => [c.volumeId, c.outcome]));
  const value = (id: string): CheckOutcome | undefined => outcomes[id] ?? checked[id];
  const run = async (fn: () => Promise<unknown>) => {
    try {
      await fn();
      notify.success(m.saved);
      d.reload();
      p.onDone();
    } catch (e) {
      notify.error(e);
    }
  };
  const lines = d.data?.lines ?? [];
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space>
          {p.code}
          <Tag>{p.statusLabel}</Tag>
        </Space>
      }
      extra={
        p.mayCheck && (
          <Space>
            <Button
              onClick={() =>
                run(() =>
                  originalsApi.checkReturn(
                    p.id,
                    lines.map((l) => ({ volumeId: l.volumeId, outcome: value(l.volumeId) ?? "present" })),
                  ),
                )
              }
            >
              {m.saveCheck}
            </Button>
            <Button type="primary" onClick={() => run(() => originalsApi.close(p.id))}>
              {m.closeHandover}
            </Button>
          </Space>
        )
      }
    >
      <Table
        size="small"
        rowKey="volumeId"
        pagination={false}
        dataSource={lines}
        columns={[
          { title: m.referenceCode, dataIndex: "referenceCode", width: 220 },
          { title: m.volumeTitle, dataIndex: "title", ellipsis: true },
          {
            title: m.outcome,
            width: 160,
            render: (_, l) =>
              p.mayCheck ? (
                <Select<CheckOutcome>
                  style={{ width: 130 }}
                  value={value(l.volumeId)}
                  placeholder={pick(OUTCOME.present)}
                  onChange={(o) => setOutcomes((x) => ({ ...x, [l.volumeId]: o }))}
                  options={(["present", "missing", "damaged"] as const).map((o) => ({
                    value: o,
                    label: pick(OUTCOME[o]),
                  }))}
                />
              ) : value(l.volumeId) ? (
                <Tag color={OUTCOME[value(l.volumeId)!].color}>{pick(OUTCOME[value(l.volumeId)!])}</Tag>
              ) : (
                "—"
              ),
          },
        ]}
      />
    </Card>
  );
}
