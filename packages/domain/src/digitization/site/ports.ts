// Z-5.8: output devices and data ports are sealed unless the workflow needs
// them; a needed port has a fixed post and person; seals are tested regularly.
import { refuse } from "./refuse.ts";

export const PORT_KINDS = ["usb", "network", "optical", "printer", "wireless", "other"] as const;
export type PortKind = (typeof PORT_KINDS)[number];
export const PORT_STATES = ["sealed", "needed"] as const;
export type PortState = (typeof PORT_STATES)[number];
export const SEAL_RESULTS = ["intact", "broken"] as const;
export type SealResult = (typeof SEAL_RESULTS)[number];

/** Z-5.8: how often seals are tested. standards.md has no figure: configurable, UNVERIFIED. */
export const DEFAULT_SEAL_TEST_INTERVAL_DAYS = { days: 30, unverified: true } as const;

/** Z-5.8: a needed port is assigned to a workstation post and a person who holds that post. */
export function portRefusal(p: {
  state: PortState;
  workstationId?: string | null | undefined;
  personId?: string | null | undefined;
  personAssignedThere?: boolean | undefined;
}) {
  if (p.state === "sealed") return undefined;
  if (!p.workstationId || !p.personId)
    return refuse(
      "PORT_NEEDS_POST",
      "Z-5.8",
      "确需使用的数据端口须定岗定人",
      "A port the workflow needs must be assigned to a workstation post and a person",
    );
  if (p.personAssignedThere === false)
    return refuse(
      "PORT_PERSON_NOT_AT_POST",
      "Z-5.8",
      "端口责任人须是该工位的定岗人员",
      "The person answering for the port must hold a post at that workstation",
    );
  return undefined;
}

export interface PortTestFact {
  id: string;
  state: PortState;
  registeredAt: Date;
  lastTestedAt: Date | null;
}

/** Z-5.8: when the next seal test falls due (from the last test, or from registration). */
export function sealTestDueAt(p: PortTestFact, intervalDays: number): Date {
  const from = p.lastTestedAt ?? p.registeredAt;
  return new Date(from.getTime() + intervalDays * 86_400_000);
}

/** Z-5.8: sealed ports whose test is overdue at `now`. */
export function overdueSealTests<T extends PortTestFact>(
  ports: readonly T[],
  now: Date,
  intervalDays: number = DEFAULT_SEAL_TEST_INTERVAL_DAYS.days,
): (T & { dueAt: Date })[] {
  return ports
    .filter((p) => p.state === "sealed")
    .map((p) => ({ ...p, dueAt: sealTestDueAt(p, intervalDays) }))
    .filter((p) => p.dueAt.getTime() < now.getTime());
}

/** Z-5.8: a broken seal on a port the workflow does not need is an incident. */
export const brokenSealIsIncident = (state: PortState, result: SealResult) =>
  state === "sealed" && result === "broken";
