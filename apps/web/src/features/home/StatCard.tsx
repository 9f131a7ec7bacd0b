// A number with a label that links to the list behind it.
import { Card, Statistic } from "antd";
import type { ReactNode } from "react";
import { useNavigate } from "react-router-dom";

export function StatCard({
  title,
  value,
  to,
  icon,
  tone,
  loading,
}: {
  title: string;
  value: number | undefined;
  to?: string;
  icon?: ReactNode;
  tone?: "danger" | "warning" | "success";
  loading?: boolean;
}) {
  const navigate = useNavigate();
  const color =
    tone === "danger"
      ? "#cf1322"
      : tone === "warning"
        ? "#d48806"
        : tone === "success"
          ? "#389e0d"
          : undefined;
  return (
    <Card
      hoverable={!!to}
      className="stat-card"
      onClick={to ? () => navigate(to) : undefined}
      styles={{ body: { padding: "16px 20px" } }}
    >
      <Statistic
        title={title}
        value={value ?? 0}
        loading={loading}
        prefix={icon}
        styles={color ? { content: { color } } : {}}
      />
    </Card>
  );
}
