// The client's sampled review (Z-7.4): draw the sample, look at each image
// (rendered by the server) beside its catalogue entry and automatic results,
// record defects or mark it reviewed, then decide the batch — never "accepted"
// over the limits or while a volume is stopped (Z-7.3).
import {
  Alert,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  List,
  Row,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { CLASS, type DeliveryView, qcApi, type Rules, type SampleItem } from "./api.ts";
import { OutcomeTag } from "./tags.tsx";

export function ReviewTab({
  delivery,
  rules,
  onChange,
}: {
  delivery: DeliveryView;
  rules: Rules | undefined;
  onChange: () => void;
}) {
  const { t, pick, lang } = useI18n();
  const m = t.digitizationQc;
  const notify = useNotify();
  const q = useQuery((s) => qcApi.sample(delivery.id, s), [delivery.id]);
  const [picked, setPicked] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const s = q.data;
  const reload = () => {
    q.reload();
    onChange();
  };
  const done = (text: string) => () => {
    notify.success(text);
    reload();
  };
  if (!s) return <ErrorAlert error={q.error} />;
  const may = s.permissions.review;
  if (!s.sample)
    return may ? (
      <Space direction="vertical">
        <Typography.Text>{m.noSample}</Typography.Text>
        <Button
          type="primary"
          data-testid="qc-draw"
          onClick={() => qcApi.drawSample(delivery.id, {}).then(done(m.drawn), notify.error)}
        >
          {m.drawSample}
        </Button>
      </Space>
    ) : (
      <Empty description={m.agencyNoSample} />
    );
  const sample = s.sample;
  const items = s.items ?? [];
  const item = items.find((i) => i.fileId === picked) ?? null;
  const open = !sample.verdict && may;
  const entry = item ? delivery.catalogue.find((c) => c.referenceCode === item.referenceCode) : undefined;
  const blockerName = (cls: string) =>
    cls === "unreviewed"
      ? m.blockUnreviewed
      : cls === "stopped"
        ? m.blockStopped
        : CLASS[cls]
          ? pick(CLASS[cls])
          : cls;
  const defectName = (k: string) => (rules?.defectTypes[k] ? rules.defectTypes[k]![lang] : k);
  return (
    <>
      <Alert
        type={sample.verdict === "accepted" ? "success" : sample.verdict === "rejected" ? "error" : "info"}
        showIcon
        style={{ marginBottom: 12 }}
        title={m.sampleInfo(sample.ratePct, sample.size, sample.population, sample.seed)}
        description={
          <>
            <div>{m.reviewedCount(items.length - (s.unreviewed ?? 0), items.length)}</div>
            {s.tally && <div>{m.tally(s.tally.critical, s.tally.major, s.tally.minor)}</div>}
            {(s.stoppedVolumes ?? []).length > 0 && (
              <div>
                {m.stoppedList((s.stoppedVolumes ?? []).join("、"))} <ClauseTag id="Z-7.3" />
              </div>
            )}
            {sample.verdict && (
              <div>
                {m.verdict}：
                <Tag color={sample.verdict === "accepted" ? "green" : "red"}>
                  {sample.verdict === "accepted" ? m.accepted : m.rejected}
                </Tag>
                {sample.verdictNote}
              </div>
            )}
          </>
        }
      />
      <Row gutter={16}>
        <Col xs={24} md={8}>
          <List
            size="small"
            bordered
            style={{ maxHeight: 560, overflow: "auto" }}
            dataSource={items}
            renderItem={(i: SampleItem) => (
              <List.Item
                onClick={() => setPicked(i.fileId)}
                style={{ cursor: "pointer", background: i.fileId === picked ? "#e6f4ff" : undefined }}
                data-testid="qc-sample-item"
              >
                <Space direction="vertical" size={0} style={{ width: "100%" }}>
                  <Typography.Text ellipsis style={{ maxWidth: 300 }}>
                    {i.path}
                  </Typography.Text>
                  <Space size={4}>
                    <OutcomeTag outcome={i.outcome} />
                    {i.reviewedAt && <Tag color="blue">{m.reviewed}</Tag>}
                    {i.defects.map((d) => (
                      <Tag key={d.id} color={CLASS[d.defectClass]?.color}>
                        {defectName(d.defectType)}
                      </Tag>
                    ))}
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} md={16}>
          {!item ? (
            <Card>
              <Empty description={m.pickImage} />
            </Card>
          ) : (
            <Card>
              <Row gutter={16}>
                <Col xs={24} lg={14}>
                  <img
                    src={qcApi.previewUrl(item.fileId)}
                    alt={item.path}
                    style={{ width: "100%", border: "1px solid #eee", background: "#fafafa" }}
                    data-testid="qc-preview"
                  />
                </Col>
                <Col xs={24} lg={10}>
                  <Descriptions size="small" column={1} title={m.catalogueEntry}>
                    <Descriptions.Item label={m.referenceCode}>{item.referenceCode ?? "—"}</Descriptions.Item>
                    <Descriptions.Item label={m.imageSeq}>{item.seq ?? "—"}</Descriptions.Item>
                    <Descriptions.Item label={m.expectedPages}>
                      {entry?.expectedPages ?? "—"}
                    </Descriptions.Item>
                    <Descriptions.Item label={m.format}>{item.format ?? "—"}</Descriptions.Item>
                    <Descriptions.Item label={m.dpi}>
                      {item.dpi ? Math.round(item.dpi) : "—"}
                    </Descriptions.Item>
                    <Descriptions.Item label={m.colour}>{item.colourMode ?? "—"}</Descriptions.Item>
                    <Descriptions.Item label={m.autoResults}>
                      <OutcomeTag outcome={item.outcome} />
                    </Descriptions.Item>
                  </Descriptions>
                  {item.defects.map((d) => (
                    <div key={d.id}>
                      <Tag color={CLASS[d.defectClass]?.color}>{pick(CLASS[d.defectClass])}</Tag>
                      {defectName(d.defectType)} {d.note}
                    </div>
                  ))}
                  {open && (
                    <Form
                      layout="vertical"
                      style={{ marginTop: 12 }}
                      onFinish={(v: { defectType: string; defectClass?: string; note?: string }) =>
                        qcApi.defect(sample.id, { fileId: item.fileId, ...v }).then(reload, notify.error)
                      }
                    >
                      <Form.Item name="defectType" label={m.defectType} rules={[{ required: true }]}>
                        <Select
                          options={Object.keys(rules?.defectTypes ?? {}).map((k) => ({
                            value: k,
                            label: defectName(k),
                          }))}
                          data-testid="qc-defect-type"
                        />
                      </Form.Item>
                      <Form.Item name="defectClass" label={m.defectClass}>
                        <Select
                          allowClear
                          options={Object.keys(CLASS).map((k) => ({ value: k, label: pick(CLASS[k]) }))}
                        />
                      </Form.Item>
                      <Form.Item name="note" label={m.note}>
                        <Input maxLength={1000} />
                      </Form.Item>
                      <Space>
                        <Button htmlType="submit" danger>
                          {m.addDefect}
                        </Button>
                        <Button
                          onClick={() => qcApi.reviewed(sample.id, item.fileId).then(reload, notify.error)}
                          data-testid="qc-reviewed"
                        >
                          {m.markReviewed}
                        </Button>
                      </Space>
                    </Form>
                  )}
                </Col>
              </Row>
            </Card>
          )}
        </Col>
      </Row>
      {open && (
        <Card style={{ marginTop: 16 }} title={m.verdict}>
          {(s.reasons ?? []).length > 0 && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title={m.blockers}
              description={(s.reasons ?? []).map((r) => (
                <div key={r.cls}>{m.blocker(blockerName(r.cls), r.found, r.allowed)}</div>
              ))}
            />
          )}
          <Space wrap>
            <Input
              style={{ width: 320 }}
              placeholder={m.verdictNote}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <Button
              type="primary"
              disabled={(s.reasons ?? []).length > 0}
              onClick={() =>
                qcApi
                  .verdict(sample.id, { verdict: "accepted", note: note || undefined })
                  .then(done(m.verdictSaved), notify.error)
              }
            >
              {m.accept}
            </Button>
            <Button
              danger
              onClick={() =>
                qcApi
                  .verdict(sample.id, { verdict: "rejected", note: note || undefined })
                  .then(done(m.verdictSaved), notify.error)
              }
              data-testid="qc-reject"
            >
              {m.reject}
            </Button>
          </Space>
        </Card>
      )}
    </>
  );
}
