// Which files may be attached, checked by content (magic bytes) and not only
// by name, so a renamed executable is refused (ASVS 12.2).
import { DomainError } from "@dangan/domain";

interface Kind {
  mediaType: string;
  extensions: string[];
  matches: (head: Buffer) => boolean;
}

const starts = (sig: number[]) => (h: Buffer) => sig.every((b, i) => h[i] === b);
const ZIP = starts([0x50, 0x4b, 0x03, 0x04]);
const OLE = starts([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Text: no NUL bytes in the first bytes. Encoding is not judged here. */
const TEXT = (h: Buffer) => !h.includes(0);

const KINDS: Kind[] = [
  { mediaType: "application/pdf", extensions: ["pdf"], matches: starts([0x25, 0x50, 0x44, 0x46, 0x2d]) },
  {
    mediaType: "image/png",
    extensions: ["png"],
    matches: starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  },
  { mediaType: "image/jpeg", extensions: ["jpg", "jpeg"], matches: starts([0xff, 0xd8, 0xff]) },
  {
    mediaType: "image/tiff",
    extensions: ["tif", "tiff"],
    matches: (h) => starts([0x49, 0x49, 0x2a, 0x00])(h) || starts([0x4d, 0x4d, 0x00, 0x2a])(h),
  },
  {
    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    extensions: ["docx"],
    matches: ZIP,
  },
  {
    mediaType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extensions: ["xlsx"],
    matches: ZIP,
  },
  { mediaType: "application/ofd", extensions: ["ofd"], matches: ZIP },
  { mediaType: "application/msword", extensions: ["doc"], matches: OLE },
  { mediaType: "application/vnd.ms-excel", extensions: ["xls"], matches: OLE },
  { mediaType: "text/csv", extensions: ["csv"], matches: TEXT },
  { mediaType: "text/plain", extensions: ["txt"], matches: TEXT },
];

export const ALLOWED_EXTENSIONS = KINDS.flatMap((k) => k.extensions);

/** The media type for a file whose name and first bytes agree, or a refusal. */
export function mediaTypeFor(filename: string, head: Buffer): string {
  const ext = filename.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? "";
  const kind = KINDS.find((k) => k.extensions.includes(ext));
  if (kind && head.length > 0 && kind.matches(head)) return kind.mediaType;
  throw new DomainError({
    code: "UNSUPPORTED_FILE_TYPE",
    status: 415,
    message: {
      zh: `不支持的文件类型，或文件内容与扩展名不符。允许：${ALLOWED_EXTENSIONS.join("、")}`,
      en: `Unsupported file type, or content does not match the extension. Allowed: ${ALLOWED_EXTENSIONS.join(", ")}`,
    },
    details: { filename, extension: ext },
  });
}

/** Keeps a display name safe: no path parts, no control characters. */
export function safeFilename(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? "file";
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim()
    .slice(0, 200);
  return cleaned === "" || cleaned === "." || cleaned === ".." ? "file" : cleaned;
}
