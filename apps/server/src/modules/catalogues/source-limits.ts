// Limits on what one catalogue or volume-list file may hold, so that a hostile
// file is refused with its row instead of exhausting memory: a row wider than
// Excel's widest sheet, a cell past a megabyte, an .xlsx that unpacks too far.

/** Excel's own limits: 16,384 columns and 1,048,576 rows per sheet. */
export const MAX_COLUMNS = 16_384;
export const MAX_XLSX_ROWS = 1_048_576;
/** No catalogue row comes near this (a title is at most 1,000 characters); a cell or row past it is refused. */
export const MAX_CELL_CHARS = 1024 * 1024;
/** The least an .xlsx may unpack to, whatever its size (small files have high ratios). */
export const MIN_UNPACKED_ALLOWANCE = 16 * 1024 * 1024;

export interface SourceLimits {
  /** Bytes the xlsx's XML may unpack to (see CataloguesConfig). */
  maxUnpackedBytes: number;
  maxRatio: number;
}

export const DEFAULT_SOURCE_LIMITS: SourceLimits = { maxUnpackedBytes: 8 * 1024 ** 3, maxRatio: 200 };

/** The unpacked-byte allowance for an .xlsx of `size` bytes. */
export const unpackedAllowance = (size: number, l: SourceLimits) =>
  Math.min(l.maxUnpackedBytes, Math.max(MIN_UNPACKED_ALLOWANCE, size * l.maxRatio));

export const tooWide = (row: number) =>
  new Error(`第${row}行超过${MAX_COLUMNS}列 / row ${row} has more than ${MAX_COLUMNS} columns`);
export const cellTooLarge = (row: number) =>
  new Error(`第${row}行超过 100 万个字符 / row ${row} is longer than a million characters`);
