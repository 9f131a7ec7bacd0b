// The services of one use request, mounted on the request page: by mode the
// scan jobs and deliveries (D-3.12, D-10.8) or the loan (D-10.6), then for
// every mode the return check and re-shelving (D-11.1, D-11.2).
import { Flex } from "antd";
import { ErrorAlert } from "../../components/ErrorAlert.tsx";
import { useQuery } from "../../hooks/useQuery.ts";
import { useServicesApi } from "./api.ts";
import { LoanPanel } from "./LoanPanel.tsx";
import { RemotePanel } from "./RemotePanel.tsx";
import { ReshelvePanel } from "./ReshelvePanel.tsx";
import { ReturnPanel } from "./ReturnPanel.tsx";

/** `version` changes whenever the request moves, so the panel reloads with it. */
export function ServicesPanel({
  requestId,
  version,
  onChange,
}: {
  requestId: string;
  version: string;
  onChange: () => void;
}) {
  const q = useQuery(() => useServicesApi.ofRequest(requestId), [requestId, version]);
  if (!q.data) return <ErrorAlert error={q.error} />;
  const d = q.data;
  const done = () => {
    q.reload();
    onChange();
  };
  const mode = d.request.mode;
  const status = d.request.status;
  const backStates = ["returning", "return_blocked", "returned", "closed"];
  return (
    <Flex vertical gap={16} data-testid="use-services">
      {(mode === "remote_copy" || mode === "proxy_search") && <RemotePanel d={d} onDone={done} />}
      {mode === "loan" && <LoanPanel d={d} onDone={done} />}
      {(backStates.includes(status) || d.returnChecks.length > 0) && d.items.length > 0 && (
        <ReturnPanel d={d} onDone={done} />
      )}
      {(status === "returned" || status === "closed") && d.boxes.length > 0 && (
        <ReshelvePanel d={d} onDone={done} />
      )}
    </Flex>
  );
}
