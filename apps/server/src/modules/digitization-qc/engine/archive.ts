// Unpacks an uploaded delivery archive (zip, tar, tar.gz) into a fresh folder,
// refusing what would escape it or flood the disk: absolute or ".." paths,
// links, devices, encrypted entries, too many entries, too many bytes, and
// entries that unpack far beyond their packed size (zip bombs).
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import { dirname, resolve, sep } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import { DomainError } from "@dangan/domain";
import tar from "tar-stream";
import yauzl from "yauzl";

export interface UnpackLimits {
  maxUnpackedBytes: number;
  maxEntries: number;
  maxRatio: number;
}

export const unsafeArchive = (entry: string, why: { zh: string; en: string }) =>
  new DomainError({
    code: "ARCHIVE_UNSAFE",
    status: 422,
    message: {
      zh: `压缩包条目“${entry}”被拒绝：${why.zh}`,
      en: `Archive entry "${entry}" refused: ${why.en}`,
    },
    details: { entry },
  });

const tooBig = (what: { zh: string; en: string }, limit: number) =>
  new DomainError({
    code: "ARCHIVE_TOO_LARGE",
    status: 413,
    message: {
      zh: `压缩包${what.zh}超过限值 ${limit}`,
      en: `The archive's ${what.en} exceeds the limit of ${limit}`,
    },
    details: { limit },
  });

export const notAnArchive = () =>
  new DomainError({
    code: "ARCHIVE_UNSUPPORTED",
    status: 415,
    message: { zh: "请上传 zip、tar 或 tar.gz 压缩包", en: "Upload a zip, tar or tar.gz archive" },
  });

/** A safe relative path inside the target folder, or a refusal. */
export function safeEntryPath(root: string, name: string): string {
  const clean = name.replace(/\\/g, "/");
  if (clean.startsWith("/") || /^[a-zA-Z]:/.test(clean) || clean.split("/").some((p) => p === ".."))
    throw unsafeArchive(name, { zh: "路径指向解压目录之外", en: "its path leaves the delivery folder" });
  const target = resolve(root, clean);
  if (!target.startsWith(resolve(root) + sep))
    throw unsafeArchive(name, { zh: "路径指向解压目录之外", en: "its path leaves the delivery folder" });
  return target;
}

/** Counts bytes as they are written and stops at the limit, whatever the header said. */
function counter(state: { bytes: number }, limits: UnpackLimits, name: string, packed: number | null) {
  let mine = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      mine += chunk.length;
      state.bytes += chunk.length;
      if (state.bytes > limits.maxUnpackedBytes)
        return done(tooBig({ zh: "解压后总大小", en: "unpacked size" }, limits.maxUnpackedBytes));
      if (packed !== null && mine > 1024 * 1024 && mine > packed * limits.maxRatio)
        return done(
          unsafeArchive(name, {
            zh: "压缩比异常（疑似压缩炸弹）",
            en: "it unpacks far beyond its size (zip bomb)",
          }),
        );
      done(null, chunk);
    },
  });
}

export async function archiveKind(path: string): Promise<"zip" | "tar" | "tgz" | null> {
  const fh = await open(path, "r");
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await fh.read(head, 0, 512, 0);
    if (head[0] === 0x50 && head[1] === 0x4b) return "zip";
    if (head[0] === 0x1f && head[1] === 0x8b) return "tgz";
    if (bytesRead >= 262 && head.toString("latin1", 257, 262) === "ustar") return "tar";
    return null;
  } finally {
    await fh.close();
  }
}

export async function unpack(
  archive: string,
  into: string,
  limits: UnpackLimits,
): Promise<{ files: number; bytes: number }> {
  const kind = await archiveKind(archive);
  if (!kind) throw notAnArchive();
  await mkdir(into, { recursive: true });
  return kind === "zip" ? unzip(archive, into, limits) : untar(archive, into, limits, kind === "tgz");
}

