// The whole dictionary: one module per feature, picked per language.
import { acceptance } from "./messages/acceptance.ts";
import { attachments } from "./messages/attachments.ts";
import { audit } from "./messages/audit.ts";
import { auth } from "./messages/auth.ts";
import { boxes } from "./messages/boxes.ts";
import { catalogueSearch } from "./messages/catalogueSearch.ts";
import { catalogues } from "./messages/catalogues.ts";
import { clauses } from "./messages/clauses.ts";
import { common } from "./messages/common.ts";
import { contract } from "./messages/contract.ts";
import { digitizationOriginals } from "./messages/digitizationOriginals.ts";
import { digitizationQc } from "./messages/digitizationQc.ts";
import { digitizationSite } from "./messages/digitizationSite.ts";
import { environment } from "./messages/environment.ts";
import { facilities } from "./messages/facilities.ts";
import { home } from "./messages/home.ts";
import { intake } from "./messages/intake.ts";
import { inventory } from "./messages/inventory.ts";
import { layout } from "./messages/layout.ts";
import { ledger } from "./messages/ledger.ts";
import { movements } from "./messages/movements.ts";
import { orgs } from "./messages/orgs.ts";
import { oversight } from "./messages/oversight.ts";
import { pageText } from "./messages/pageText.ts";
import { projects } from "./messages/projects.ts";
import { registry } from "./messages/registry.ts";
import { retrieval } from "./messages/retrieval.ts";
import { screening } from "./messages/screening.ts";
import { statistics } from "./messages/statistics.ts";
import { users } from "./messages/users.ts";
import { useServices } from "./messages/useServices.ts";
import { vaultAccess } from "./messages/vaultAccess.ts";

const MODULES = {
  acceptance,
  attachments,
  audit,
  auth,
  boxes,
  catalogueSearch,
  catalogues,
  clauses,
  common,
  contract,
  digitizationOriginals,
  digitizationQc,
  digitizationSite,
  environment,
  facilities,
  home,
  intake,
  inventory,
  layout,
  ledger,
  movements,
  orgs,
  oversight,
  pageText,
  projects,
  registry,
  retrieval,
  screening,
  statistics,
  users,
  useServices,
  vaultAccess,
};

type Modules = typeof MODULES;
export type Dict = { [K in keyof Modules]: Modules[K]["zh"] };

const build = (lang: "zh" | "en"): Dict =>
  Object.fromEntries(Object.entries(MODULES).map(([k, m]) => [k, m[lang]])) as Dict;

const DICTS = { zh: build("zh"), en: build("en") };

export const dictFor = (lang: "zh" | "en"): Dict => DICTS[lang];
