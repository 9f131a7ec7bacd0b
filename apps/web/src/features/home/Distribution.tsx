// Counts as labelled bars; each row links to the filtered list.
import { Flex, Progress, Typography } from "antd";
import { Link } from "react-router-dom";

export interface Bucket {
  key: string;
  label: string;
  count: number;
  to: string;
  color?: string;
}

export function Distribution({ buckets }: { buckets: Bucket[] }) {
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <Flex vertical gap={10}>
      {buckets.map((b) => (
        <Flex key={b.key} align="center" gap={12}>
          <Link to={b.to} style={{ width: 128, flex: "none" }}>
            {b.label}
          </Link>
          <Progress
            percent={(b.count / max) * 100}
            showInfo={false}
            strokeColor={b.color ?? "#a8071a"}
            style={{ margin: 0, flex: 1 }}
          />
          <Typography.Text strong style={{ width: 32, textAlign: "right" }}>
            {b.count}
          </Typography.Text>
        </Flex>
      ))}
    </Flex>
  );
}
