// The limits in force for each carrier zone of a vault (D-9.4, D-9.5), with the
// unverified mark next to any figure whose source is not verified.
import { Card, Table, Tag } from "antd";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { Limits, LimitValue, Zone } from "./api.ts";
import { ZONE } from "./labels.ts";
import { LimitText, RangeText } from "./Unverified.tsx";

export function originLabel(
  e: { originStandard: string; originInstallation: string; originAgency: string },
  l: Limits,
) {
  const all: LimitValue[] = [
    l.temperatureC.min,
    l.temperatureC.max,
    l.humidityPct.min,
    l.humidityPct.max,
    l.maxLux,
  ];
  if (all.some((v) => v.origin === "agency")) return <Tag color="blue">{e.originAgency}</Tag>;
  if (all.some((v) => v.origin === "installation")) return <Tag color="purple">{e.originInstallation}</Tag>;
  return <Tag>{e.originStandard}</Tag>;
}

export function LimitsCard({ zones, dominant }: { zones: { zone: Zone; limits: Limits }[]; dominant: Zone }) {
  const { t, pick } = useI18n();
  const e = t.environment;
  return (
    <Card title={e.limits}>
      <Table
        rowKey="zone"
        size="small"
        pagination={false}
        dataSource={zones}
        scroll={{ x: 760 }}
        columns={[
          {
            title: e.zone,
            dataIndex: "zone",
            render: (z: Zone) => (
              <span>
                {pick(ZONE[z])} {z === dominant && <Tag>{e.dominant}</Tag>}
              </span>
            ),
          },
          {
            title: e.tempRange,
            key: "t",
            render: (_, r) => (
              <RangeText min={r.limits.temperatureC.min} max={r.limits.temperatureC.max} unit="°C" />
            ),
          },
          {
            title: e.humidityRange,
            key: "h",
            render: (_, r) => (
              <RangeText min={r.limits.humidityPct.min} max={r.limits.humidityPct.max} unit="%" />
            ),
          },
          {
            title: e.swing,
            key: "s",
            render: (_, r) => (
              <span>
                <LimitText v={r.limits.swing.temperatureC} unit="°C" prefix="±" /> /{" "}
                <LimitText v={r.limits.swing.humidityPct} unit="%" prefix="±" />
              </span>
            ),
          },
          {
            title: e.maxLux,
            key: "l",
            render: (_, r) => <LimitText v={r.limits.maxLux} unit=" lx" prefix="≤ " />,
          },
          { title: e.origin, key: "o", render: (_, r) => originLabel(e, r.limits) },
        ]}
      />
    </Card>
  );
}
