// D-9.1: shelves "ordered, labelled and indexed". A vault's locations are
// generated from ranges of rows, columns, sections and shelves, each range in
// one carrier zone; a location holds at most `capacity` boxes.
import { DomainError } from "../errors/domain-error.ts";
import type { CarrierZone } from "./environment.ts";

export interface Span {
  from: number;
  to: number;
}

export interface LocationRange {
  rows: Span;
  columns: Span;
  sections: Span;
  shelves: Span;
  zone: CarrierZone;
  capacity: number;
}

export interface PlannedLocation {
  code: string;
  rowNo: number;
  columnNo: number;
  sectionNo: number;
  shelfNo: number;
  zone: CarrierZone;
  capacity: number;
}

/** One request may create at most this many locations (a large vault, in a few batches). */
export const MAX_LOCATIONS_PER_BATCH = 20_000;

const pad = (n: number) => String(n).padStart(2, "0");

/** `A-01-02-03-04`: vault prefix, row, column, section, shelf. */
export const locationCode = (prefix: string, row: number, column: number, section: number, shelf: number) =>
  `${prefix}-${pad(row)}-${pad(column)}-${pad(section)}-${pad(shelf)}`;

export const positionKey = (p: { rowNo: number; columnNo: number; sectionNo: number; shelfNo: number }) =>
  `${p.rowNo}/${p.columnNo}/${p.sectionNo}/${p.shelfNo}`;

const size = (s: Span) => s.to - s.from + 1;

export const overlapError = (codes: readonly string[]) =>
  new DomainError({
    code: "LOCATION_OVERLAP",
    status: 409,
    clause: "D-9.1",
    message: {
      zh: `库位已存在或范围重叠（${codes.length} 个），未生成任何库位`,
      en: `${codes.length} location(s) already exist or overlap; nothing was generated`,
    },
    details: { count: codes.length, codes: codes.slice(0, 20) },
  });

/** Every location of the ranges, refused as a whole when the ranges overlap or are too many. */
export function planLocations(prefix: string, ranges: readonly LocationRange[]): PlannedLocation[] {
  for (const r of ranges) {
    for (const s of [r.rows, r.columns, r.sections, r.shelves]) {
      if (s.from < 1 || s.to < s.from)
        throw new DomainError({
          code: "LOCATION_RANGE_INVALID",
          status: 422,
          clause: "D-9.1",
          message: { zh: "库位范围的起止号有误", en: "A range must run from 1 or more up to its end" },
          details: { from: s.from, to: s.to },
        });
    }
  }
  const total = ranges.reduce(
    (n, r) => n + size(r.rows) * size(r.columns) * size(r.sections) * size(r.shelves),
    0,
  );
  if (total > MAX_LOCATIONS_PER_BATCH)
    throw new DomainError({
      code: "LOCATION_BATCH_TOO_LARGE",
      status: 422,
      message: {
        zh: `一次最多生成 ${MAX_LOCATIONS_PER_BATCH} 个库位（本次 ${total} 个）`,
        en: `At most ${MAX_LOCATIONS_PER_BATCH} locations per batch (asked for ${total})`,
      },
      details: { total, max: MAX_LOCATIONS_PER_BATCH },
    });
  const seen = new Set<string>();
  const dup: string[] = [];
  const out: PlannedLocation[] = [];
  for (const r of ranges)
    for (let row = r.rows.from; row <= r.rows.to; row++)
      for (let col = r.columns.from; col <= r.columns.to; col++)
        for (let sec = r.sections.from; sec <= r.sections.to; sec++)
          for (let shelf = r.shelves.from; shelf <= r.shelves.to; shelf++) {
            const p = {
              code: locationCode(prefix, row, col, sec, shelf),
              rowNo: row,
              columnNo: col,
              sectionNo: sec,
              shelfNo: shelf,
              zone: r.zone,
              capacity: r.capacity,
            };
            const key = positionKey(p);
            if (seen.has(key)) dup.push(p.code);
            seen.add(key);
            out.push(p);
          }
  if (dup.length) throw overlapError(dup);
  return out;
}

/** D-9.1: a location holds at most `capacity` boxes. */
export function assertLocationHasRoom(loc: { code: string; capacity: number }, occupied: number): void {
  if (occupied < loc.capacity) return;
  throw new DomainError({
    code: "LOCATION_FULL",
    status: 409,
    clause: "D-9.1",
    message: {
      zh: `库位 ${loc.code} 已满（容量 ${loc.capacity} 盒）`,
      en: `Location ${loc.code} is full (capacity ${loc.capacity} boxes)`,
    },
    details: { code: loc.code, capacity: loc.capacity, occupied },
  });
}
