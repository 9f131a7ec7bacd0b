// A use request (D-10.1): from submission to closure as a transition table.
// The agency accepts, takes the boxes out of the vault, serves the request in
// its mode (reading room, remote copy, proxy search, loan), checks what comes
// back item by item and re-shelves it. Each guard names the clause it keeps.
import type { DomainError } from "../errors/domain-error.ts";
import { allGuards, guardRefusal, listedNames, type Workflow } from "../workflow/engine.ts";
import type { RequesterKind, UseMode } from "./modes.ts";

export const USE_REQUEST_STATES = [
  "submitted",
  "accepted",
  "retrieved",
  "in_service",
  "returning",
  "return_blocked",
  "returned",
  "closed",
  "rejected",
  "cancelled",
] as const;
export type UseRequestState = (typeof USE_REQUEST_STATES)[number];

export const USE_REQUEST_ACTIONS = [
  "accept",
  "reject",
  "cancel",
  "retrieve",
  "start_service",
  "finish_service",
  "pass_return_check",
  "fail_return_check",
  "settle_discrepancy",
  "close",
] as const;
export type UseRequestAction = (typeof USE_REQUEST_ACTIONS)[number];

/** States in which boxes of the request are out of their shelves. */
export const OUT_OF_VAULT_STATES: readonly UseRequestState[] = [
  "retrieved",
  "in_service",
  "returning",
  "return_blocked",
  "returned",
];

export interface UseRequestContext {
  mode: UseMode;
  requester: RequesterKind;
  /** The grant check (useRequestRefusal) at the time of the action. */
  accessRefusal: DomainError | undefined;
  /** Box numbers of the request still on their shelves. */
  boxesNotRetrieved: string[];
  /** D-10.3, D-10.9: the client's letter of introduction is recorded (attachment). */
  letterRecorded: boolean;
  /** D-10.3: the reader's ID card or work card was checked and recorded. */
  readerIdChecked: boolean;
  /** D-10.6: the reading room named for the session has camera coverage. */
  readingRoomCovered: boolean;
  /** D-10.6: the client's written consent to lend. */
  loanConsent: boolean;
  /** D-10.6: a loan record with a due date exists. */
  loanRecorded: boolean;
  /** D-10.6: the receiver's identity was checked at delivery. */
  receiverIdChecked: boolean;
  /** D-10.8: the scan job names its operator and the camera it runs under. */
  scanUnderCamera: boolean;
  /** Service still running: an open reading session, undelivered files, a loan not back. */
  serviceOpen: boolean;
  /** D-11.1: every item that went out has been checked on return. */
  itemsUnchecked: number;
  /** D-11.1: items found missing or damaged on return. */
  discrepancies: number;
  /** D-11.1: the written report to the client exists. */
  discrepancyReported: boolean;
  /** D-11.2: box numbers not yet back at their recorded location. */
  boxesNotReshelved: string[];
  input?: { reason?: string | undefined };
}

type Guard = (ctx: UseRequestContext) => DomainError | undefined;

const refuse = guardRefusal;

const listed = listedNames;

const all = (...guards: Guard[]): Guard => allGuards<UseRequestContext>(...guards);

const when =
  (modes: readonly UseMode[], guard: Guard): Guard =>
  (ctx) =>
    modes.includes(ctx.mode) ? guard(ctx) : undefined;

const access: Guard = (ctx) => ctx.accessRefusal;

const reasonGiven: Guard = (ctx) =>
  ctx.input && !ctx.input.reason?.trim()
    ? refuse(
        "REASON_REQUIRED",
        "D-10.2",
        "不予受理须写明理由；委托方调阅本单位档案不得无故阻挠",
        "A refusal must give its reason: the client's own use may not be obstructed without cause",
      )
    : undefined;

const allRetrieved: Guard = (ctx) =>
  ctx.boxesNotRetrieved.length === 0
    ? undefined
    : refuse(
        "BOXES_NOT_RETRIEVED",
        "D-9.11",
        `档案箱 ${listed(ctx.boxesNotRetrieved)} 尚未办理出库调取登记`,
        `Box(es) ${listed(ctx.boxesNotRetrieved)} have not been checked out of the vault`,
        { boxes: ctx.boxesNotRetrieved },
      );

const onSite: Guard = all(
  (ctx) =>
    ctx.letterRecorded
      ? undefined
      : refuse(
          "LETTER_REQUIRED",
          "D-10.3",
          "现场调阅前须审核并登记委托方出具的介绍信",
          "On-site use needs the client's letter of introduction, checked and recorded, first",
        ),
  (ctx) =>
    ctx.readerIdChecked
      ? undefined
      : refuse(
          "READER_ID_NOT_CHECKED",
          "D-10.3",
          "现场调阅前须核验调阅利用者的身份证或工作证",
          "On-site use needs the reader's ID card or work card checked first",
        ),
  (ctx) =>
    ctx.readingRoomCovered
      ? undefined
      : refuse(
          "READING_ROOM_NOT_COVERED",
          "D-10.6",
          "现场调阅须在有全程视频监控的专门阅览室进行",
          "On-site reading must take place in a reading room under full camera coverage",
        ),
);

