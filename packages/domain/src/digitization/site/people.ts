// Z-5.6: real-name registration and badges; only registered, active people
// with a badge enter. Z-7.1: no phone, camera, recorder or removable medium.
import { refuse } from "./refuse.ts";

export const BANNED_ITEMS = ["phone", "camera", "recorder", "removable_medium"] as const;
export type BannedItem = (typeof BANNED_ITEMS)[number];

export interface PersonFact {
  name: string;
  status: "active" | "revoked";
  badgeNo: string | null;
}

/** Z-5.6: the refusal at the door for a person who is not admissible, or undefined. */
export function entryRefusal(p: PersonFact | undefined) {
  if (!p)
    return refuse(
      "PERSON_NOT_REGISTERED",
      "Z-5.6",
      "未实名登记的人员不得进入数字化场所",
      "Only people registered by name may enter the digitization site",
    );
  if (p.status !== "active")
    return refuse(
      "PERSON_REVOKED",
      "Z-5.6",
      `${p.name} 的登记已注销，不得进入`,
      `${p.name}'s registration is revoked; entry refused`,
    );
  if (!p.badgeNo)
    return refuse(
      "BADGE_REQUIRED",
      "Z-5.6",
      `${p.name} 未领取工作牌，须挂牌上岗`,
      `${p.name} has no badge; people work on site wearing a badge`,
    );
  return undefined;
}

/** Z-7.1: banned items declared or found at the entry check, deduplicated in catalogue order. */
export function bannedItemsCarried(declared: readonly string[], found: readonly string[]): BannedItem[] {
  const all = new Set([...declared, ...found]);
  return BANNED_ITEMS.filter((i) => all.has(i));
}

/** Z-7.1: the refusal for a banned item, or undefined. */
export function bannedItemRefusal(items: readonly BannedItem[]) {
  if (!items.length) return undefined;
  return refuse(
    "BANNED_ITEM",
    "Z-7.1",
    "禁止携带手机、照相机、摄录设备和移动存储介质进入数字化场所",
    "Phones, cameras, recorders and removable media may not be brought into the digitization site",
    { items },
  );
}

/** Z-5.6: a person may not be admitted twice without leaving in between. */
export function alreadyOnSiteRefusal(name: string, onSite: boolean) {
  if (!onSite) return undefined;
  return refuse(
    "ALREADY_ON_SITE",
    "Z-5.6",
    `${name} 已在场内，须先登记离场`,
    `${name} is already on site; record the exit first`,
  );
}
