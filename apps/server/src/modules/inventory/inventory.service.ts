// D-9.8: the inventory module's services, wired together.
import type { Deps } from "../../context.ts";
import type { IncidentsService } from "../incidents/incidents.service.ts";
import { inventoryChecksService } from "./inventory-checks.service.ts";
import { inventoryCompletion } from "./inventory-complete.ts";
import { inventoryPlansService } from "./inventory-plans.service.ts";
import { inventoryReshelving } from "./inventory-reshelve.ts";
import { inventoryScanning } from "./inventory-scanning.ts";
import { inventoryTreatment } from "./inventory-treatment.ts";

export function inventoryService(deps: Deps, incidents: IncidentsService) {
  const plans = inventoryPlansService(deps);
  const checks = inventoryChecksService(deps, plans);
  const scanning = inventoryScanning(deps, checks, plans.repo);
  const completion = inventoryCompletion(deps, checks, incidents);
  const treatment = inventoryTreatment(deps, checks, incidents);
  const reshelving = inventoryReshelving(deps, checks);
  return {
    plans,
    checks,
    scanning,
    completion,
    treatment,
    reshelving,
    /** D-9.8 for regulators' checklists: vaults checked fewer than twice in `year`. */
    shortfall: plans.shortfall,
  };
}
export type InventoryService = ReturnType<typeof inventoryService>;
