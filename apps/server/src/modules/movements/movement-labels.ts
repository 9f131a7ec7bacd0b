// Chinese names of movement kinds for exports (the glossary's terms).
import type { MovementKind } from "@dangan/db";

export const MOVEMENT_KINDS = ["intake", "shelve", "checkout", "return", "relocate", "release"] as const;

export const MOVEMENT_KIND_ZH: Record<MovementKind, string> = {
  intake: "入库",
  shelve: "上架",
  checkout: "出库",
  return: "归库",
  relocate: "归位/移位",
  release: "退还委托方",
};

/** "2026-03-10 14:05" in Shanghai time, for exports read by people. */
export function shanghaiTime(d: Date | string | null): string {
  if (!d) return "";
  const t = new Date(new Date(d).getTime() + 8 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)}`;
}
