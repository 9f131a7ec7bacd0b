// Digitization QC: where deliveries are unpacked and how large an uploaded
// archive, its unpacked content and one image may be (zip bombs are refused).
import { join } from "node:path";

export interface QcConfig {
  /** DANGAN_QC_DIR, default <data folder>/digitization-qc: unpacked deliveries. */
  dir: string;
  /** DANGAN_QC_MAX_UPLOAD_BYTES, default 4 GiB: one uploaded zip/tar archive. */
  maxUploadBytes: number;
  /** DANGAN_QC_MAX_UNPACKED_BYTES, default 16 GiB: everything one archive unpacks to. */
  maxUnpackedBytes: number;
  /** DANGAN_QC_MAX_ENTRIES, default 200,000 files in one delivery. */
  maxEntries: number;
  /** DANGAN_QC_MAX_RATIO, default 200: an entry unpacking to more than this × its packed size is a bomb. */
  maxRatio: number;
  /** DANGAN_QC_MAX_PIXELS, default 150 megapixels (A2 at 600 dpi is 139): larger images are not decoded. */
  maxPixels: number;
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);

export function qcConfig(env: NodeJS.ProcessEnv, dataDir: string): QcConfig {
  return {
    dir: env.DANGAN_QC_DIR ?? join(dataDir, "digitization-qc"),
    maxUploadBytes: int(env.DANGAN_QC_MAX_UPLOAD_BYTES, 4 * 1024 ** 3),
    maxUnpackedBytes: int(env.DANGAN_QC_MAX_UNPACKED_BYTES, 16 * 1024 ** 3),
    maxEntries: int(env.DANGAN_QC_MAX_ENTRIES, 200_000),
    maxRatio: int(env.DANGAN_QC_MAX_RATIO, 200),
    maxPixels: int(env.DANGAN_QC_MAX_PIXELS, 150_000_000),
  };
}
