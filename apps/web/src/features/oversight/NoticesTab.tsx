// Notices (通报) published to my area (G-7).
import { Card, List, Space, Tag, Typography } from "antd";
import { ClauseTag } from "../../components/ClauseTag.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { formatDate } from "../../i18n/format.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { oversightApi } from "./api.ts";
import { SEVERITY } from "./labels.ts";
import { useList } from "./useList.ts";

export function NoticesTab() {
  const { t, pick } = useI18n();
  const o = t.oversight;
  const { list } = useList(oversightApi.notices);
  return (
    <>
      <ErrorAlert error={list.error} />
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        locale={{ emptyText: <EmptyState text={o.noNotices} /> }}
        renderItem={(n) => (
          <Card size="small" style={{ marginBottom: 12 }} data-testid="notice">
            <Space orientation="vertical" size={4} style={{ width: "100%" }}>
              <Space wrap>
                <Typography.Text strong>{n.title}</Typography.Text>
                <Tag color={SEVERITY[n.severity].color}>{pick(SEVERITY[n.severity])}</Tag>
                <ClauseTag id={n.clauseId} />
              </Space>
              <Typography.Paragraph style={{ marginBottom: 0 }}>{n.body}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {n.regulatorName} · {o.published} {formatDate(n.publishedAt)}
              </Typography.Text>
            </Space>
          </Card>
        )}
      />
    </>
  );
}
