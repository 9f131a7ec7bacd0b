// Digitization work on originals applies to digitization projects that have
// started: registering volumes needs a draft or active project, work needs 'active'.
import { refuse } from "./errors.ts";

export interface OriginalsProject {
  serviceType: string;
  status: string;
}

/** Z-6.1: the client registers and screens the volumes of a digitization project not yet closed. */
export function assertDigitizationSetUp(p: OriginalsProject): void {
  if (p.serviceType !== "digitization")
    throw refuse(
      "NOT_A_DIGITIZATION_PROJECT",
      "Z-6.1",
      "只有数字化项目登记待数字化档案",
      "Only a digitization project has volumes to digitize",
    );
  if (p.status !== "draft" && p.status !== "active")
    throw refuse(
      "PROJECT_NOT_OPEN",
      "Z-6.1",
      "项目已结束或暂停，不能再登记",
      "The project is closed or suspended",
      { status: p.status },
      409,
    );
}

/** Z-6.3, Z-7.2: handovers, batches and station moves need a started project. */
export function assertDigitizationActive(p: OriginalsProject, clause = "Z-6.3"): void {
  assertDigitizationSetUp(p);
  if (p.status !== "active")
    throw refuse(
      "PROJECT_NOT_ACTIVE",
      clause,
      "项目尚未启动，不能开展档案实体交接和数字化作业",
      "The project has not started; originals cannot be handed over or worked on",
      { status: p.status },
      409,
    );
}
