// Handover catalogue imports: where uploads wait for their job, and how large
// a catalogue file may be (a million-row CSV is about 150 MB).
import { join } from "node:path";

export interface CataloguesConfig {
  /** DANGAN_MAX_CATALOGUE_BYTES, default 512 MB. */
  maxUploadBytes: number;
  /** DANGAN_IMPORT_DIR, default <data folder>/imports. */
  importDir: string;
  /** DANGAN_CATALOGUE_WRITE: force "copy" or "insert" (benchmarks); default by database mode. */
  writeMethod?: "copy" | "insert" | undefined;
  /**
   * DANGAN_SEARCH_COUNT_CAP, default 200: catalogue search counts matches up to here
   * ("200+"). Each counted match is a heap visit; beyond ten pages a narrower query serves better.
   */
  searchCountCap: number;
  /** DANGAN_MAX_CATALOGUE_ROWS, default 20,000,000: rows of one import; more are refused. */
  maxRows: number;
  /**
   * DANGAN_MAX_CATALOGUE_UNPACKED_BYTES, default 8 GiB, and DANGAN_MAX_CATALOGUE_RATIO, default 200:
   * an .xlsx may unpack to at most the smaller of the cap and ratio × its size (16 MB at least) —
   * a zip bomb is refused once it passes the limit, not after filling memory or hours of parsing.
   */
  maxUnpackedBytes: number;
  maxRatio: number;
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);

export function cataloguesConfig(env: NodeJS.ProcessEnv, dataDir: string): CataloguesConfig {
  const max = env.DANGAN_MAX_CATALOGUE_BYTES;
  return {
    maxUploadBytes: max && /^\d+$/.test(max) ? Number(max) : 512 * 1024 * 1024,
    importDir: env.DANGAN_IMPORT_DIR ?? join(dataDir, "imports"),
    writeMethod:
      env.DANGAN_CATALOGUE_WRITE === "copy" || env.DANGAN_CATALOGUE_WRITE === "insert"
        ? env.DANGAN_CATALOGUE_WRITE
        : undefined,
    searchCountCap: /^\d+$/.test(env.DANGAN_SEARCH_COUNT_CAP ?? "")
      ? Number(env.DANGAN_SEARCH_COUNT_CAP)
      : 200,
    maxRows: int(env.DANGAN_MAX_CATALOGUE_ROWS, 20_000_000),
    maxUnpackedBytes: int(env.DANGAN_MAX_CATALOGUE_UNPACKED_BYTES, 8 * 1024 ** 3),
    maxRatio: int(env.DANGAN_MAX_CATALOGUE_RATIO, 200),
  };
}
