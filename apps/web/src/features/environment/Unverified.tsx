// A limit figure with its unit, and the "unverified" mark when its source could
// not be verified (the API's `unverified` flag) — D-9.5's illuminance default.
import { Tag, Tooltip } from "antd";
import { useI18n } from "../../i18n/LocaleContext.tsx";
import type { LimitValue } from "./api.ts";

export function UnverifiedTag() {
  const { t } = useI18n();
  return (
    <Tooltip title={t.environment.unverifiedHelp}>
      <Tag color="warning" style={{ marginInlineStart: 6 }} data-testid="unverified-tag">
        {t.environment.unverified}
      </Tag>
    </Tooltip>
  );
}

export function LimitText({ v, unit, prefix = "" }: { v: LimitValue; unit: string; prefix?: string }) {
  return (
    <span>
      {prefix}
      {v.value}
      {unit}
      {v.unverified && <UnverifiedTag />}
    </span>
  );
}

/** "14–24°C" with the marks of either end. */
export function RangeText({ min, max, unit }: { min: LimitValue; max: LimitValue; unit: string }) {
  return (
    <span>
      {min.value}–{max.value}
      {unit}
      {(min.unverified || max.unverified) && <UnverifiedTag />}
    </span>
  );
}
