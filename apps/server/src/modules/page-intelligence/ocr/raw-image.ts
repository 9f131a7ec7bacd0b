// A page in memory as one grey plane (1 byte per pixel), decoded once by sharp
// and then read by the detector and the recognizer without further copies.
//
// Grey, and from the green channel: picking a band costs nothing, while
// resampling three bands was half of a 300 dpi page's decode (an A4 TIFF: 80–90 ms
// as RGB scaled to 1754 px, 30–40 ms as the green band at full size). Red and
// blue ink — red stamps, blue signatures — are dark in green, so a red
// 机密★10年 keeps its contrast; the models read black-on-white text best anyway.
import sharp from "sharp";

export interface RawImage {
  data: Uint8Array;
  width: number;
  height: number;
}

/** Longer sides above this are scaled down (a 600 dpi A3 scan would be 70 MB grey). */
export const MAX_DECODE_SIDE = 3600;

/** Decodes an image file or buffer to its grey plane, scaled down only past maxSide. */
export async function loadGrey(input: string | Buffer, maxSide = MAX_DECODE_SIDE): Promise<RawImage> {
  // Sequential read; an embedded ICC profile is ignored (exact colour does not
  // matter for reading, and the profile transform alone doubled the decode).
  const open = () => sharp(input, { limitInputPixels: 400_000_000, sequentialRead: true, ignoreIcc: true });
  const meta = await open().metadata();
  let img = open();
  if ((meta.orientation ?? 1) > 1) img = img.rotate(); // EXIF orientation (a no-op rotate still costs a copy)
  if (meta.hasAlpha) img = img.flatten({ background: "#ffffff" });
  // CMYK and the like become sRGB first; grey images have their one band already.
  if (meta.space !== "srgb" && meta.space !== "b-w" && meta.space !== "grey16")
    img = img.toColourspace("srgb");
  img = img.extractChannel(meta.space === "b-w" || meta.space === "grey16" ? 0 : 1);
  if (Math.max(meta.width ?? 0, meta.height ?? 0) > maxSide)
    img = img.resize({ width: maxSide, height: maxSide, fit: "inside", kernel: "linear" });
  const { data, info } = await img.raw().toBuffer({ resolveWithObject: true });
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.length),
    width: info.width,
    height: info.height,
  };
}

/** The image scaled to exactly w×h (sharp's resampling, off the main thread's JS). */
export async function resizeGrey(src: RawImage, w: number, h: number): Promise<RawImage> {
  const data = await sharp(src.data, { raw: { width: src.width, height: src.height, channels: 1 } })
    .resize(w, h, { fit: "fill" })
    .extractChannel(0) // sharp hands a one-band raw image back as sRGB otherwise
    .raw()
    .toBuffer();
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), width: w, height: h };
}
