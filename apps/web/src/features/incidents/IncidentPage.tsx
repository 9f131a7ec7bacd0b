// One incident (G-7): what happened and where it came from, the investigation,
// measures and responsibility; the supervising regulator closes it.
import { Button, Card, Checkbox, Col, Descriptions, Form, Input, Row, Space, Tag } from "antd";
import { useEffect } from "react";
import { Link, useParams } from "react-router-dom";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { PageHeader } from "../../components/PageHeader.tsx";
import { useNotify } from "../../components/useNotify.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { formatDateTime } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { incidentsApi, SEVERITY_COLOR, STATUS_COLOR } from "./api.ts";

const PARTIES = ["client", "agency", "third_party", "none"];

export function IncidentPage() {
  const { id } = useParams() as { id: string };
  const { t } = useI18n();
  const r = t.registry;
  const notify = useNotify();
  const q = useQuery(() => incidentsApi.get(id), [id]);
  const [form] = Form.useForm();
  const i = q.data;
  useEffect(() => {
    if (i) form.setFieldsValue(i);
  }, [i, form]);

  const save = async (close: boolean) => {
    const v = form.getFieldsValue();
    const body = Object.fromEntries(
      Object.entries(v).filter(([, x]) => x !== null && x !== undefined && x !== ""),
    );
    try {
      await incidentsApi.update(id, close ? { ...body, status: "closed" } : body);
      notify.success(close ? r.incidentStatus("closed") : r.saved);
      q.reload();
    } catch (e) {
      notify.error(e);
    }
  };

  return (
    <>
      <PageHeader title={i?.title ?? r.incidentsTitle} subtitle={r.incidentsSubtitle} />
      <ErrorAlert error={q.error} />
      {i && (
        <Row gutter={[16, 16]}>
          <Col xs={24} lg={10}>
            <Card size="small" title={r.title_}>
              <Descriptions column={1} size="small">
                <Descriptions.Item label={r.status}>
                  <Tag color={STATUS_COLOR[i.status]}>{r.incidentStatus(i.status)}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={r.severityCol}>
                  <Tag color={SEVERITY_COLOR[i.severity]}>{r.severity(i.severity)}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={r.project}>
                  <Link to={`/projects/${i.projectId}`}>
                    {i.projectCode} {i.projectName}
                  </Link>
                </Descriptions.Item>
                <Descriptions.Item label={r.agency}>{i.agencyName}</Descriptions.Item>
                <Descriptions.Item label={r.openedAt}>{formatDateTime(i.openedAt)}</Descriptions.Item>
                <Descriptions.Item label={`${r.source("manual")}/${r.source("system")}`}>
                  <Space size={4}>
                    {r.source(i.source)}
                    {i.sourceType && <Tag>{i.sourceType}</Tag>}
                    {i.clauseId && <ClauseTag id={i.clauseId} />}
                  </Space>
                </Descriptions.Item>
                {i.description && <Descriptions.Item label={r.content}>{i.description}</Descriptions.Item>}
              </Descriptions>
            </Card>
          </Col>
          <Col xs={24} lg={14}>
            <Card size="small" title={`${r.investigation} · ${r.responsibleParties}`}>
              <Form form={form} layout="vertical" disabled={!i.permissions.update}>
                <Form.Item name="investigation" label={r.investigation}>
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item name="measures" label={r.measures}>
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item name="responsibleParties" label={r.responsibleParties}>
                  <Checkbox.Group options={PARTIES.map((p) => ({ value: p, label: r.parties(p) }))} />
                </Form.Item>
                <Form.Item name="responsiblePeople" label={r.responsiblePeople}>
                  <Input />
                </Form.Item>
                <Form.Item name="resolution" label={r.resolution}>
                  <Input.TextArea rows={2} />
                </Form.Item>
                <Space>
                  <Button onClick={() => void save(false)}>{r.save}</Button>
                  {i.permissions.close && (
                    <Button type="primary" danger onClick={() => void save(true)}>
                      {r.close}
                    </Button>
                  )}
                </Space>
              </Form>
            </Card>
          </Col>
        </Row>
      )}
    </>
  );
}
