// D-9.4, D-9.5: readings uploaded as CSV (a logger's export). Every problem is
// reported by file row (the header is row 1) and column, in Chinese and English;
// one problem refuses the whole file.
import type { Message } from "../errors/domain-error.ts";

export type ReadingColumn = "sensorCode" | "at" | "temperatureC" | "humidityPct" | "lux";

const HEADERS: Record<ReadingColumn, { aliases: string[]; label: Message }> = {
  sensorCode: {
    aliases: ["sensor_code", "sensor", "传感器编号", "传感器"],
    label: { zh: "传感器编号", en: "sensor code" },
  },
  at: { aliases: ["at", "time", "timestamp", "时间", "测量时间"], label: { zh: "时间", en: "time" } },
  temperatureC: {
    aliases: ["temperature_c", "temperature", "温度", "温度(℃)", "温度(°c)"],
    label: { zh: "温度", en: "temperature" },
  },
  humidityPct: {
    aliases: ["humidity_pct", "humidity", "湿度", "相对湿度", "湿度(%)"],
    label: { zh: "湿度", en: "humidity" },
  },
  lux: { aliases: ["lux", "illuminance", "照度", "照度(lx)"], label: { zh: "照度", en: "illuminance" } },
};

const RANGES: Partial<Record<ReadingColumn, [number, number]>> = {
  temperatureC: [-40, 80],
  humidityPct: [0, 100],
  lux: [0, 200_000],
};

export interface ReadingImportProblem {
  /** File row; 0 for the file as a whole. */
  row: number;
  column: ReadingColumn | null;
  value?: string;
  message: Message;
}

export interface ImportedReading {
  row: number;
  sensorCode: string;
  at: Date;
  temperatureC: number | null;
  humidityPct: number | null;
  lux: number | null;
}

/** RFC 4180 fields: quotes, doubled quotes, commas and newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = "";
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  const src = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endField();
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && src[i + 1] === "\n") i++;
      endRow();
    } else field += c;
  }
  if (field !== "" || row.length) endRow();
  return rows;
}

/** ISO 8601 with an offset, or `YYYY-MM-DD HH:mm[:ss]` read as Shanghai time (+08:00). */
export function parseReadingTime(v: string): Date | null {
  const local = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(v);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    const p = (x: string | undefined) => (x ?? "0").padStart(2, "0");
    v = `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}:${p(s)}+08:00`;
  } else if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v)) return null;
  const at = new Date(v);
  return Number.isNaN(at.getTime()) ? null : at;
}

const problem = (
  row: number,
  column: ReadingColumn | null,
  detail: Message,
  value?: string,
): ReadingImportProblem => {
  const label = column ? HEADERS[column].label : null;
  return {
    row,
    column,
    ...(value !== undefined ? { value: value.slice(0, 100) } : {}),
    message: label
      ? { zh: `第${row}行“${label.zh}”：${detail.zh}`, en: `Row ${row}, ${label.en}: ${detail.en}` }
      : { zh: `第${row}行：${detail.zh}`, en: `Row ${row}: ${detail.en}` },
  };
};

/** Reads the file; `known` are the codes of the vault's sensors. */
export function readReadingCsv(
  text: string,
  known: ReadonlySet<string>,
  maxRows = 100_000,
): { readings: ImportedReading[]; problems: ReadingImportProblem[] } {
  const table = parseCsv(text).filter((r) => r.some((c) => c.trim() !== ""));
  const problems: ReadingImportProblem[] = [];
  const header = table[0];
  if (!header)
    return { readings: [], problems: [problem(0, null, { zh: "文件为空", en: "the file is empty" })] };
  const index = new Map<ReadingColumn, number>();
  header.forEach((h, i) => {
    const key = h.trim().toLowerCase();
    const col = (Object.keys(HEADERS) as ReadingColumn[]).find((c) => HEADERS[c].aliases.includes(key));
    if (col && !index.has(col)) index.set(col, i);
  });
  for (const need of ["sensorCode", "at"] as const)
    if (!index.has(need)) problems.push(problem(1, need, { zh: "缺少该列", en: "the column is missing" }));
  if (table.length < 2) problems.push(problem(0, null, { zh: "没有数据行", en: "there are no data rows" }));
  if (table.length - 1 > maxRows)
    problems.push(problem(0, null, { zh: `数据行超过${maxRows}行`, en: `more than ${maxRows} data rows` }));
  if (problems.length) return { readings: [], problems };

  const readings: ImportedReading[] = [];
  const seen = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (c: ReadingColumn) => (index.has(c) ? (cells[index.get(c)!] ?? "").trim() : "");
    const before = problems.length;
    const code = cell("sensorCode");
    if (!code) problems.push(problem(row, "sensorCode", { zh: "必填", en: "required" }));
    else if (!known.has(code))
      problems.push(
        problem(row, "sensorCode", { zh: "不是本库房的传感器", en: "not a sensor of this vault" }, code),
      );
    const at = parseReadingTime(cell("at"));
    if (!at)
      problems.push(
        problem(
          row,
          "at",
          { zh: "时间格式应为 2026-05-01 08:00 或 ISO 8601", en: "expected 2026-05-01 08:00 or ISO 8601" },
          cell("at"),
        ),
      );
    const values: Partial<Record<ReadingColumn, number | null>> = {};
    for (const c of ["temperatureC", "humidityPct", "lux"] as const) {
      const raw = cell(c);
      if (raw === "") values[c] = null;
      else {
        const n = Number(raw);
        const [lo, hi] = RANGES[c]!;
        if (!Number.isFinite(n)) problems.push(problem(row, c, { zh: "不是数字", en: "not a number" }, raw));
        else if (n < lo || n > hi)
          problems.push(
            problem(row, c, { zh: `应在${lo}至${hi}之间`, en: `must be between ${lo} and ${hi}` }, raw),
          );
        else values[c] = n;
      }
    }
    if (
      values.temperatureC == null &&
      values.humidityPct == null &&
      values.lux == null &&
      problems.length === before
    )
      problems.push(
        problem(row, null, {
          zh: "温度、湿度、照度至少填一项",
          en: "give temperature, humidity or illuminance",
        }),
      );
    if (problems.length > before || !at) return;
    const key = `${code}|${at.getTime()}`;
    const first = seen.get(key);
    if (first) {
      problems.push(
        problem(row, "at", { zh: `与第${first}行重复`, en: `duplicates row ${first}` }, cell("at")),
      );
      return;
    }
    seen.set(key, row);
    readings.push({
      row,
      sensorCode: code,
      at,
      temperatureC: values.temperatureC ?? null,
      humidityPct: values.humidityPct ?? null,
      lux: values.lux ?? null,
    });
  });
  return { readings, problems };
}

/** A row whose sensor already has a reading at that time. */
export const duplicateHeldProblem = (row: number, at: string) =>
  problem(
    row,
    "at",
    { zh: "该传感器在此时间已有读数", en: "this sensor already has a reading at that time" },
    at,
  );
