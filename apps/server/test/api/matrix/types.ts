// The access rule each route is held to by the authorization matrix.
import type { Victim } from "../../victim-world.ts";

export type Expect =
  /** Reachable without signing in; serves no organisation's data. */
  | { kind: "public" }
  /** Acts only on the caller's own account. */
  | { kind: "self" }
  /** Addresses the victim's record: a foreigner gets 403 or 404 and none of its data. */
  | { kind: "record"; url: (v: Victim) => string; body?: (v: Victim) => unknown; ownerStatus?: number }
  /** Lists: a foreigner sees none of the victim's rows. */
  | { kind: "list"; url: (v: Victim) => string }
  /** Chain-wide verification result: counts and hashes, no content. */
  | { kind: "global" }
  /** Not a session route: a sensor's own route, refused (401) without a valid sensor token, signed in or not. */
  | { kind: "sensor"; url: string; body: (v: Victim) => unknown };
