// A titled group of form fields.
import { Divider } from "antd";
import type { ReactNode } from "react";

export function FormSection({ title, children }: { title: ReactNode; children: ReactNode }) {
  return (
    <>
      <Divider titlePlacement="start" style={{ marginTop: 8 }}>
        {title}
      </Divider>
      {children}
    </>
  );
}
