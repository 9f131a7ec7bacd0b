// Stacked columns per period (one colour per series), with a legend. Plain
// HTML so that no chart library is needed.
import { Flex, Space, Tooltip, Typography } from "antd";

export interface Series {
  key: string;
  label: string;
  color: string;
}

export function ColumnChart({
  periods,
  series,
  value,
  height = 180,
}: {
  periods: string[];
  series: Series[];
  value: (period: string, series: string) => number;
  height?: number;
}) {
  const totals = periods.map((p) => series.reduce((n, s) => n + value(p, s.key), 0));
  const max = Math.max(1, ...totals);
  return (
    <div>
      <Flex align="flex-end" gap={12} style={{ height, borderBottom: "1px solid #d9d9d9", padding: "0 8px" }}>
        {periods.map((p, i) => (
          <Tooltip key={p} title={series.map((s) => `${s.label} ${value(p, s.key)}`).join(" · ")}>
            <Flex vertical align="center" style={{ flex: "1 1 0", maxWidth: 64 }}>
              <Typography.Text style={{ fontSize: 12 }}>{totals[i]}</Typography.Text>
              <Flex vertical style={{ width: "100%", height: ((totals[i] ?? 0) / max) * (height - 24) }}>
                {series.map((s) => {
                  const v = value(p, s.key);
                  return v ? <div key={s.key} style={{ flex: v, background: s.color }} /> : null;
                })}
              </Flex>
            </Flex>
          </Tooltip>
        ))}
      </Flex>
      <Flex gap={12} style={{ padding: "4px 8px 0" }}>
        {periods.map((p) => (
          <Typography.Text
            key={p}
            type="secondary"
            style={{ flex: "1 1 0", maxWidth: 64, fontSize: 12, textAlign: "center" }}
          >
            {p}
          </Typography.Text>
        ))}
      </Flex>
      <Space size={16} wrap style={{ marginTop: 12 }}>
        {series.map((s) => (
          <Space key={s.key} size={6}>
            <span
              style={{ display: "inline-block", width: 10, height: 10, background: s.color, borderRadius: 2 }}
            />
            <Typography.Text style={{ fontSize: 12 }}>{s.label}</Typography.Text>
          </Space>
        ))}
      </Space>
    </div>
  );
}
