// The home page differs by organisation kind.
import { useMe } from "../../session/SessionContext.tsx";
import { RectificationCard } from "../oversight/RectificationCard.tsx";
import { AgencyHome } from "./AgencyHome.tsx";
import { ClientHome } from "./ClientHome.tsx";
import { RegulatorHome } from "./RegulatorHome.tsx";

export function HomePage() {
  const me = useMe();
  const home =
    me.org.kind === "regulator" ? (
      <RegulatorHome />
    ) : me.org.kind === "client" ? (
      <ClientHome />
    ) : (
      <AgencyHome />
    );
  return (
    <>
      {home}
      {/* G-7: open and overdue rectification orders show on every party's home page. */}
      <div style={{ marginTop: 16 }}>
        <RectificationCard />
      </div>
    </>
  );
}
