// Local paging and filters for a tab's server-paged list.
import { useState } from "react";

export function usePaged<F extends Record<string, string | undefined>>(initial: F) {
  const [filters, setFilters] = useState<F>(initial);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  return {
    filters,
    page: page.page,
    pageSize: page.pageSize,
    query: { ...filters, page: page.page, pageSize: page.pageSize },
    setFilter: (patch: Partial<F>) => {
      setFilters((f) => ({ ...f, ...patch }));
      setPage((p) => ({ ...p, page: 1 }));
    },
    set: (p: { page: number; pageSize: number }) => setPage(p),
  };
}
