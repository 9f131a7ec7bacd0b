// The home page differs by organisation kind.
import { useMe } from "../../session/SessionContext.tsx";
import { AgencyHome } from "./AgencyHome.tsx";
import { ClientHome } from "./ClientHome.tsx";
import { RegulatorHome } from "./RegulatorHome.tsx";

export function HomePage() {
  const me = useMe();
  if (me.org.kind === "regulator") return <RegulatorHome />;
  if (me.org.kind === "client") return <ClientHome />;
  return <AgencyHome />;
}
