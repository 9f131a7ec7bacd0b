// One clause, deep-linkable as /clauses/G-3, with previous/next navigation.
import { ArrowLeftOutlined, LeftOutlined, RightOutlined } from "@ant-design/icons";
import { Breadcrumb, Card, Descriptions, Result, Space, Tag, Typography } from "antd";
import { Link, useParams } from "react-router-dom";
import { clausesApi } from "../../api/endpoints.ts";
import type { ClauseModule } from "../../api/types.ts";
import { FullPageSpin } from "../../components/FullPageSpin.tsx";
import { LinkButton } from "../../components/LinkButton.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { CLAUSE_KIND, CLAUSE_MODULE } from "../../i18n/labels.ts";

export function ClauseDetailPage() {
  const { id = "" } = useParams();
  const { t, pick } = useI18n();
  const c = t.clauses;
  const clause = useQuery(() => clausesApi.get(id), [id]);
  const all = useQuery((signal) => clausesApi.list({}, signal), []);

  if (clause.error)
    return (
      <Result
        status="404"
        title={c.notFound(id)}
        extra={<LinkButton to="/clauses">{c.backToCatalogue}</LinkButton>}
      />
    );
  const d = clause.data;
  if (!d || d.id !== id) return <FullPageSpin />;

  const list = all.data?.items ?? [];
  const at = list.findIndex((x) => x.id === d.id);
  const prev = at > 0 ? list[at - 1] : undefined;
  const next = at >= 0 && at < list.length - 1 ? list[at + 1] : undefined;
  const kind = CLAUSE_KIND[d.kind];
  const module = CLAUSE_MODULE[d.module as ClauseModule];
  const duty = d.systemDuty && d.systemDuty !== "—" ? d.systemDuty : null;

  return (
    <>
      <Breadcrumb
        style={{ marginBottom: 12 }}
        items={[{ title: <Link to="/clauses">{c.title}</Link> }, { title: d.id }]}
      />
      <Card
        title={
          <Space size={10}>
            <Typography.Title level={3} style={{ margin: 0 }} className="mono" data-testid="clause-id">
              {d.id}
            </Typography.Title>
            <Tag color={kind?.color ?? "default"}>{kind ? pick(kind) : d.kind}</Tag>
            {module && <Tag>{pick(module)}</Tag>}
          </Space>
        }
        extra={
          <LinkButton to="/clauses" icon={<ArrowLeftOutlined />}>
            {c.backToCatalogue}
          </LinkButton>
        }
      >
        <Descriptions column={1} bordered styles={{ label: { width: 160 } }}>
          <Descriptions.Item label={c.gloss}>{d.gloss}</Descriptions.Item>
          <Descriptions.Item label={c.text}>
            <div className="clause-text" lang="zh-CN">
              {d.text}
            </div>
          </Descriptions.Item>
          <Descriptions.Item label={c.systemDuty}>
            {duty ?? <Typography.Text type="secondary">{c.noDuty}</Typography.Text>}
          </Descriptions.Item>
        </Descriptions>
        <Space style={{ marginTop: 16, width: "100%", justifyContent: "space-between" }}>
          {prev ? (
            <LinkButton to={`/clauses/${encodeURIComponent(prev.id)}`} icon={<LeftOutlined />}>
              {c.previous} · {prev.id}
            </LinkButton>
          ) : (
            <span />
          )}
          {next && (
            <LinkButton
              to={`/clauses/${encodeURIComponent(next.id)}`}
              icon={<RightOutlined />}
              iconPlacement="end"
            >
              {c.next} · {next.id}
            </LinkButton>
          )}
        </Space>
      </Card>
    </>
  );
}