function unzip(
  archive: string,
  into: string,
  limits: UnpackLimits,
): Promise<{ files: number; bytes: number }> {
  const state = { bytes: 0, files: 0 };
  return new Promise((done, fail) => {
    yauzl.open(archive, { lazyEntries: true, validateEntrySizes: true, decodeStrings: false }, (err, zip) => {
      if (err || !zip) return fail(err ? notAnArchiveOr(err) : notAnArchive());
      const stop = (e: unknown) => {
        zip.close();
        fail(e instanceof DomainError ? e : notAnArchiveOr(e as Error));
      };
      zip.on("error", stop);
      zip.on("end", () => done({ files: state.files, bytes: state.bytes }));
      zip.on("entry", (entry: yauzl.Entry) => {
        (async () => {
          const name = entryName(entry);
          const target = safeEntryPath(into, name);
          const mode = (entry.externalFileAttributes >>> 16) & 0o170000;
          if (mode === 0o120000)
            throw unsafeArchive(name, { zh: "不接受符号链接", en: "links are not accepted" });
          if ((entry.generalPurposeBitFlag & 1) !== 0)
            throw unsafeArchive(name, { zh: "条目已加密", en: "the entry is encrypted" });
          if (name.endsWith("/")) {
            await mkdir(target, { recursive: true });
            return;
          }
          if (++state.files > limits.maxEntries)
            throw tooBig({ zh: "文件数", en: "file count" }, limits.maxEntries);
          if (state.bytes + entry.uncompressedSize > limits.maxUnpackedBytes)
            throw tooBig({ zh: "解压后总大小", en: "unpacked size" }, limits.maxUnpackedBytes);
          if (
            entry.uncompressedSize > 1024 * 1024 &&
            entry.uncompressedSize > entry.compressedSize * limits.maxRatio
          )
            throw unsafeArchive(name, {
              zh: "压缩比异常（疑似压缩炸弹）",
              en: "it unpacks far beyond its size (zip bomb)",
            });
          await mkdir(dirname(target), { recursive: true });
          const read = await new Promise<NodeJS.ReadableStream>((ok, ko) =>
            zip.openReadStream(entry, (e, s) => (e || !s ? ko(e) : ok(s))),
          );
          await pipeline(
            read,
            counter(state, limits, name, entry.compressedSize),
            createWriteStream(target, { flags: "wx" }),
          );
        })().then(() => zip.readEntry(), stop);
      });
      zip.readEntry();
    });
  });
}

/** Names without the UTF-8 flag come from Chinese Windows tools: GB18030, not CP437. */
function entryName(entry: yauzl.Entry): string {
  const raw = entry.fileName as unknown as Buffer;
  return (entry.generalPurposeBitFlag & 0x800) !== 0
    ? raw.toString("utf8")
    : new TextDecoder("gb18030").decode(raw);
}

const notAnArchiveOr = (e: Error) =>
  new DomainError({
    code: "ARCHIVE_UNREADABLE",
    status: 422,
    message: { zh: `压缩包无法读取：${e.message}`, en: `The archive cannot be read: ${e.message}` },
  });

async function untar(archive: string, into: string, limits: UnpackLimits, gz: boolean) {
  const state = { bytes: 0, files: 0 };
  const extract = tar.extract();
  extract.on("entry", (h, entry, next) => {
    (async () => {
      const target = safeEntryPath(into, h.name);
      if (h.type === "directory") {
        await mkdir(target, { recursive: true });
        entry.resume();
        return;
      }
      if (h.type !== "file" && h.type !== "contiguous-file")
        throw unsafeArchive(h.name, {
          zh: "只接受普通文件和目录",
          en: "only files and folders are accepted",
        });
      if (++state.files > limits.maxEntries)
        throw tooBig({ zh: "文件数", en: "file count" }, limits.maxEntries);
      await mkdir(dirname(target), { recursive: true });
      await pipeline(entry, counter(state, limits, h.name, null), createWriteStream(target, { flags: "wx" }));
    })().then(
      () => next(),
      (e) => extract.destroy(e),
    );
  });
  const source = createReadStream(archive);
  try {
    if (gz) await pipeline(source, createGunzip(), counter({ bytes: 0 }, limits, "(gzip)", null), extract);
    else await pipeline(source, extract);
  } catch (e) {
    source.destroy();
    if (e instanceof DomainError) throw e;
    throw notAnArchiveOr(e as Error);
  }
  return { files: state.files, bytes: state.bytes };
}
