// The one Chinese font every PDF uses. Debian's fonts-wqy-microhei by default;
// DANGAN_PDF_FONT names another TrueType file or collection. fontkit picks a
// face out of a collection by its PostScript name, hence the family below.
import { existsSync } from "node:fs";
import { DomainError } from "@dangan/domain";

const DEFAULT = {
  path: "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
  family: "WenQuanYiMicroHei",
};

function chineseFont(): { path: string; family?: string } {
  const custom = process.env.DANGAN_PDF_FONT;
  const font = custom ? { path: custom, family: undefined } : DEFAULT;
  if (!existsSync(font.path)) {
    throw new DomainError({
      code: "PDF_FONT_MISSING",
      status: 503,
      message: {
        zh: `找不到中文字体 ${font.path}，无法生成 PDF：请安装 fonts-wqy-microhei 或设置 DANGAN_PDF_FONT`,
        en: `Chinese font ${font.path} not found, so no PDF can be made: install fonts-wqy-microhei or set DANGAN_PDF_FONT`,
      },
    });
  }
  return font;
}

/** Registers the Chinese font under `name` and returns the document. */
export function useChineseFont(doc: PDFKit.PDFDocument, name = "zh"): PDFKit.PDFDocument {
  const font = chineseFont();
  doc.registerFont(name, font.path, font.family as string);
  return doc;
}
