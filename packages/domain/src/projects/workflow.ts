// Project lifecycle as a transition table.

import { assertAcceptedBeforeClose } from "../acceptance/rules.ts";
import { DomainError } from "../errors/domain-error.ts";
import type { RegistrationStatus, ServiceType } from "../organisations/kinds.ts";
import type { Workflow } from "../workflow/engine.ts";
import type { ProjectStatus } from "./schemas.ts";

export const PROJECT_ACTIONS = ["start", "suspend", "resume", "complete", "cancel"] as const;
export type ProjectAction = (typeof PROJECT_ACTIONS)[number];

export interface ProjectTransitionContext {
  contractSigned: boolean;
  agencyStatus: RegistrationStatus;
  serviceType: ServiceType;
  /** The latest final acceptance passed (G-11, Z-8.2). */
  acceptancePassed: boolean;
}

/** G-10: no work starts without a signed written contract. */
const needsSignedContract = (ctx: ProjectTransitionContext) =>
  ctx.contractSigned
    ? undefined
    : new DomainError({
        code: "CONTRACT_NOT_SIGNED",
        status: 422,
        clause: "G-10",
        message: {
          zh: "项目须先签订书面合同方可开始",
          en: "A project cannot start without a signed contract",
        },
      });

/** G-12: a suspended or revoked agency may not (re)start work. */
const needsActiveAgency = (ctx: ProjectTransitionContext) =>
  ctx.agencyStatus === "active"
    ? undefined
    : new DomainError({
        code: "AGENCY_NOT_ACTIVE",
        status: 422,
        clause: "G-12",
        message: { zh: "受托机构登记状态异常", en: "The agency's registration is not active" },
      });

/** Z-7.7, Z-8.2: a digitization project closes only after a passed final acceptance. */
const needsAcceptance = (ctx: ProjectTransitionContext) => {
  try {
    assertAcceptedBeforeClose(ctx.serviceType, ctx.acceptancePassed);
    return undefined;
  } catch (e) {
    return e as DomainError;
  }
};

const all =
  (...guards: ((ctx: ProjectTransitionContext) => DomainError | undefined)[]) =>
  (ctx: ProjectTransitionContext) => {
    for (const g of guards) {
      const veto = g(ctx);
      if (veto) return veto;
    }
    return undefined;
  };

export const projectWorkflow: Workflow<ProjectStatus, ProjectAction, ProjectTransitionContext> = {
  name: "project",
  transitions: [
    { action: "start", from: ["draft"], to: "active", guard: all(needsSignedContract, needsActiveAgency) },
    { action: "suspend", from: ["active"], to: "suspended" },
    { action: "resume", from: ["suspended"], to: "active", guard: needsActiveAgency },
    { action: "complete", from: ["active"], to: "completed", guard: needsAcceptance },
    { action: "cancel", from: ["draft", "suspended"], to: "cancelled" },
  ],
};