const lending: Guard = all(
  (ctx) =>
    ctx.loanConsent
      ? undefined
      : refuse(
          "LOAN_CONSENT_REQUIRED",
          "D-10.6",
          "客户档案原则上不予出借；确需出借须经委托方书面同意",
          "Client archives are not lent in principle; a loan needs the client's written consent",
        ),
  (ctx) =>
    ctx.loanRecorded
      ? undefined
      : refuse(
          "LOAN_NOT_RECORDED",
          "D-10.6",
          "出借须办理出借登记并明确归还日期",
          "A loan needs a loan record with a due date",
        ),
  (ctx) =>
    ctx.receiverIdChecked
      ? undefined
      : refuse(
          "RECEIVER_ID_NOT_CHECKED",
          "D-10.6",
          "须验证档案接收人员身份后方能交付",
          "Archives are handed over only after the receiver's identity is checked",
        ),
);

const underCamera: Guard = (ctx) =>
  ctx.scanUnderCamera
    ? undefined
    : refuse(
        "SCAN_NOT_UNDER_CAMERA",
        "D-10.8",
        "远程调阅的拆箱和扫描、拍摄、复制须在全程视频监控下进行，并登记操作人员和监控探头",
        "Opening and scanning for remote use must run under camera coverage, with operator and camera recorded",
      );

const serviceDone: Guard = (ctx) =>
  ctx.serviceOpen
    ? refuse(
        "SERVICE_STILL_OPEN",
        "D-10.4",
        "服务尚未结束（阅览未结束、文件未交付或出借未归还）",
        "The service is still running (a reading session, an undelivered copy or a loan not back)",
      )
    : undefined;

const allChecked: Guard = (ctx) =>
  ctx.itemsUnchecked === 0
    ? undefined
    : refuse(
        "RETURN_NOT_CHECKED",
        "D-11.1",
        `还有 ${ctx.itemsUnchecked} 件档案未逐件核对`,
        `${ctx.itemsUnchecked} item(s) have not been checked on return`,
      );

const noDiscrepancy: Guard = (ctx) =>
  ctx.discrepancies === 0
    ? undefined
    : refuse(
        "RETURN_DISCREPANCY",
        "D-11.1",
        `归还核对发现 ${ctx.discrepancies} 件档案缺损或遗失，须先查明原因并向委托方出具书面报告`,
        `${ctx.discrepancies} item(s) are missing or damaged; find the cause and report to the client in writing first`,
        { discrepancies: ctx.discrepancies },
      );

const hasDiscrepancy: Guard = (ctx) =>
  ctx.discrepancies > 0
    ? undefined
    : refuse("NO_DISCREPANCY", "D-11.1", "核对未发现差异", "The return check found no discrepancy");

const reported: Guard = (ctx) =>
  ctx.discrepancyReported
    ? undefined
    : refuse(
        "DISCREPANCY_NOT_REPORTED",
        "D-11.1",
        "须先向委托方出具书面报告",
        "The written report to the client must be issued first",
      );

const allReshelved: Guard = (ctx) =>
  ctx.boxesNotReshelved.length === 0
    ? undefined
    : refuse(
        "BOXES_NOT_RESHELVED",
        "D-11.2",
        `档案箱 ${listed(ctx.boxesNotReshelved)} 尚未按原索引位置归位`,
        `Box(es) ${listed(ctx.boxesNotReshelved)} are not back at their recorded location`,
        { boxes: ctx.boxesNotReshelved },
      );

export const USE_REQUEST_WORKFLOW: Workflow<UseRequestState, UseRequestAction, UseRequestContext> = {
  name: "use_request",
  transitions: [
    { action: "accept", from: ["submitted"], to: "accepted", guard: access },
    { action: "reject", from: ["submitted", "accepted"], to: "rejected", guard: reasonGiven },
    { action: "cancel", from: ["submitted", "accepted"], to: "cancelled" },
    { action: "retrieve", from: ["accepted"], to: "retrieved", guard: all(access, allRetrieved) },
    {
      action: "start_service",
      from: ["retrieved"],
      to: "in_service",
      guard: all(
        access,
        when(["reading"], onSite),
        when(["loan"], lending),
        when(["remote_copy", "proxy_search"], underCamera),
      ),
    },
    { action: "finish_service", from: ["in_service"], to: "returning", guard: serviceDone },
    {
      action: "pass_return_check",
      from: ["returning"],
      to: "returned",
      guard: all(allChecked, noDiscrepancy),
    },
    {
      action: "fail_return_check",
      from: ["returning"],
      to: "return_blocked",
      guard: all(allChecked, hasDiscrepancy),
    },
    { action: "settle_discrepancy", from: ["return_blocked"], to: "returned", guard: reported },
    { action: "close", from: ["returned"], to: "closed", guard: allReshelved },
  ],
};

/** The clause each action keeps, for the timeline and the use register (D-10.4). */
export const USE_REQUEST_ACTION_CLAUSE: Record<UseRequestAction, string> = {
  accept: "D-10.1",
  reject: "D-10.2",
  cancel: "D-10.4",
  retrieve: "D-9.11",
  start_service: "D-10.3",
  finish_service: "D-10.4",
  pass_return_check: "D-11.1",
  fail_return_check: "D-11.1",
  settle_discrepancy: "D-11.1",
  close: "D-11.2",
};
