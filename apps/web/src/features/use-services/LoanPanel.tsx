// D-10.6 on the request page: the client's written consent, the loan record
// (due date, agreed place and time of delivery), the handover after the
// receiver's ID check, and the loan coming back.
import { Alert, Button, Card, DatePicker, Descriptions, Input, Select, Space, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { ID_KIND, type IdKind, type RequestServices, useServicesApi } from "./api.ts";
import { LoanStatusTag } from "./LoanStatusTag.tsx";

export function LoanPanel({ d, onDone }: { d: RequestServices; onDone: () => void }) {
  const { t, pick } = useI18n();
  const m = t.useServices;
  const notify = useNotify();
  const [statement, setStatement] = useState(m.consentStatementDefault);
  const [rec, setRec] = useState<{ due?: Dayjs | null; place?: string; at?: Dayjs | null }>({});
  const [hand, setHand] = useState<{ name?: string; kind: IdKind; no?: string }>({
    name: d.request.userName,
    kind: "id_card",
  });
  const [back, setBack] = useState(d.request.userName);
  const run = (p: Promise<unknown>) => p.then(onDone).catch(notify.error);
  const loan = d.loan;
  const out = ["retrieved", "in_service"].includes(d.request.status);
  const open = !["rejected", "cancelled", "closed"].includes(d.request.status);
  return (
    <Card title={m.loanCard} data-testid="loan-panel">
      <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
        <Descriptions.Item label={m.consent}>
          {d.consent ? (
            <span>
              <Tag color="green">{m.consentGiven(formatDateTime(d.consent.givenAt))}</Tag>
              {d.consent.statement}
            </span>
          ) : (
            <Typography.Text type="warning">{m.consentMissing}</Typography.Text>
          )}
        </Descriptions.Item>
      </Descriptions>
      {!d.consent && d.permissions.consentLoan && open && (
        <Space.Compact style={{ width: "100%", maxWidth: 640, marginBottom: 12 }}>
          <Input
            aria-label={m.consentStatement}
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
          />
          <Button type="primary" onClick={() => run(useServicesApi.consent(d.request.id, statement))}>
            {m.giveConsent}
          </Button>
        </Space.Compact>
      )}
      {!loan && d.permissions.serve && d.consent && open && (
        <Space wrap style={{ marginBottom: 12 }}>
          <DatePicker
            aria-label={m.dueOn}
            placeholder={m.dueOn}
            value={rec.due}
            onChange={(due) => setRec({ ...rec, due })}
          />
          <Input
            aria-label={m.deliveryPlace}
            placeholder={m.deliveryPlace}
            style={{ width: 280 }}
            value={rec.place}
            onChange={(e) => setRec({ ...rec, place: e.target.value })}
          />
          <DatePicker
            showTime={{ format: "HH:mm" }}
            format="YYYY-MM-DD HH:mm"
            aria-label={m.deliveryAt}
            placeholder={m.deliveryAt}
            value={rec.at}
            onChange={(at) => setRec({ ...rec, at })}
          />
          <Button
            type="primary"
            disabled={!rec.due || !rec.place || !rec.at}
            onClick={() =>
              run(
                useServicesApi.recordLoan(d.request.id, {
                  dueOn: rec.due!.format("YYYY-MM-DD"),
                  deliveryPlace: rec.place!,
                  deliveryAt: rec.at!.toISOString(),
                }),
              )
            }
          >
            {m.recordLoan}
          </Button>
        </Space>
      )}
      {loan && (
        <Descriptions size="small" column={2} bordered title={m.loanRecord} style={{ marginBottom: 12 }}>
          <Descriptions.Item label={m.status}>
            <LoanStatusTag loan={loan} />
          </Descriptions.Item>
          <Descriptions.Item label={m.dueOn}>{loan.dueOn}</Descriptions.Item>
          <Descriptions.Item label={m.deliveryPlace}>{loan.deliveryPlace}</Descriptions.Item>
          <Descriptions.Item label={m.deliveryAt}>{formatDateTime(loan.deliveryAt)}</Descriptions.Item>
          <Descriptions.Item label={m.receiver}>
            {loan.receiverName
              ? `${loan.receiverName}（${loan.receiverIdKind ? pick(ID_KIND[loan.receiverIdKind]) : ""} ${loan.receiverIdNumber ?? ""}）`
              : "—"}
          </Descriptions.Item>
          <Descriptions.Item label={m.handedOverAt}>{formatDateTime(loan.handedOverAt)}</Descriptions.Item>
          <Descriptions.Item label={m.returnedBy}>{loan.returnedByName ?? "—"}</Descriptions.Item>
          <Descriptions.Item label={m.returnedAt}>{formatDateTime(loan.returnedAt)}</Descriptions.Item>
        </Descriptions>
      )}
      {loan && !loan.handedOverAt && d.permissions.serve && open && (
        <>
          <Typography.Title level={5}>{m.handover}</Typography.Title>
          <Alert
            type="info"
            showIcon
            title={out ? m.handoverHint : m.waitingForRetrieval}
            style={{ marginBottom: 12 }}
          />
          {out && (
            <Space wrap>
              <Input
                aria-label={m.receiverName}
                placeholder={m.receiverName}
                style={{ width: 140 }}
                value={hand.name}
                onChange={(e) => setHand({ ...hand, name: e.target.value })}
              />
              <Select
                aria-label={m.receiverIdKind}
                style={{ width: 130 }}
                value={hand.kind}
                onChange={(kind) => setHand({ ...hand, kind })}
                options={(Object.keys(ID_KIND) as IdKind[]).map((k) => ({
                  value: k,
                  label: pick(ID_KIND[k]),
                }))}
              />
              <Input
                aria-label={m.receiverIdNumber}
                placeholder={m.receiverIdNumber}
                style={{ width: 220 }}
                value={hand.no}
                onChange={(e) => setHand({ ...hand, no: e.target.value })}
              />
              <Button
                type="primary"
                disabled={!hand.name || !hand.no}
                onClick={() =>
                  run(
                    useServicesApi.handover(loan.id, {
                      receiverName: hand.name!,
                      receiverIdKind: hand.kind,
                      receiverIdNumber: hand.no!,
                    }),
                  )
                }
              >
                {m.checkIdAndHandover}
              </Button>
            </Space>
          )}
        </>
      )}
      {loan?.handedOverAt && !loan.returnedAt && d.permissions.serve && (
        <Space.Compact style={{ maxWidth: 420 }}>
          <Input
            aria-label={m.returnedBy}
            placeholder={m.returnedBy}
            value={back}
            onChange={(e) => setBack(e.target.value)}
          />
          <Button disabled={!back} onClick={() => run(useServicesApi.receivedBack(loan.id, back))}>
            {m.receivedBackConfirm}
          </Button>
        </Space.Compact>
      )}
    </Card>
  );
}
