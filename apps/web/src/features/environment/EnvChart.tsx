// A small SVG chart of downsampled readings: the allowed range as a green band
// (dashed at the limits), each bucket's min–max as a shaded area, the average
// as a line and buckets past a limit as red dots. Gaps longer than two buckets
// break the line. No chart library: the series are a few hundred points.
import { Flex, Space, Tag, Tooltip, Typography } from "antd";
import { type CSSProperties, useLayoutEffect, useRef, useState } from "react";

export interface ChartPoint {
  t: number;
  min: number | null;
  avg: number | null;
  max: number | null;
}

export interface EnvChartProps {
  title: string;
  points: ChartPoint[];
  from: number;
  to: number;
  bucketMs: number;
  band: { min: number | null; max: number; unverified?: boolean };
  formatTime: (t: number) => string;
  labels: {
    band: string;
    avg: string;
    minMax: string;
    unverified: string;
    unverifiedHelp: string;
    noData: string;
  };
  height?: number;
}

const M = { left: 44, right: 12, top: 10, bottom: 22 };

const Swatch = ({ style }: { style: CSSProperties }) => (
  <span style={{ display: "inline-block", width: 16, height: 9, verticalAlign: "middle", ...style }} />
);

function niceTicks(lo: number, hi: number, count = 5): number[] {
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((f) => f * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/** Runs of points with no gap longer than two buckets. */
function segments(points: ChartPoint[], bucketMs: number): ChartPoint[][] {
  const out: ChartPoint[][] = [];
  let run: ChartPoint[] = [];
  for (const p of points) {
    if (p.avg === null) continue;
    const last = run[run.length - 1];
    if (last && p.t - last.t > 2 * bucketMs) {
      out.push(run);
      run = [];
    }
    run.push(p);
  }
  if (run.length) out.push(run);
  return out;
}

export function EnvChart(props: EnvChartProps) {
  const { points, band, from, to, height = 180 } = props;
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(([e]) => setWidth(Math.max(280, Math.round(e!.contentRect.width))));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const values = points.flatMap((p) => [p.min, p.max]).filter((v): v is number => v !== null);
  const lo0 = Math.min(...values, band.min ?? band.max, band.max);
  const hi0 = Math.max(...values, band.max);
  const pad = Math.max((hi0 - lo0) * 0.12, 0.5);
  const lo = band.min === null ? Math.max(0, lo0 - pad) : lo0 - pad;
  const hi = hi0 + pad;
  const x = (t: number) => M.left + ((t - from) / (to - from)) * (width - M.left - M.right);
  const y = (v: number) => M.top + (1 - (v - lo) / (hi - lo)) * (height - M.top - M.bottom);
  const runs = segments(points, props.bucketMs);
  const area = (run: ChartPoint[]) =>
    `M${run.map((p) => `${x(p.t)},${y(p.max ?? p.avg!)}`).join("L")}L${[...run]
      .reverse()
      .map((p) => `${x(p.t)},${y(p.min ?? p.avg!)}`)
      .join("L")}Z`;
  const line = (run: ChartPoint[]) => `M${run.map((p) => `${x(p.t)},${y(p.avg!)}`).join("L")}`;
  const outside = points.filter(
    (p) => (p.max !== null && p.max > band.max) || (band.min !== null && p.min !== null && p.min < band.min),
  );
  const xTicks = Array.from({ length: 6 }, (_, i) => from + ((to - from) * i) / 5);
  const bandTop = y(band.max);
  const bandBottom = band.min === null ? height - M.bottom : y(band.min);

  return (
    <div ref={box} style={{ width: "100%" }} data-testid="env-chart">
      <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 4 }}>
        <Typography.Text strong>{props.title}</Typography.Text>
        <Space size={12} wrap style={{ fontSize: 12, color: "#595959" }}>
          <span>
            <Swatch style={{ background: "rgba(82,196,26,.18)", borderTop: "1px dashed #52c41a" }} />{" "}
            {props.labels.band} {band.min !== null ? `${band.min}–${band.max}` : `≤ ${band.max}`}
            {band.unverified && (
              <Tooltip title={props.labels.unverifiedHelp}>
                <Tag color="warning" style={{ marginInlineStart: 6 }} data-testid="unverified-tag">
                  {props.labels.unverified}
                </Tag>
              </Tooltip>
            )}
          </span>
          <span>
            <Swatch style={{ background: "rgba(22,119,255,.18)" }} /> {props.labels.minMax}
          </span>
          <span>
            <Swatch style={{ height: 2, background: "#1677ff" }} /> {props.labels.avg}
          </span>
        </Space>
      </Flex>
      <svg width={width} height={height} role="img" aria-label={props.title}>
        <rect
          x={M.left}
          width={width - M.left - M.right}
          y={bandTop}
          height={Math.max(0, bandBottom - bandTop)}
          fill="rgba(82,196,26,0.10)"
        />
        {[band.max, band.min].map((v) =>
          v === null ? null : (
            <line
              key={v}
              x1={M.left}
              x2={width - M.right}
              y1={y(v)}
              y2={y(v)}
              stroke="#52c41a"
              strokeDasharray="4 3"
            />
          ),
        )}
        {niceTicks(lo, hi).map((v) => (
          <g key={v}>
            <line x1={M.left} x2={width - M.right} y1={y(v)} y2={y(v)} stroke="#f0f0f0" />
            <text x={M.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#8c8c8c">
              {v}
            </text>
          </g>
        ))}
        {xTicks.map((t, i) => (
          <text
            key={t}
            x={x(t)}
            y={height - 6}
            fontSize={11}
            fill="#8c8c8c"
            textAnchor={i === 0 ? "start" : i === 5 ? "end" : "middle"}
          >
            {props.formatTime(t)}
          </text>
        ))}
        {runs.map((run) => (
          <g key={run[0]!.t}>
            <path d={area(run)} fill="rgba(22,119,255,0.16)" stroke="none" />
            <path d={line(run)} fill="none" stroke="#1677ff" strokeWidth={1.5} />
          </g>
        ))}
        {outside.map((p) => (
          <circle
            key={p.t}
            cx={x(p.t)}
            cy={y(p.max !== null && p.max > band.max ? p.max : p.min!)}
            r={2.5}
            fill="#ff4d4f"
          />
        ))}
        {points.length === 0 && (
          <text x={width / 2} y={height / 2} textAnchor="middle" fill="#8c8c8c" fontSize={13}>
            {props.labels.noData}
          </text>
        )}
      </svg>
    </div>
  );
}
