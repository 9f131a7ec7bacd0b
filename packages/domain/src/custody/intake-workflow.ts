// An intake batch (D-8.1): from the client's shelves to the agency's vault, as a
// transition table. The state is the step in progress; each action closes a
// step with its record and the named people of both parties. Per-box work
// (boxing, seals, inspections, shelving) happens inside a state; the guards
// below refuse to leave the state until it is done.
import type { DomainError } from "../errors/domain-error.ts";
import { allGuards, guardRefusal, listedNames, type Workflow } from "../workflow/engine.ts";
import { escortProblem, missingPerson, type SideCount, type Transporter } from "./intake-rules.ts";

export const INTAKE_STATES = [
  "site_visit",
  "unshelving",
  "condition_check",
  "boxing",
  "sealing",
  "transport",
  "inspection",
  "repacking",
  "shelving",
  "completed",
] as const;
export type IntakeState = (typeof INTAKE_STATES)[number];

/** The steps shown to users, in order; the state names the step in progress. */
export const INTAKE_STEPS = INTAKE_STATES.slice(0, -1) as Exclude<IntakeState, "completed">[];
export type IntakeStep = (typeof INTAKE_STEPS)[number];

export const INTAKE_ACTIONS = [
  "site_visit",
  "unshelve",
  "check_condition",
  "finish_boxing",
  "load",
  "arrive",
  "finish_inspection",
  "repack",
  "skip_repacking",
  "complete",
] as const;
export type IntakeAction = (typeof INTAKE_ACTIONS)[number];

/** The step whose record each action writes. */
export const ACTION_STEP: Record<IntakeAction, IntakeStep> = {
  site_visit: "site_visit",
  unshelve: "unshelving",
  check_condition: "condition_check",
  finish_boxing: "boxing",
  load: "transport",
  arrive: "transport",
  finish_inspection: "inspection",
  repack: "repacking",
  skip_repacking: "repacking",
  complete: "shelving",
};

export const STEP_CLAUSE: Record<IntakeStep, string> = {
  site_visit: "D-7.2",
  unshelving: "D-8.1",
  condition_check: "D-8.4",
  boxing: "D-8.5",
  sealing: "D-8.6",
  transport: "D-8.7",
  inspection: "D-8.8",
  repacking: "D-8.9",
  shelving: "D-9.11",
};

export interface IntakeContext {
  projectHasSiteVisit: boolean;
  itemCount: number;
  unboxedItems: number;
  boxCount: number;
  /** Box numbers, for the refusal's message. */
  boxesInTreatment: string[];
  unsealedBoxes: string[];
  uninspectedBoxes: string[];
  unshelvedBoxes: string[];
  openAnomalies: number;
  repackConsent: boolean;
  /** Which parties confirmed the repacking register; null when nothing was repacked. */
  register: { client: boolean; agency: boolean } | null;
  /** What the step's record names; absent when the UI asks for the next actions. */
  input?: { people: SideCount; transportBy?: Transporter | undefined };
}

type Guard = (ctx: IntakeContext) => DomainError | undefined;

const refuse = guardRefusal;

const listed = listedNames;

/** People rules apply only to a record being written, not to the list of next actions. */
const people =
  (need: Partial<SideCount>, clause: string, zh: string, en: string): Guard =>
  (ctx) =>
    ctx.input ? missingPerson(ctx.input.people, need, clause, { zh, en }) : undefined;

const siteVisited: Guard = (ctx) =>
  ctx.projectHasSiteVisit
    ? undefined
    : refuse(
        "SITE_VISIT_REQUIRED",
        "D-7.2",
        "首次入库前，委托方须实地考察寄存托管场所并记录",
        "Before the first intake the client must visit the site, and the visit must be recorded",
      );

const allBoxed: Guard = (ctx) =>
  ctx.boxCount > 0 && ctx.unboxedItems === 0
    ? undefined
    : refuse(
        "ITEMS_NOT_BOXED",
        "D-8.5",
        `还有${ctx.unboxedItems}件档案未装箱编号`,
        `${ctx.unboxedItems} item(s) are not yet in a numbered box`,
        { unboxedItems: ctx.unboxedItems, boxCount: ctx.boxCount },
      );

const noTreatment: Guard = (ctx) =>
  ctx.boxesInTreatment.length === 0
    ? undefined
    : refuse(
        "BOX_IN_TREATMENT",
        "D-8.4",
        `档案箱 ${listed(ctx.boxesInTreatment)} 载体有异常，须先完成消毒等技术处理`,
        `Box(es) ${listed(ctx.boxesInTreatment)} need treatment before intake`,
        { boxes: ctx.boxesInTreatment },
      );

