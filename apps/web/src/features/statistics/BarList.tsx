// Horizontal bars: one row per group, scaled to the largest.
import { Flex, Progress, Typography } from "antd";

export function BarList({
  rows,
  color = "#a8071a",
}: {
  rows: { key: string; label: string; value: number }[];
  color?: string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  return (
    <Flex vertical gap={8}>
      {rows.map((r) => (
        <Flex key={r.key} align="center" gap={12}>
          <Typography.Text ellipsis style={{ width: 200, flex: "none" }} title={r.label}>
            {r.label}
          </Typography.Text>
          <Progress
            percent={(r.value / max) * 100}
            showInfo={false}
            strokeColor={color}
            style={{ margin: 0, flex: 1 }}
          />
          <Typography.Text strong style={{ width: 64, textAlign: "right" }}>
            {r.value.toLocaleString()}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
