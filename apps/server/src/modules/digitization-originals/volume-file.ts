// Z-6.1: a volume list on disk as a header and rows, with the custody
// catalogue's streaming readers (CSV in any accepted encoding, or XLSX).
import { open } from "node:fs/promises";
import { DomainError } from "@dangan/domain";
import { formatOf, openSource } from "../catalogues/catalogue-source.ts";

/** A volume list is small; past this many rows it is a catalogue, not a list. */
const MAX_ROWS = 20_000;

export async function readVolumeFile(path: string, filename: string) {
  const fh = await open(path, "r");
  const head = Buffer.alloc(8);
  try {
    await fh.read(head, 0, 8, 0);
  } finally {
    await fh.close();
  }
  const source = await openSource(path, formatOf(filename, head), "auto");
  let header: string[] | null = null;
  const rows: { row: number; cells: string[] }[] = [];
  for await (const r of source.rows) {
    if (header === null) {
      if (r.cells.some((c) => c.trim())) header = r.cells;
      continue;
    }
    rows.push(r);
    if (rows.length > MAX_ROWS)
      throw new DomainError({
        code: "VOLUME_LIST_TOO_LONG",
        status: 413,
        message: {
          zh: `案卷清单超过 ${MAX_ROWS} 行，请分批导入`,
          en: `The volume list has more than ${MAX_ROWS} rows; import it in parts`,
        },
      });
  }
  if (header === null)
    throw new DomainError({
      code: "VOLUME_LIST_INVALID",
      status: 422,
      clause: "Z-6.1",
      message: { zh: "文件为空或没有表头", en: "The file is empty or has no header row" },
      details: { problems: [], problemCount: 0 },
    });
  return { header, rows };
}
