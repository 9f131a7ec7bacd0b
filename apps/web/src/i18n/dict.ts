// The whole dictionary: one module per feature, picked per language.
import { attachments } from "./messages/attachments.ts";
import { audit } from "./messages/audit.ts";
import { auth } from "./messages/auth.ts";
import { clauses } from "./messages/clauses.ts";
import { common } from "./messages/common.ts";
import { contract } from "./messages/contract.ts";
import { home } from "./messages/home.ts";
import { layout } from "./messages/layout.ts";
import { ledger } from "./messages/ledger.ts";
import { orgs } from "./messages/orgs.ts";
import { projects } from "./messages/projects.ts";
import { users } from "./messages/users.ts";

const MODULES = {
  attachments,
  audit,
  auth,
  clauses,
  common,
  contract,
  home,
  layout,
  ledger,
  orgs,
  projects,
  users,
};

type Modules = typeof MODULES;
export type Dict = { [K in keyof Modules]: Modules[K]["zh"] };

const build = (lang: "zh" | "en"): Dict =>
  Object.fromEntries(Object.entries(MODULES).map(([k, m]) => [k, m[lang]])) as Dict;

const DICTS = { zh: build("zh"), en: build("en") };

export const dictFor = (lang: "zh" | "en"): Dict => DICTS[lang];
