// The people of an entry: staff names, then visitors with organisation, masked
// ID number and purpose.
import { Tag, Typography } from "antd";
import type { Person } from "./api.ts";

export function People({ people }: { people: Person[] }) {
  const staff = people.filter((p) => p.kind === "staff");
  const visitors = people.filter((p) => p.kind === "visitor");
  return (
    <div>
      {staff.map((p) => (
        <Tag key={p.userId} color="blue">
          {p.name}
        </Tag>
      ))}
      {visitors.map((p) => (
        <div key={`${p.name}${p.idNumber}`} style={{ fontSize: 13, marginTop: 4 }}>
          <Tag color="orange">{p.name}</Tag>
          <Typography.Text type="secondary">
            {p.organisation} · <span className="mono">{p.idNumber}</span> · {p.purpose}
          </Typography.Text>
        </div>
      ))}
    </div>
  );
}
