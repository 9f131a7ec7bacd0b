// The title row of a page: title, optional subtitle, tags and actions.
import { Flex, Space, Typography } from "antd";
import type { ReactNode } from "react";

export function PageHeader({
  title,
  subtitle,
  tags,
  extra,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  tags?: ReactNode;
  extra?: ReactNode;
}) {
  return (
    <Flex justify="space-between" align="flex-start" gap={16} wrap style={{ marginBottom: 20 }}>
      <div style={{ minWidth: 0 }}>
        <Space size={12} align="center" wrap>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="page-title">
            {title}
          </Typography.Title>
          {tags}
        </Space>
        {subtitle && (
          <Typography.Paragraph type="secondary" style={{ margin: "6px 0 0" }}>
            {subtitle}
          </Typography.Paragraph>
        )}
      </div>
      {extra && <Space wrap>{extra}</Space>}
    </Flex>
  );
}
