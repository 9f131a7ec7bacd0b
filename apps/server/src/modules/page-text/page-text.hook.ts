// The one call digitization QC makes into the full-text module: "this delivery
// is now checked". The page-text service registers its handler for the app's
// Deps when it is built, so QC needs no reference to it (and no import cycle).
import type { Actor } from "@dangan/domain";
import type { Deps } from "../../context.ts";

type Handler = (deliveryId: string, actor: Actor) => void;
const handlers = new WeakMap<Deps, Handler>();

export function onDeliveryChecked(deps: Deps, handler: Handler): void {
  handlers.set(deps, handler);
}

/** Queues the full-text OCR of a delivery that has just been checked; never throws. */
export function deliveryChecked(deps: Deps, deliveryId: string, actor: Actor): void {
  try {
    handlers.get(deps)?.(deliveryId, actor);
  } catch {
    // The full text is a by-product: its failure never fails the check.
  }
}
