// Workflows as data (architecture guide, habit 2): a transition table, guards
// that veto with a DomainError naming the clause, and `nextActions` for the UI.
import { DomainError } from "../errors/domain-error.ts";

export interface Transition<S extends string, A extends string, C> {
  action: A;
  from: readonly S[];
  to: S;
  /** Returns the refusal, or undefined when the move is allowed. */
  guard?: (ctx: C) => DomainError | undefined;
}

export interface Workflow<S extends string, A extends string, C> {
  name: string;
  transitions: readonly Transition<S, A, C>[];
}

export function findTransition<S extends string, A extends string, C>(
  wf: Workflow<S, A, C>,
  from: S,
  action: A,
): Transition<S, A, C> | undefined {
  return wf.transitions.find((t) => t.action === action && t.from.includes(from));
}

/** Applies `action` from `from`; throws when illegal or vetoed; returns the new state. */
export function applyTransition<S extends string, A extends string, C>(
  wf: Workflow<S, A, C>,
  from: S,
  action: A,
  ctx: C,
): S {
  const t = findTransition(wf, from, action);
  if (!t) {
    throw new DomainError({
      code: "TRANSITION_NOT_ALLOWED",
      status: 409,
      message: { zh: `当前状态（${from}）不能执行此操作（${action}）`, en: `Cannot ${action} from ${from}` },
      details: { workflow: wf.name, from, action },
    });
  }
  const veto = t.guard?.(ctx);
  if (veto) throw veto;
  return t.to;
}

/** Actions whose table row starts at `from`, each with its veto if any. */
export function nextActions<S extends string, A extends string, C>(
  wf: Workflow<S, A, C>,
  from: S,
  ctx: C,
): { action: A; to: S; blockedBy?: ReturnType<DomainError["toJSON"]> }[] {
  return wf.transitions
    .filter((t) => t.from.includes(from))
    .map((t) => {
      const veto = t.guard?.(ctx);
      return veto ? { action: t.action, to: t.to, blockedBy: veto.toJSON() } : { action: t.action, to: t.to };
    });
}

/** A guard that runs `guards` in order and returns the first veto. */
export const allGuards =
  <C>(...guards: ((ctx: C) => DomainError | undefined)[]) =>
  (ctx: C): DomainError | undefined => {
    for (const g of guards) {
      const veto = g(ctx);
      if (veto) return veto;
    }
    return undefined;
  };

/** A guard's refusal: 422 with its clause. */
export const guardRefusal = (
  code: string,
  clause: string,
  zh: string,
  en: string,
  details?: Record<string, unknown>,
) => new DomainError({ code, status: 422, clause, message: { zh, en }, ...(details ? { details } : {}) });

/** The first ten names of a list, for a refusal's message. */
export const listedNames = (names: readonly string[]) =>
  names.slice(0, 10).join(", ") + (names.length > 10 ? " …" : "");
