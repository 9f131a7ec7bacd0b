// Full text (Z-7.4, D-10.1): whether a checked QC delivery is OCR'd on its own,
// and how often the job writes its pages (each write is one audited transaction).

export interface PageTextConfig {
  /** DANGAN_FULL_TEXT, default on ("off": the agency starts each delivery's OCR by hand). */
  autoStart: boolean;
  /** DANGAN_FULL_TEXT_FLUSH_PAGES, default 20: pages written per transaction at most. */
  flushPages: number;
  /** DANGAN_FULL_TEXT_FLUSH_MS, default 10 s: pages read are written at least this often. */
  flushMs: number;
  /** DANGAN_FULL_TEXT_PDF_MAX_PAGES, default 1000: pages in one searchable PDF. */
  pdfMaxPages: number;
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);

export function pageTextConfig(env: NodeJS.ProcessEnv): PageTextConfig {
  return {
    autoStart: env.DANGAN_FULL_TEXT !== "off",
    flushPages: Math.max(1, int(env.DANGAN_FULL_TEXT_FLUSH_PAGES, 20)),
    flushMs: Math.max(100, int(env.DANGAN_FULL_TEXT_FLUSH_MS, 10_000)),
    pdfMaxPages: Math.max(1, int(env.DANGAN_FULL_TEXT_PDF_MAX_PAGES, 1000)),
  };
}
