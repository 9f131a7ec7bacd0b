// One filing (G-7): what was reported, the rounds of questions and answers, and
// the moves the caller may make: verify or return (regulator), resubmit (client).
import { Button, Card, Col, Descriptions, Input, Modal, Row, Space, Tag, Timeline } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { useMeta } from "../../session/MetaContext.tsx";
import { FILING_COLOR, filingsApi } from "./api.ts";

export function FilingPage() {
  const { id } = useParams() as { id: string };
  const { t } = useI18n();
  const r = t.registry;
  const { labels } = useMeta();
  const notify = useNotify();
  const q = useQuery(() => filingsApi.get(id), [id]);
  const [asking, setAsking] = useState<"return" | "resubmit">();
  const [text, setText] = useState("");
  const f = q.data;

  const move = async (action: string, body?: string) => {
    try {
      await filingsApi.move(id, action, body);
      notify.success(
        r.filingStatus(action === "verify" ? "verified" : action === "return" ? "returned" : "submitted"),
      );
      setAsking(undefined);
      setText("");
      q.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <>
      <PageHeader
        title={f ? `${r.filingNo} ${f.filingNo}` : r.filingsTitle}
        subtitle={r.filingsSubtitle}
        extra={
          <Space>
            {f?.nextActions.map(({ action }) =>
              action === "verify" ? (
                <Button key={action} type="primary" onClick={() => void move("verify")}>
                  {r.verify}
                </Button>
              ) : (
                <Button key={action} onClick={() => setAsking(action)}>
                  {action === "return" ? r.return : r.resubmit}
                </Button>
              ),
            )}
          </Space>
        }
      />
      <ErrorAlert error={q.error} />
      {f && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={15}>
            <Card
              size="small"
              title={r.content}
              extra={<Tag color={FILING_COLOR[f.status]}>{r.filingStatus(f.status)}</Tag>}
            >
              <Descriptions column={1} size="small" bordered>
                <Descriptions.Item label={r.project}>
                  <Link to={`/projects/${f.projectId}`}>
                    {f.content.project.code} {f.content.project.name}
                  </Link>
                </Descriptions.Item>
                <Descriptions.Item label={r.client}>
                  {f.content.client.name}（{labels.district(f.content.client.district)}）
                  {f.content.client.creditCode ?? ""}
                </Descriptions.Item>
                <Descriptions.Item label={r.agency}>
                  {f.content.agency.name}（{f.content.agency.licenceNumber ?? "—"}）
                </Descriptions.Item>
                <Descriptions.Item label={r.contract}>
                  {f.content.contract.number ?? "—"}　{f.content.contract.content ?? ""}
                </Descriptions.Item>
                <Descriptions.Item label={r.term}>
                  {f.content.contract.termStart ?? "—"} — {f.content.contract.termEnd ?? "—"}
                </Descriptions.Item>
                <Descriptions.Item label={r.quantity}>
                  {f.content.quantity.value ?? "—"} {f.content.quantity.unit ?? ""}
                </Descriptions.Item>
                <Descriptions.Item label={r.responsible}>
                  {f.content.responsible.leader}（{f.content.responsible.department}）
                </Descriptions.Item>
                <Descriptions.Item label={r.regulator}>{f.regulatorName}</Descriptions.Item>
                <Descriptions.Item label={r.submittedAt}>
                  {formatDateTime(f.submittedAt)} · {r.trigger(f.trigger)}
                </Descriptions.Item>
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={9}>
            <Card size="small" title={r.exchanges}>
              <Timeline
                items={f.exchanges.map((x) => ({
                  color: x.kind === "returned" ? "orange" : x.kind === "verified" ? "green" : "blue",
                  content: (
                    <>
                      <b>{r.exchangeKind(x.kind)}</b>　{formatDateTime(x.at)}
                      <div>{[x.orgName, x.userName].filter(Boolean).join(" · ")}</div>
                      {x.text && <div style={{ whiteSpace: "pre-wrap" }}>{x.text}</div>}
                    </>
                  ),
                }))}
              />
            </Card>
          </Col>
        </Row>
      )}
      <Modal
        open={!!asking}
        title={asking === "return" ? r.return : r.resubmit}
        onCancel={() => setAsking(undefined)}
        onOk={() => void move(asking!, text.trim())}
        okButtonProps={{ disabled: !text.trim() }}
      >
        {asking === "resubmit" && f?.questions && (
          <p>
            {r.questions}：{f.questions}
          </p>
        )}
        <Input.TextArea
          rows={4}
          value={text}
          onChange={(e) => setText(e.target.value)}
          aria-label={asking === "return" ? r.questions : r.answer}
          placeholder={asking === "return" ? r.questions : r.answer}
        />
      </Modal>
    </>
  );
}
