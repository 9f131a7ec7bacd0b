// Digitization site records apply to digitization projects only; set-up is
// allowed while the project is a draft or active.
import { refuse } from "./refuse.ts";

export const SITE_SETUP_STATUSES = ["draft", "active"] as const;

export function siteProjectRefusal(p: { serviceType: string; status: string }) {
  if (p.serviceType !== "digitization")
    return refuse(
      "NOT_DIGITIZATION_PROJECT",
      "Z-5.5",
      "只有档案数字化项目有数字化场所登记",
      "Only digitization projects have a digitization site register",
    );
  if (!(SITE_SETUP_STATUSES as readonly string[]).includes(p.status))
    return refuse(
      "PROJECT_NOT_OPEN",
      "Z-5.5",
      "项目已结束或暂停，不能再登记",
      "The project is not a draft or active; the site register is closed",
      { status: p.status },
    );
  return undefined;
}
