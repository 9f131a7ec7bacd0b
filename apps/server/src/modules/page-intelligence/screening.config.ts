// Classification-mark screening and OCR (Z-7.3, D-10.8): whether it runs, how
// many worker threads it may take, and what to do with files it cannot read.

export interface ScreeningConfig {
  /** DANGAN_MARK_SCREENING, default on ("off" disables it — a deployment choice that is audited at start). */
  enabled: boolean;
  /** DANGAN_OCR_WORKERS, default 2 (both cores of the reference machine): threads for screening. */
  workers: number;
  /** DANGAN_PDF_SCREEN_DPI, default 100: resolution at which PDF pages are rendered (pdftoppm) for screening. */
  pdfDpi: number;
}

const int = (v: string | undefined, d: number) => (v && /^\d+$/.test(v) ? Number(v) : d);

export function screeningConfig(env: NodeJS.ProcessEnv): ScreeningConfig {
  return {
    enabled: env.DANGAN_MARK_SCREENING !== "off",
    workers: Math.max(1, int(env.DANGAN_OCR_WORKERS, 2)),
    pdfDpi: int(env.DANGAN_PDF_SCREEN_DPI, 100),
  };
}
