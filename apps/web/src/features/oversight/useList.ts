// A paged list with filters, kept in component state.
import { useState } from "react";
import type { Query } from "../../api/client.ts";
import { useQuery } from "../../hooks/useQuery.ts";

export function useList<T>(load: (q: Query, signal: AbortSignal) => Promise<T>, initial: Query = {}) {
  const [filters, setFilters] = useState<Query>(initial);
  const [paging, setPaging] = useState({ page: 1, pageSize: 20 });
  const list = useQuery(
    (signal) => load({ ...filters, ...paging }, signal),
    [JSON.stringify(filters), paging.page, paging.pageSize],
  );
  const filtered = Object.values(filters).some((v) => v !== undefined && v !== "");
  return {
    list,
    filters,
    filtered,
    set: (f: Query) => {
      setFilters({ ...filters, ...f });
      setPaging({ ...paging, page: 1 });
    },
    paging: { ...paging, set: setPaging },
  };
}

/** The export URL of the current filters. */
export const exportUrl = (path: string, filters: Query) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(filters))
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  return `${path}?${q}`;
};