const allSealed: Guard = (ctx) =>
  ctx.unsealedBoxes.length === 0
    ? undefined
    : refuse(
        "BOX_NOT_SEALED",
        "D-8.6",
        `档案箱 ${listed(ctx.unsealedBoxes)} 未经检查封箱，不得装车运送`,
        `Box(es) ${listed(ctx.unsealedBoxes)} are not sealed and cannot be loaded`,
        { boxes: ctx.unsealedBoxes },
      );

const escorts: Guard = (ctx) =>
  ctx.input?.transportBy ? escortProblem(ctx.input.transportBy, ctx.input.people) : undefined;

const allInspected: Guard = (ctx) =>
  ctx.uninspectedBoxes.length === 0
    ? undefined
    : refuse(
        "BOX_NOT_INSPECTED",
        "D-8.8",
        `档案箱 ${listed(ctx.uninspectedBoxes)} 尚未做入库核查记录`,
        `Box(es) ${listed(ctx.uninspectedBoxes)} have no intake inspection record`,
        { boxes: ctx.uninspectedBoxes },
      );

const consented: Guard = (ctx) =>
  ctx.repackConsent
    ? undefined
    : refuse(
        "REPACK_CONSENT_REQUIRED",
        "D-8.9",
        "拆封中转箱重新装箱须经委托方同意",
        "Unsealing transfer boxes to repack them needs the client's consent",
      );

const allShelved: Guard = (ctx) =>
  ctx.unshelvedBoxes.length === 0
    ? undefined
    : refuse(
        "BOX_NOT_SHELVED",
        "D-9.1",
        `档案箱 ${listed(ctx.unshelvedBoxes)} 尚未上架`,
        `Box(es) ${listed(ctx.unshelvedBoxes)} are not yet shelved`,
        { boxes: ctx.unshelvedBoxes },
      );

const anomaliesHandled: Guard = (ctx) =>
  ctx.openAnomalies === 0
    ? undefined
    : refuse(
        "ANOMALY_OPEN",
        "D-8.8",
        `入库核查发现的${ctx.openAnomalies}项异常尚未与委托方共同处置完毕`,
        `${ctx.openAnomalies} anomaly(ies) found at intake are not yet handled with the client`,
      );

const registerConfirmed: Guard = (ctx) =>
  !ctx.register || (ctx.register.client && ctx.register.agency)
    ? undefined
    : refuse(
        "REGISTER_NOT_CONFIRMED",
        "D-8.9",
        "重新装箱后的清点登记册须经双方确认",
        "The repacking register must be confirmed by both parties",
        { register: ctx.register },
      );

const all = (...guards: Guard[]): Guard => allGuards<IntakeContext>(...guards);

export const intakeWorkflow: Workflow<IntakeState, IntakeAction, IntakeContext> = {
  name: "intake_batch",
  transitions: [
    {
      action: "site_visit",
      from: ["site_visit"],
      to: "unshelving",
      guard: people({ client: 1 }, "D-7.2", "实地考察", "The site visit"),
    },
    {
      action: "unshelve",
      from: ["site_visit", "unshelving"],
      to: "condition_check",
      guard: all(
        siteVisited,
        people({ client: 1, agency: 1 }, "D-8.1", "下架整理和清点", "Unshelving and counting"),
      ),
    },
    {
      action: "check_condition",
      from: ["condition_check"],
      to: "boxing",
      guard: people({ agency: 1 }, "D-8.4", "载体状况检查", "The condition check"),
    },
    {
      action: "finish_boxing",
      from: ["boxing"],
      to: "sealing",
      guard: all(allBoxed, people({ client: 1, agency: 1 }, "D-8.1", "装箱", "Boxing")),
    },
    { action: "load", from: ["sealing"], to: "transport", guard: all(noTreatment, allSealed, escorts) },
    {
      action: "arrive",
      from: ["transport"],
      to: "inspection",
      guard: people({ agency: 1 }, "D-8.1", "到库交接", "Receiving the boxes"),
    },
    {
      action: "finish_inspection",
      from: ["inspection"],
      to: "repacking",
      guard: all(allInspected, people({ agency: 1 }, "D-8.8", "入库核查", "The intake inspection")),
    },
    {
      action: "repack",
      from: ["repacking"],
      to: "shelving",
      guard: all(consented, people({ client: 1, agency: 1 }, "D-8.9", "拆箱重新装箱", "Repacking")),
    },
    { action: "skip_repacking", from: ["repacking"], to: "shelving" },
    {
      action: "complete",
      from: ["shelving"],
      to: "completed",
      guard: all(
        allShelved,
        anomaliesHandled,
        registerConfirmed,
        people({ agency: 1 }, "D-9.11", "上架登记", "Shelving"),
      ),
    },
  ],
};
