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
}

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
  };
}
