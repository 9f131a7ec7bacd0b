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
  };
}
