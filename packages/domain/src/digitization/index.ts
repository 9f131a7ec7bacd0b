// Digitization (Annex 2): the site, the originals and quality control; one sub-folder per area.
export * from "./originals/index.ts";
export * from "./qc/index.ts";
export * from "./screening/index.ts";
export * from "./site/index.ts";
