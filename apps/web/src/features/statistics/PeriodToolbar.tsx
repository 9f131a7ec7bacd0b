// Period (month, quarter, year) and date range for the per-period tables.
import { DatePicker, Flex, Segmented } from "antd";
import dayjs from "dayjs";
import type { ReactNode } from "react";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { Period } from "./api.ts";

export interface PeriodQuery {
  period: Period;
  from: string;
  to: string;
}

export const defaultPeriodQuery = (): PeriodQuery => ({
  period: "month",
  from: dayjs().startOf("year").format("YYYY-MM-DD"),
  to: dayjs().endOf("year").format("YYYY-MM-DD"),
});

/** Every period label from `from` to `to`, as the server names them (2026-03, 2026-Q1, 2026). */
export function periodsBetween({ period, from, to }: PeriodQuery): string[] {
  const out: string[] = [];
  const unit = period === "month" ? "month" : period === "quarter" ? "quarter" : "year";
  let d = dayjs(from).startOf(unit === "quarter" ? "month" : unit);
  if (unit === "quarter") d = d.month(Math.floor(d.month() / 3) * 3);
  const end = dayjs(to);
  while (!d.isAfter(end) && out.length < 240) {
    out.push(
      period === "month"
        ? d.format("YYYY-MM")
        : period === "quarter"
          ? `${d.year()}-Q${Math.floor(d.month() / 3) + 1}`
          : String(d.year()),
    );
    d = d.add(period === "month" ? 1 : period === "quarter" ? 3 : 12, "month");
  }
  return out;
}

export function PeriodToolbar({
  value,
  onChange,
  extra,
}: {
  value: PeriodQuery;
  onChange: (q: PeriodQuery) => void;
  extra: ReactNode;
}) {
  const { t } = useI18n();
  const s = t.statistics;
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Flex gap={12} wrap>
        <Segmented
          value={value.period}
          onChange={(period) => onChange({ ...value, period: period as Period })}
          options={[
            { value: "month", label: s.month },
            { value: "quarter", label: s.quarter },
            { value: "year", label: s.year },
          ]}
        />
        <DatePicker.RangePicker
          aria-label={s.range}
          allowClear={false}
          value={[dayjs(value.from), dayjs(value.to)]}
          onChange={(r) =>
            r?.[0] &&
            r[1] &&
            onChange({ ...value, from: r[0].format("YYYY-MM-DD"), to: r[1].format("YYYY-MM-DD") })
          }
        />
      </Flex>
      {extra}
    </Flex>
  );
}
