// What a delivered file is, from its first bytes (not its name): an image
// format, a PDF, package metadata, an executable or something else.
import type { DeliveryFormat, QcFileKind } from "@dangan/domain";

export interface Sniffed {
  kind: QcFileKind;
  format: DeliveryFormat | null;
  /** The extension promised an image the content is not. */
  mismatch: boolean;
}

const EXEC_EXT = /\.(exe|dll|bat|cmd|com|scr|msi|ps1|vbs|js|jar|sh|bin|app|apk|so|dylib)$/i;
const METADATA =
  /^(manifest-\w+\.txt|tagmanifest-\w+\.txt|bag-?info\.txt|bagit\.txt|说明文件\.txt|catalogue\.csv|[^/]*\.xml)$/i;
const EXT_FORMAT: [RegExp, DeliveryFormat][] = [
  [/\.tiff?$/i, "tiff"],
  [/\.jpe?g$/i, "jpeg"],
  [/\.(jp2|j2k|jpf|jpx)$/i, "jp2"],
  [/\.pdf$/i, "pdf"],
];
const OTHER_IMAGE = /\.(png|gif|bmp|webp|heic|ofd)$/i;

const starts = (b: Buffer, bytes: number[]) => bytes.every((x, i) => b[i] === x);

export function formatOfContent(head: Buffer): DeliveryFormat | null {
  if (starts(head, [0x49, 0x49, 0x2a, 0x00]) || starts(head, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  if (starts(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (starts(head, [0, 0, 0, 0x0c, 0x6a, 0x50, 0x20, 0x20, 0x0d, 0x0a, 0x87, 0x0a])) return "jp2";
  if (starts(head, [0xff, 0x4f, 0xff, 0x51])) return "jp2";
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return "pdf";
  return null;
}

function executable(head: Buffer, name: string): boolean {
  return (
    EXEC_EXT.test(name) ||
    starts(head, [0x4d, 0x5a]) || // MZ: Windows
    starts(head, [0x7f, 0x45, 0x4c, 0x46]) || // ELF
    starts(head, [0xcf, 0xfa, 0xed, 0xfe]) || // Mach-O
    starts(head, [0x23, 0x21]) // #! script
  );
}

export function sniff(path: string, head: Buffer): Sniffed {
  const name = path.split("/").pop() ?? path;
  if (executable(head, name)) return { kind: "executable", format: null, mismatch: false };
  const byContent = formatOfContent(head);
  if (byContent) return { kind: byContent === "pdf" ? "pdf" : "image", format: byContent, mismatch: false };
  if (!path.includes("/") && METADATA.test(name)) return { kind: "metadata", format: null, mismatch: false };
  const byName = EXT_FORMAT.find(([re]) => re.test(name))?.[1];
  if (byName) return { kind: byName === "pdf" ? "pdf" : "image", format: byName, mismatch: true };
  if (OTHER_IMAGE.test(name)) return { kind: "image", format: null, mismatch: false };
  return { kind: "other", format: null, mismatch: false };
}
