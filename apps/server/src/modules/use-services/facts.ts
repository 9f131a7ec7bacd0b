// What the services of a use request have recorded so far — the facts the
// request workflow's guards read (USE_REQUEST_WORKFLOW in the domain): remote
// copies and proxy search (D-10.8), loans (D-10.6) and the return check and
// re-shelving (D-11.1, D-11.2). The reading-room facts (D-10.3) come from the
// use-requests module itself.
// CONTRACT between modules: use-requests builds UseRequestContext from this;
// use-services owns the implementation (until its tables exist, nothing is recorded).
import type { Tx } from "@dangan/db";

export interface UseServiceFacts {
  loanConsent: boolean;
  loanRecorded: boolean;
  receiverIdChecked: boolean;
  scanUnderCamera: boolean;
  /** Remote copy not yet delivered, or loan not yet back. */
  serviceOpen: boolean;
  itemsUnchecked: number;
  discrepancies: number;
  discrepancyReported: boolean;
  boxesNotReshelved: string[];
}

export async function useServiceFacts(
  _trx: Tx,
  request: { id: string; mode: string; itemCount: number },
): Promise<UseServiceFacts> {
  return {
    loanConsent: false,
    loanRecorded: false,
    receiverIdChecked: false,
    scanUnderCamera: false,
    serviceOpen: false,
    itemsUnchecked: request.itemCount,
    discrepancies: 0,
    discrepancyReported: false,
    boxesNotReshelved: [],
  };
}
