// D-10.6: on-site reading happens in a reading room of the agency (a public
// service room, D-5.3) under camera coverage recorded around the clock; the
// session names the cameras that cover it.
import { DomainError } from "../errors/domain-error.ts";

export interface ReadingRoomFacts {
  room: { id: string; siteId: string; roomFunction: string; agencyOrgId: string } | null;
  cameras: readonly { id: string; siteId: string; covers: readonly string[]; recordingAllDay: boolean }[];
}

const refuse = (code: string, zh: string, en: string, details?: Record<string, unknown>) =>
  new DomainError({
    code,
    status: 422,
    clause: "D-10.6",
    message: { zh, en },
    ...(details ? { details } : {}),
  });

/** The refusal when the named room and cameras do not make a covered reading room. */
export function readingRoomRefusal(f: ReadingRoomFacts, agencyOrgId: string): DomainError | undefined {
  if (!f.room || f.room.agencyOrgId !== agencyOrgId || f.room.roomFunction !== "public_service")
    return refuse(
      "NOT_A_READING_ROOM",
      "现场调阅须在受托机构的专门阅览室（公共服务用房）进行",
      "On-site reading must take place in a reading room (public service room) of the agency",
    );
  const covering = f.cameras.filter(
    (c) => c.siteId === f.room!.siteId && c.covers.includes("reading_room") && c.recordingAllDay,
  );
  if (covering.length === 0 || covering.length !== f.cameras.length)
    return refuse(
      "READING_ROOM_NOT_COVERED",
      "须指定覆盖该阅览室并全天录像的监控探头",
      "Name the cameras that cover this reading room and record around the clock",
      { cameraIds: f.cameras.filter((c) => !covering.includes(c)).map((c) => c.id) },
    );
  return undefined;
}
