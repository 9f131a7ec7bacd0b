// List filters and pagination kept in the URL, so a filtered list can be
// bookmarked, shared and linked to from the home page.
import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router-dom";

type Value = string | number | undefined | null;

export function useUrlFilters<K extends string>(keys: readonly K[], defaultPageSize = 20) {
  const [params, setParams] = useSearchParams();

  const values = useMemo(
    () =>
      Object.fromEntries(keys.map((k) => [k, params.get(k) ?? undefined])) as Record<K, string | undefined>,
    [params, keys],
  );
  const page = Math.max(1, Number(params.get("page") ?? "1") || 1);
  const pageSize = Math.max(1, Number(params.get("pageSize") ?? String(defaultPageSize)) || defaultPageSize);

  /** Changes filters; any change other than the page itself goes back to page 1. */
  const set = useCallback(
    (patch: Partial<Record<K | "page" | "pageSize", Value>>) => {
      setParams(
        (prev) => {
          const next = new URLSearchParams(prev);
          for (const [k, v] of Object.entries(patch) as [string, Value][]) {
            if (v === undefined || v === null || v === "") next.delete(k);
            else next.set(k, String(v));
          }
          if (!("page" in patch)) next.delete("page");
          return next;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  const reset = useCallback(() => setParams(new URLSearchParams(), { replace: true }), [setParams]);

  return { values, page, pageSize, set, reset };
}
