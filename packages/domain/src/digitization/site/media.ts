// Z-7.5: results are stored, downloaded and copied only on designated devices
// by designated people. Z-7.6: media are counted and registered.
import { refuse } from "./refuse.ts";

export const MEDIA_KINDS = ["hdd", "ssd", "usb", "optical", "tape", "other"] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];
export const MEDIA_PURPOSES = ["results", "backup"] as const;
export type MediaPurpose = (typeof MEDIA_PURPOSES)[number];
export const MEDIA_STATUSES = ["in_use", "handed_to_client", "destroyed"] as const;
export type MediaStatus = (typeof MEDIA_STATUSES)[number];
export const COPY_ACTIONS = ["store", "download", "copy"] as const;
export type CopyAction = (typeof COPY_ACTIONS)[number];

/** Z-7.5: the refusal for a copy not made on a designated device by a designated person. */
export function copyRefusal(
  device: { name: string; designatedStorage: boolean },
  person: { name: string; designatedOperator: boolean; status: "active" | "revoked" },
) {
  if (!device.designatedStorage)
    return refuse(
      "COPY_DEVICE_NOT_DESIGNATED",
      "Z-7.5",
      `${device.name} 不是指定的成果存储设备，禁止以任何方法截留、复制数字化成果`,
      `${device.name} is not a designated storage device; results may not be stored or copied on it`,
    );
  if (!person.designatedOperator || person.status !== "active")
    return refuse(
      "COPY_PERSON_NOT_DESIGNATED",
      "Z-7.5",
      `${person.name} 不是指定的成果存储、拷贝责任人`,
      `${person.name} is not a designated person for storing or copying results`,
    );
  return undefined;
}

/** Z-7.6: a medium changes hands only while in use. */
export function mediaStatusRefusal(label: string, status: MediaStatus) {
  if (status === "in_use") return undefined;
  return refuse(
    "MEDIA_NOT_IN_USE",
    "Z-7.6",
    `介质 ${label} 已移交或销毁`,
    `Medium ${label} was already handed over or destroyed`,
    { status },
  );
}
