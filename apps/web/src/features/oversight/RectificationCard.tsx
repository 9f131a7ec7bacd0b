// G-7: open and overdue rectification orders, for every party's home page.
import { Card, Col, List, Row, Statistic, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { oversightApi } from "./api.ts";

export function RectificationCard() {
  const { t } = useI18n();
  const o = t.oversight;
  const s = useQuery(() => oversightApi.summary(), []);
  const d = s.data;
  return (
    <Card
      title={o.cardTitle}
      size="small"
      loading={s.loading}
      extra={<Link to="/oversight?tab=orders">{o.viewAll}</Link>}
      data-testid="rectification-card"
    >
      {d && (
        <>
          <Row gutter={16} style={{ marginBottom: 8 }}>
            <Col span={12}>
              <Statistic title={o.cardOpen} value={d.open} />
            </Col>
            <Col span={12}>
              <Statistic
                title={o.cardOverdue}
                value={d.overdue}
                styles={{ content: { color: d.overdue ? "#cf1322" : undefined } }}
              />
            </Col>
          </Row>
          <List
            size="small"
            dataSource={d.overdueItems}
            locale={{ emptyText: o.cardNone }}
            renderItem={(r) => (
              <List.Item>
                <Link to={`/oversight/rectifications/${r.id}`}>
                  <ClauseTag id={r.clauseId} /> <Typography.Text>{r.requirement}</Typography.Text>
                </Link>
                <Tag color="red">
                  {o.overdue} {r.deadline}
                </Tag>
              </List.Item>
            )}
          />
        </>
      )}
    </Card>
  );
}
