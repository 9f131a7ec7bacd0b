// The handover catalogue (D-8.2, D-8.3, D-4.5): columns, values, row checks,
// the whole-file validator, the content digest and the policy.
export {
  CATALOGUE_COLUMNS,
  CATALOGUE_LEVELS,
  type CatalogueColumn,
  type CatalogueLevel,
  COLUMN_LABELS as CATALOGUE_COLUMN_LABELS,
  type HeaderMap as CatalogueHeaderMap,
  mapHeaders as mapCatalogueHeaders,
  REQUIRED_COLUMNS as CATALOGUE_REQUIRED_COLUMNS,
} from "./catalogue-columns.ts";
export {
  CATALOGUE_DIGEST_FORMAT,
  CatalogueDigest,
  catalogueDigest,
  catalogueLine,
} from "./catalogue-digest.ts";
export * from "./catalogue-policy.ts";
export {
  type CatalogueProblem,
  type CatalogueProblemCode,
  PROBLEM_LIST_CAP as CATALOGUE_PROBLEM_CAP,
  UNREADABLE as catalogueUnreadable,
} from "./catalogue-problems.ts";
export { type CatalogueRow, validateCatalogueRow } from "./catalogue-row.ts";
export { CatalogueValidator } from "./catalogue-validator.ts";
export {
  CATALOGUE_CARRIERS,
  type CatalogueCarrier,
  classifyMarking as classifyCatalogueMarking,
  normaliseCarrier,
  normaliseCategory,
  normaliseRetention,
  retentionLabel,
} from "./catalogue-values.ts";
