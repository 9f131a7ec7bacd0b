// Kysely table types, camelCased (CamelCasePlugin maps to snake_case columns).
// Written by hand beside the SQL migrations, one file per migration's module;
// packages/db/test/schema.test.ts checks that the tables and columns exist.
// A new module adds its file here and one interface to `Database`.
import type { AcceptanceTables } from "./acceptance.ts";
import type { CataloguesTables } from "./catalogues.ts";
import type { CoreTables } from "./core.ts";
import type { CustodyCoreTables } from "./custody-core.ts";
import type { DigitizationOriginalsTables } from "./digitization-originals.ts";
import type { DigitizationQcTables } from "./digitization-qc.ts";
import type { DigitizationSiteTables } from "./digitization-site.ts";
import type { EnvironmentTables } from "./environment.ts";
import type { FacilitiesTables } from "./facilities.ts";
import type { IntakeTables } from "./intake.ts";
import type { InventoryTables } from "./inventory.ts";
import type { MarkScreeningTables } from "./mark-screening.ts";
import type { MfaTables } from "./mfa.ts";
import type { OversightTables } from "./oversight.ts";
import type { PageTextTables } from "./page-text.ts";
import type { ReadingTables } from "./reading.ts";
import type { RegistryTables } from "./registry.ts";
import type { RetrievalTables } from "./retrieval.ts";
import type { UseServicesTables } from "./use-services.ts";

export type * from "./acceptance.ts";
export type * from "./catalogues.ts";
export type * from "./core.ts";
export type * from "./custody-core.ts";
export type * from "./digitization-originals.ts";
export type * from "./digitization-qc.ts";
export type * from "./digitization-site.ts";
export type * from "./environment.ts";
export type * from "./facilities.ts";
export type * from "./intake.ts";
export type * from "./inventory.ts";
export type * from "./mark-screening.ts";
export type * from "./mfa.ts";
export type * from "./oversight.ts";
export type * from "./page-text.ts";
export type * from "./reading.ts";
export type * from "./registry.ts";
export type * from "./retrieval.ts";
export type * from "./use-services.ts";

export interface Database
  extends CoreTables,
    AcceptanceTables,
    CustodyCoreTables,
    InventoryTables,
    OversightTables,
    EnvironmentTables,
    FacilitiesTables,
    IntakeTables,
    CataloguesTables,
    RetrievalTables,
    UseServicesTables,
    ReadingTables,
    RegistryTables,
    DigitizationSiteTables,
    DigitizationOriginalsTables,
    DigitizationQcTables,
    MarkScreeningTables,
    PageTextTables,
    MfaTables {}
