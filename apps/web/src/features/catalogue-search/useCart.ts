// The cart: item ids per project, kept in localStorage so it survives a reload.
// A request serves one project, so each project has its own cart.
import { useCallback, useEffect, useState } from "react";

export interface CartEntry {
  id: string;
  referenceCode: string | null;
  title: string | null;
}

const key = (projectId: string) => `dangan.cart.${projectId}`;

function read(projectId: string | undefined): CartEntry[] {
  if (!projectId) return [];
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key(projectId)) ?? "[]");
    return Array.isArray(v) ? (v as CartEntry[]) : [];
  } catch {
    return [];
  }
}

export function useCart(projectId: string | undefined) {
  const [entries, setEntries] = useState<CartEntry[]>(() => read(projectId));
  useEffect(() => setEntries(read(projectId)), [projectId]);
  const save = useCallback(
    (next: CartEntry[]) => {
      if (!projectId) return;
      localStorage.setItem(key(projectId), JSON.stringify(next));
      setEntries(next);
    },
    [projectId],
  );
  return {
    entries,
    has: (id: string) => entries.some((e) => e.id === id),
    add: (e: CartEntry) => save(entries.some((x) => x.id === e.id) ? entries : [...entries, e].slice(0, 200)),
    remove: (id: string) => save(entries.filter((e) => e.id !== id)),
    clear: () => save([]),
  };
}

/** The new-request page of the use-requests module, with the cart's items. */
export const requestUrl = (projectId: string, entries: CartEntry[]) =>
  `/use-requests/new?project=${projectId}&items=${entries.map((e) => e.id).join(",")}`;
