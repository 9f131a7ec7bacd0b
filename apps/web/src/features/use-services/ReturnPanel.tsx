// D-11.1 on the request page: the item-by-item check against what went out,
// the returner's name and declared count, the joint confirmation; on a
// discrepancy, the written report to the client and its PDF.
import { FilePdfOutlined } from "@ant-design/icons";
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Input,
  InputNumber,
  Radio,
  Space,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { useNotify } from "../../components/useNotify.tsx";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import {
  OUTCOME,
  type RequestServices,
  type ReturnCheck,
  type ReturnOutcome,
  useServicesApi,
} from "./api.ts";

type Line = { outcome: ReturnOutcome; note?: string };

export function ReturnPanel({ d, onDone }: { d: RequestServices; onDone: () => void }) {
  const { t, pick } = useI18n();
  const m = t.useServices;
  const notify = useNotify();
  const checking = d.request.status === "returning" && d.permissions.serve;
  const [lines, setLines] = useState<Record<string, Line>>({});
  const [returner, setReturner] = useState(d.loan?.returnedByName ?? d.request.userName);
  const [declared, setDeclared] = useState<number | null>(d.items.length);
  const [joint, setJoint] = useState(false);
  const [busy, setBusy] = useState(false);
  const lineOf = (id: string): Line => lines[id] ?? { outcome: "present" };
  const set = (id: string, patch: Partial<Line>) => setLines({ ...lines, [id]: { ...lineOf(id), ...patch } });
  const present = d.items.filter((i) => lineOf(i.itemId).outcome === "present").length;
  const submit = () => {
    setBusy(true);
    useServicesApi
      .checkReturn(d.request.id, {
        returnerName: returner,
        returnerDeclared: declared ?? 0,
        lines: d.items.map((i) => {
          const l = lineOf(i.itemId);
          return { itemId: i.itemId, outcome: l.outcome, ...(l.note ? { note: l.note } : {}) };
        }),
      })
      .then(onDone, notify.error)
      .finally(() => setBusy(false));
  };
  return (
    <Card title={m.returnCard} data-testid="return-panel">
      {d.returnChecks.map((c) => (
        <CheckResult key={c.id} c={c} d={d} onDone={onDone} />
      ))}
      {checking && (
        <>
          <Typography.Paragraph type="secondary">{m.returnHint}</Typography.Paragraph>
          <Table
            size="small"
            rowKey="itemId"
            pagination={false}
            dataSource={d.items}
            columns={[
              { title: t.retrieval.referenceCode, dataIndex: "referenceCode", width: 230 },
              { title: t.retrieval.items, dataIndex: "title", ellipsis: true },
              {
                title: m.outcome,
                width: 230,
                render: (_, i) => (
                  <Radio.Group
                    size="small"
                    optionType="button"
                    buttonStyle="solid"
                    aria-label={`${m.outcome} ${i.referenceCode ?? ""}`}
                    value={lineOf(i.itemId).outcome}
                    onChange={(e) => set(i.itemId, { outcome: e.target.value })}
                    options={(Object.keys(OUTCOME) as ReturnOutcome[]).map((k) => ({
                      value: k,
                      label: pick(OUTCOME[k]),
                    }))}
                  />
                ),
              },
              {
                title: m.note,
                width: 220,
                render: (_, i) =>
                  lineOf(i.itemId).outcome !== "present" && (
                    <Input
                      size="small"
                      aria-label={m.note}
                      value={lineOf(i.itemId).note}
                      onChange={(e) => set(i.itemId, { note: e.target.value })}
                    />
                  ),
              },
            ]}
          />
          <Space wrap style={{ marginTop: 12 }}>
            <Input
              aria-label={m.returnerName}
              placeholder={m.returnerName}
              style={{ width: 160 }}
              value={returner}
              onChange={(e) => setReturner(e.target.value)}
            />
            <span>{m.returnerDeclared}</span>
            <InputNumber aria-label={m.returnerDeclared} min={0} value={declared} onChange={setDeclared} />
            <Tag color={present === d.items.length ? "green" : "red"}>
              {m.checked(present, d.items.length)}
            </Tag>
            <Checkbox checked={joint} onChange={(e) => setJoint(e.target.checked)}>
              {m.jointConfirm}
            </Checkbox>
            <Button
              type="primary"
              data-testid="confirm-return"
              disabled={!joint || !returner || declared === null}
              loading={busy}
              onClick={submit}
            >
              {m.confirmJointly}
            </Button>
          </Space>
        </>
      )}
      {!checking && d.returnChecks.length === 0 && (
        <Typography.Text type="secondary">{m.waitingForReturn}</Typography.Text>
      )}
    </Card>
  );
}

function CheckResult({ c, d, onDone }: { c: ReturnCheck; d: RequestServices; onDone: () => void }) {
  const { t } = useI18n();
  const m = t.useServices;
  const notify = useNotify();
  const [cause, setCause] = useState("");
  const [handling, setHandling] = useState("");
  const passed = c.outcome === "passed";
  return (
    <div style={{ marginBottom: 16 }} data-testid="return-check">
      <Alert
        type={passed ? "success" : c.reportedAt ? "warning" : "error"}
        showIcon
        title={
          <Space wrap>
            <strong>{passed ? m.checkPassed : m.checkDiscrepancy}</strong>
            <span>
              {m.returnerName}：{c.returnerName}，{m.returnerDeclared}：{c.returnerDeclared}，{m.checkedAt}：
              {formatDateTime(c.checkedAt)}
            </span>
            {c.incidentId && <Link to={`/incidents/${c.incidentId}`}>{m.incident}</Link>}
          </Space>
        }
      />
      {!passed && c.reportedAt && (
        <Space direction="vertical" style={{ marginTop: 8 }}>
          <span>
            {m.report}：{m.reportIssued(formatDateTime(c.reportedAt))}{" "}
            <Button
              size="small"
              icon={<FilePdfOutlined />}
              href={useServicesApi.reportPdfUrl(c.id)}
              target="_blank"
              data-testid="report-pdf"
            >
              {m.reportPdf}
            </Button>
          </span>
          <Typography.Text type="secondary">
            {m.cause}：{c.reportCause}
          </Typography.Text>
          <Typography.Text type="secondary">
            {m.handling}：{c.reportHandling}
          </Typography.Text>
        </Space>
      )}
      {!passed && !c.reportedAt && d.permissions.serve && (
        <Space direction="vertical" style={{ width: "100%", marginTop: 8 }}>
          <Typography.Text strong>{m.report}</Typography.Text>
          <Typography.Text type="secondary">{m.reportHint}</Typography.Text>
          <Input.TextArea
            aria-label={m.cause}
            placeholder={m.cause}
            rows={2}
            value={cause}
            onChange={(e) => setCause(e.target.value)}
          />
          <Input.TextArea
            aria-label={m.handling}
            placeholder={m.handling}
            rows={2}
            value={handling}
            onChange={(e) => setHandling(e.target.value)}
          />
          <Button
            type="primary"
            disabled={!cause.trim() || !handling.trim()}
            onClick={() => useServicesApi.report(c.id, { cause, handling }).then(onDone, notify.error)}
          >
            {m.issueReport}
          </Button>
        </Space>
      )}
    </div>
  );
}
