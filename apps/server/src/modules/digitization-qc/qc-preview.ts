// The reviewer's image, rendered on the server into a browser-viewable JPEG
// (TIFF is not shown by browsers); JPEG 2000 and PDF, which this libvips
// cannot render, get a plain placeholder that says so.
import { readFile } from "node:fs/promises";
import { resolve, sep } from "node:path";
import sharp from "sharp";

const placeholder = (zh: string, en: string) =>
  sharp(
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="300"><rect width="100%" height="100%" fill="#f5f5f5"/>` +
        `<text x="300" y="140" font-size="22" text-anchor="middle" fill="#666">${zh}</text>` +
        `<text x="300" y="175" font-size="16" text-anchor="middle" fill="#888">${en}</text></svg>`,
    ),
  )
    .png()
    .toBuffer();

export async function renderPreview(
  storageDir: string,
  path: string,
  format: string | null,
  maxPixels: number,
  width = 1200,
): Promise<{ body: Buffer; type: string }> {
  const full = resolve(storageDir, path);
  if (!full.startsWith(resolve(storageDir) + sep)) throw new Error("path outside the delivery");
  if (format === "jp2")
    return {
      body: await placeholder("JPEG 2000 无法在服务器渲染预览", "No preview for JPEG 2000 on this server"),
      type: "image/png",
    };
  if (format !== "tiff" && format !== "jpeg")
    return { body: await placeholder("此文件无预览", "No preview for this file"), type: "image/png" };
  try {
    const body = await sharp(await readFile(full), { limitInputPixels: maxPixels })
      .rotate()
      .resize({ width, withoutEnlargement: true })
      .jpeg({ quality: 80 })
      .toBuffer();
    return { body, type: "image/jpeg" };
  } catch {
    return { body: await placeholder("图像无法读取", "The image does not decode"), type: "image/png" };
  }
}
