// D-9.4, D-9.5: a vault's readings over 24 h, 7 d or 30 d (downsampled by the
// server), one chart each for temperature, humidity and illuminance, with the
// limits of the chosen sensor's zone drawn as bands.
import { Card, Flex, Segmented, Select, Space, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import { environmentApi, type Point, type Range, type Sensor } from "./api.ts";
import { EnvChart } from "./EnvChart.tsx";
import { ZONE } from "./labels.ts";

const pick3 = (points: Point[], k: "t" | "h" | "l") =>
  points.map((p) => {
    const [min, avg, max] =
      k === "t" ? [p.tMin, p.tAvg, p.tMax] : k === "h" ? [p.hMin, p.hAvg, p.hMax] : [p.lAvg, p.lAvg, p.lMax];
    return { t: Date.parse(p.t), min, avg, max };
  });

export function ChartsCard({ vaultId, sensors }: { vaultId: string; sensors: Sensor[] }) {
  const { t, pick } = useI18n();
  const e = t.environment;
  const [range, setRange] = useState<Range>("24h");
  const [sensorId, setSensorId] = useState<string | undefined>(sensors[0]?.id);
  const data = useQuery(() => environmentApi.series(vaultId, range, sensorId), [vaultId, range, sensorId]);
  const s = data.data?.series[0];
  const from = data.data ? Date.parse(data.data.from) : Date.now() - 86_400_000;
  const to = data.data ? Date.parse(data.data.to) : Date.now();
  const bucketMs = (data.data?.bucketSeconds ?? 900) * 1000;
  const formatTime = (ms: number) => dayjs(ms).format(range === "24h" ? "HH:mm" : "MM-DD");
  const labels = {
    band: e.band,
    avg: e.avg,
    minMax: e.minMax,
    unverified: e.unverified,
    unverifiedHelp: e.unverifiedHelp,
    noData: e.noData,
  };
  const l = s?.limits;

  return (
    <Card
      title={e.chart}
      extra={
        <Space wrap>
          <Select
            style={{ width: 220 }}
            aria-label={e.sensors}
            value={sensorId}
            onChange={setSensorId}
            options={sensors.map((x) => ({ value: x.id, label: `${x.code} · ${x.name}` }))}
          />
          <Segmented<Range>
            value={range}
            onChange={setRange}
            options={[
              { value: "24h", label: e.range24h },
              { value: "7d", label: e.range7d },
              { value: "30d", label: e.range30d },
            ]}
          />
        </Space>
      }
    >
      <ErrorAlert error={data.error} />
      {s && l && (
        <Flex vertical gap={20}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {pick(ZONE[s.zone])} · {e.bucket(bucketMs / 60_000)}
          </Typography.Text>
          <EnvChart
            title={e.temperature}
            points={pick3(s.points, "t")}
            {...{ from, to, bucketMs, formatTime, labels }}
            band={{
              min: l.temperatureC.min.value,
              max: l.temperatureC.max.value,
              unverified: l.temperatureC.max.unverified,
            }}
          />
          <EnvChart
            title={e.humidity}
            points={pick3(s.points, "h")}
            {...{ from, to, bucketMs, formatTime, labels }}
            band={{
              min: l.humidityPct.min.value,
              max: l.humidityPct.max.value,
              unverified: l.humidityPct.max.unverified,
            }}
          />
          <EnvChart
            title={e.lux}
            height={140}
            points={pick3(s.points, "l").filter((p) => p.max !== null)}
            {...{ from, to, bucketMs, formatTime, labels }}
            band={{ min: null, max: l.maxLux.value, unverified: l.maxLux.unverified }}
          />
        </Flex>
      )}
    </Card>
  );
}
