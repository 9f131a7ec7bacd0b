// One clause: id, kind, English gloss, the Chinese text and the platform's duty.
import { Card, Space, Tag, Typography } from "antd";
import { Link } from "react-router-dom";
import type { Clause } from "../../api/types.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { CLAUSE_KIND } from "../../i18n/labels.ts";

export function ClauseCard({ clause: c, compact = false }: { clause: Clause; compact?: boolean }) {
  const { t, pick } = useI18n();
  const kind = CLAUSE_KIND[c.kind];
  const duty = c.systemDuty && c.systemDuty !== "—" ? c.systemDuty : null;
  return (
    <Card size="small" data-clause-id={c.id} className="clause-card">
      <Space size={8} wrap style={{ marginBottom: 8 }}>
        <Link to={`/clauses/${encodeURIComponent(c.id)}`}>
          <Tag color="volcano" style={{ fontSize: 13, padding: "2px 8px" }} className="mono">
            {c.id}
          </Tag>
        </Link>
        <Tag color={kind?.color ?? "default"}>{kind ? pick(kind) : c.kind}</Tag>
        <Typography.Text strong>{c.gloss}</Typography.Text>
      </Space>
      <Typography.Paragraph
        className="clause-text"
        style={{ marginBottom: duty ? 8 : 0 }}
        lang="zh-CN"
        {...(compact ? { ellipsis: { rows: 3, expandable: true, symbol: t.common.detail } } : {})}
      >
        {c.text}
      </Typography.Paragraph>
      {duty && (
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          <Typography.Text type="secondary" strong>
            {t.clauses.systemDuty}:
          </Typography.Text>{" "}
          {duty}
        </Typography.Paragraph>
      )}
    </Card>
  );
}
