// Human-readable names for the API's codes, in both languages, with tag colours.

import type { ClauseKind } from "@dangan/domain";
import type {
  AuditAction,
  Bilingual,
  ClauseModule,
  CustodyMode,
  LedgerKind,
  ProjectAction,
  ProjectStatus,
  RegistrationStatus,
  RegulatorLevel,
  SiteKind,
} from "../api/types.ts";

const b = (zh: string, en: string): Bilingual => ({ zh, en });

export const PROJECT_STATUS: Record<ProjectStatus, Bilingual & { color: string }> = {
  draft: { ...b("草拟", "Draft"), color: "default" },
  active: { ...b("实施中", "Active"), color: "processing" },
  suspended: { ...b("已暂停", "Suspended"), color: "warning" },
  completed: { ...b("已完成", "Completed"), color: "success" },
  cancelled: { ...b("已取消", "Cancelled"), color: "error" },
};

export const PROJECT_ACTION: Record<ProjectAction, Bilingual> = {
  start: b("开始实施", "Start"),
  suspend: b("暂停", "Suspend"),
  resume: b("恢复", "Resume"),
  complete: b("完成", "Complete"),
  cancel: b("取消项目", "Cancel project"),
};

export const REGISTRATION_COLOR: Record<RegistrationStatus, string> = {
  active: "success",
  suspended: "warning",
  revoked: "error",
};

export const SERVICE_COLOR: Record<string, string> = {
  custody: "geekblue",
  digitization: "cyan",
  arrangement: "purple",
  system_building: "gold",
};

export const CUSTODY_MODE: Record<CustodyMode, Bilingual> = {
  deposit: b("寄存（仅保管）", "Deposit (storage only)"),
  custody: b("托管（保管并管理利用）", "Custody (storage and management)"),
};

export const SITE_KIND: Record<SiteKind, Bilingual> = {
  client_premises: b("本单位场所", "Client's premises"),
  designated_site: b("指定场所", "Designated site"),
  agency_premises: b("中介机构场所", "Agency's premises"),
  other: b("其他场所", "Other site"),
};

export const REGULATOR_LEVEL: Record<RegulatorLevel, Bilingual> = {
  city: b("市级", "City level"),
  district: b("区级", "District level"),
};

export const LEDGER_KIND: Record<LedgerKind, Bilingual & { color: string }> = {
  supervision: { ...b("监督检查", "Supervision"), color: "blue" },
  problem: { ...b("发现问题", "Problem"), color: "volcano" },
  rectification: { ...b("整改", "Rectification"), color: "green" },
  note: { ...b("记事", "Note"), color: "default" },
};

export const LEDGER_STATUS: Record<"open" | "closed", Bilingual & { color: string }> = {
  open: { ...b("未整改", "Open"), color: "error" },
  closed: { ...b("已整改", "Closed"), color: "success" },
};

export const AUDIT_ACTION: Record<AuditAction, Bilingual & { color: string }> = {
  "organisation.created": { ...b("登记机构", "Organisation registered"), color: "blue" },
  "organisation.updated": { ...b("修改机构信息", "Organisation updated"), color: "blue" },
  "organisation.standing_changed": { ...b("变更登记事项", "Standing changed"), color: "orange" },
  "user.created": { ...b("新增用户", "User added"), color: "cyan" },
  "user.updated": { ...b("修改用户", "User changed"), color: "cyan" },
  "user.password_changed": { ...b("修改密码", "Password changed"), color: "cyan" },
  "user.locked": { ...b("账户锁定", "Account locked"), color: "red" },
  "user.unlocked": { ...b("解除锁定", "Account unlocked"), color: "cyan" },
  "auth.signed_in": { ...b("登录", "Signed in"), color: "default" },
  "auth.sign_in_failed": { ...b("登录失败", "Sign-in failed"), color: "red" },
  "auth.signed_out": { ...b("退出登录", "Signed out"), color: "default" },
  "api_token.created": { ...b("创建 API 令牌", "API token created"), color: "purple" },
  "api_token.revoked": { ...b("吊销 API 令牌", "API token revoked"), color: "purple" },
  "project.created": { ...b("登记项目", "Project registered"), color: "geekblue" },
  "project.updated": { ...b("修改项目", "Project changed"), color: "geekblue" },
  "project.transitioned": { ...b("项目状态变更", "Project status changed"), color: "geekblue" },
  "contract.saved": { ...b("保存合同", "Contract saved"), color: "gold" },
  "contract.signed": { ...b("签订合同", "Contract signed"), color: "gold" },
  "ledger.entry_added": { ...b("记入工作台帐", "Ledger entry added"), color: "green" },
  "ledger.entry_closed": { ...b("问题整改关闭", "Ledger problem closed"), color: "green" },
  "attachment.added": { ...b("上传附件", "Attachment added"), color: "lime" },
  "confirmation.signed": { ...b("签署确认", "Confirmation signed"), color: "magenta" },
  "catalogue.imported": { ...b("导入交接目录", "Handover catalogue imported"), color: "geekblue" },
  "catalogue.import_refused": { ...b("交接目录导入被拒", "Handover catalogue refused"), color: "red" },
  "catalogue.confirmed": { ...b("交接目录双方确认", "Handover catalogue confirmed"), color: "magenta" },
  "catalogue.withdrawn": { ...b("撤回交接目录", "Handover catalogue withdrawn"), color: "default" },
  "grant.drafted": { ...b("起草书面授权", "Written grant drafted"), color: "default" },
  "grant.issued": { ...b("签发书面授权", "Written grant issued"), color: "green" },
  "grant.revoked": { ...b("撤销书面授权", "Written grant revoked"), color: "red" },
  "use_request.submitted": { ...b("提交调阅申请", "Use request submitted"), color: "blue" },
  "use_request.transitioned": { ...b("办理调阅申请", "Use request step"), color: "cyan" },
  "use_request.admission_recorded": { ...b("登记介绍信与证件", "Letter and ID recorded"), color: "purple" },
  "reading_session.started": { ...b("开始现场阅览", "Reading session started"), color: "gold" },
  "reading_session.ended": { ...b("结束现场阅览", "Reading session ended"), color: "default" },
  "scan_job.started": { ...b("开始扫描任务", "Scan job started"), color: "gold" },
  "scan_job.finished": { ...b("结束扫描任务", "Scan job finished"), color: "default" },
  "remote_copy.delivered": { ...b("交付远程调阅件", "Remote copy delivered"), color: "blue" },
  "remote_copy.downloaded": { ...b("下载远程调阅件", "Remote copy downloaded"), color: "cyan" },
  "remote_copy.download_refused": {
    ...b("拒绝下载远程调阅件", "Remote copy download refused"),
    color: "red",
  },
  "remote_copy.withdrawn": { ...b("撤回远程调阅件", "Remote copy withdrawn"), color: "orange" },
  "loan.consented": { ...b("委托方同意出借", "Loan consented"), color: "purple" },
  "loan.recorded": { ...b("登记出借", "Loan recorded"), color: "blue" },
  "loan.handed_over": { ...b("核验身份交付出借档案", "Loan handed over"), color: "gold" },
  "loan.received_back": { ...b("出借档案送回", "Loan received back"), color: "green" },
  "loan.overdue": { ...b("出借超期预警", "Loan overdue"), color: "red" },
  "return_check.recorded": { ...b("归还逐件核对", "Return checked"), color: "cyan" },
  "return_check.reported": { ...b("出具归还差异书面报告", "Return discrepancy reported"), color: "orange" },
  "box.reshelved": { ...b("归还档案盒归位", "Box re-shelved"), color: "green" },
  "intake_batch.created": { ...b("创建入库批次", "Intake batch started"), color: "geekblue" },
  "intake_batch.transitioned": { ...b("入库步骤记录", "Intake step recorded"), color: "geekblue" },
  "intake.condition_recorded": { ...b("记录载体状况", "Condition recorded"), color: "orange" },
  "intake.treatment_recorded": { ...b("记录技术处理", "Treatment recorded"), color: "green" },
  "intake.repack_consented": { ...b("同意拆箱重装", "Repacking consented"), color: "magenta" },
  "intake.content_access_granted": { ...b("授权查看档案内容", "Content access granted"), color: "red" },
  "intake.content_access_revoked": { ...b("撤销内容查看授权", "Content access revoked"), color: "default" },
  "intake.content_added": { ...b("上传档案内容", "Item content added"), color: "lime" },
  "intake.content_viewed": { ...b("查看档案内容", "Item content viewed"), color: "red" },
  "box.created": { ...b("装箱编号", "Box made"), color: "cyan" },
  "box.sealed": { ...b("检查封箱", "Box sealed"), color: "cyan" },
  "box.inspected": { ...b("入库核查", "Box inspected"), color: "cyan" },
  "box.moved": { ...b("档案盒进出库/移位", "Box moved"), color: "cyan" },
  "inventory_plan.created": { ...b("建立盘点计划", "Inventory plan created"), color: "geekblue" },
  "inventory_plan.updated": { ...b("修改盘点计划", "Inventory plan changed"), color: "geekblue" },
  "inventory_check.started": { ...b("开始盘点", "Inventory check started"), color: "geekblue" },
  "inventory_check.shelf_opened": { ...b("开始盘点库位", "Shelf opened"), color: "default" },
  "inventory_check.scanned": { ...b("扫描档案盒", "Box scanned"), color: "default" },
  "inventory_check.shelf_closed": { ...b("结束盘点库位", "Shelf closed"), color: "default" },
  "inventory_check.finding_recorded": { ...b("记录虫霉等情况", "Treatment need recorded"), color: "volcano" },
  "inventory_check.completed": { ...b("完成盘点", "Inventory check completed"), color: "green" },
  "inventory_result.reshelved": { ...b("错架档案归位", "Misplaced box re-shelved"), color: "purple" },
  "incident.opened": { ...b("报告事故", "Incident reported"), color: "red" },
  "incident.updated": { ...b("事故调查", "Incident under investigation"), color: "orange" },
  "incident.closed": { ...b("事故结案", "Incident closed"), color: "green" },
  "inspection.created": { ...b("发起检查", "Inspection started"), color: "blue" },
  "inspection.item_answered": { ...b("填写检查项", "Checklist item answered"), color: "default" },
  "inspection.finding_added": { ...b("记录检查问题", "Finding recorded"), color: "orange" },
  "inspection.completed": { ...b("完成检查", "Inspection completed"), color: "green" },
  "rectification.issued": { ...b("下达整改通知", "Rectification ordered"), color: "orange" },
  "rectification.responded": { ...b("提交整改回复", "Rectification response"), color: "blue" },
  "rectification.accepted": { ...b("整改验收通过", "Rectification accepted"), color: "green" },
  "rectification.rejected": { ...b("退回整改", "Rectification rejected"), color: "red" },
  "rectification.escalated": { ...b("逾期督办", "Rectification escalated"), color: "red" },
  "notice.published": { ...b("发布通报", "Notice published"), color: "volcano" },
  "spot_check_plan.created": { ...b("制定年度抽查计划", "Spot-check plan drawn"), color: "purple" },
  "filing.submitted": { ...b("报送已提交", "Filing submitted"), color: "blue" },
  "filing.returned": { ...b("报送被退回", "Filing returned"), color: "orange" },
  "filing.resubmitted": { ...b("报送已重新提交", "Filing resubmitted"), color: "blue" },
  "filing.verified": { ...b("报送已核查", "Filing verified"), color: "green" },
  "sensor.registered": { ...b("登记传感器", "Sensor registered"), color: "cyan" },
  "sensor.updated": { ...b("修改传感器", "Sensor changed"), color: "cyan" },
  "sensor.credentials_rotated": { ...b("更换传感器密钥", "Sensor credentials replaced"), color: "purple" },
  "environment.readings_imported": { ...b("导入温湿度读数", "Readings imported"), color: "cyan" },
  "environment.alert_opened": { ...b("环境告警", "Environment alert"), color: "red" },
  "environment.alert_acknowledged": { ...b("确认环境告警", "Alert acknowledged"), color: "green" },
  "environment.limits_set": { ...b("设定环境限值", "Environment limits set"), color: "orange" },
  "vault.entered": { ...b("进入库房", "Vault entered"), color: "geekblue" },
  "vault.exited": { ...b("离开库房", "Vault exited"), color: "geekblue" },
  "signing_key.created": { ...b("生成签名密钥", "Signing key created"), color: "purple" },
  "site.created": { ...b("登记库房场地", "Site registered"), color: "gold" },
  "site.updated": { ...b("修改场地", "Site changed"), color: "gold" },
  "site.deleted": { ...b("删除场地", "Site deleted"), color: "default" },
  "facility_room.saved": { ...b("登记功能用房", "Room saved"), color: "gold" },
  "facility_room.deleted": { ...b("删除功能用房", "Room removed"), color: "default" },
  "vault.created": { ...b("登记库房", "Vault registered"), color: "gold" },
  "vault.updated": { ...b("修改库房", "Vault changed"), color: "gold" },
  "vault.deleted": { ...b("删除库房", "Vault deleted"), color: "default" },
  "vault.key_holder_added": { ...b("发放库房钥匙", "Key issued"), color: "orange" },
  "vault.key_holder_removed": { ...b("收回库房钥匙", "Key taken back"), color: "orange" },
  "camera.saved": { ...b("登记视频监控", "Camera saved"), color: "gold" },
  "camera.deleted": { ...b("删除视频监控", "Camera removed"), color: "default" },
  "fire_alarm.saved": { ...b("登记火灾报警", "Fire alarm saved"), color: "gold" },
  "fire_alarm.deleted": { ...b("删除火灾报警", "Fire alarm removed"), color: "default" },
  "equipment.saved": { ...b("登记防护设备", "Equipment saved"), color: "gold" },
  "equipment.maintained": { ...b("设备检查维护", "Equipment checked"), color: "green" },
  "staff.saved": { ...b("登记从业人员", "Staff saved"), color: "cyan" },
  "staff.training_added": { ...b("记录培训", "Training recorded"), color: "cyan" },
  "location.generated": { ...b("生成库位", "Locations generated"), color: "purple" },
  "location.updated": { ...b("修改库位", "Location changed"), color: "purple" },
  "system.migrated": { ...b("数据库迁移", "Database migrated"), color: "default" },
  "system.restored": { ...b("数据恢复", "Data restored"), color: "default" },
};

export const ENTITY_TYPE: Record<string, Bilingual> = {
  organisation: b("机构", "Organisation"),
  user: b("用户", "User"),
  api_token: b("API 令牌", "API token"),
  project: b("项目", "Project"),
  contract: b("合同", "Contract"),
  ledger_entry: b("台帐记录", "Ledger entry"),
  handover_catalogue: b("交接目录", "Handover catalogue"),
  intake_batch: b("入库批次", "Intake batch"),
  box: b("档案箱", "Box"),
  inventory_plan: b("盘点计划", "Inventory plan"),
  inventory_check: b("盘点", "Inventory check"),
  environment_sensor: b("传感器", "Sensor"),
  environment_alert: b("环境告警", "Environment alert"),
  vault_entry: b("库房进出登记", "Vault entry"),
  system: b("系统", "System"),
  site: b("库房场地", "Site"),
  vault: b("库房", "Vault"),
  camera: b("视频监控", "Camera"),
  fire_alarm: b("火灾报警", "Fire alarm"),
  protective_equipment: b("防护设备", "Protective equipment"),
  staff_member: b("从业人员", "Staff member"),
};

export const CLAUSE_KIND: Record<ClauseKind, Bilingual & { color: string }> = {
  scope: { ...b("适用范围", "Scope"), color: "default" },
  heading: { ...b("标题", "Heading"), color: "default" },
  term: { ...b("术语", "Term"), color: "default" },
  policy: { ...b("原则", "Policy"), color: "blue" },
  rule: { ...b("规则", "Rule"), color: "red" },
  workflow: { ...b("流程", "Workflow"), color: "purple" },
  record: { ...b("记录", "Record"), color: "green" },
  check: { ...b("检查", "Check"), color: "orange" },
  monitor: { ...b("监测", "Monitor"), color: "cyan" },
  report: { ...b("报送", "Report"), color: "gold" },
};

export const CLAUSE_MODULE: Record<ClauseModule, Bilingual> = {
  all: b("通用要求", "General"),
  oversight: b("监督管理", "Oversight"),
  client: b("委托方责任", "Client duties"),
  agency: b("中介机构要求", "Agency duties"),
  custody: b("档案寄存托管（D）", "Custody (D)"),
  digitization: b("档案数字化（Z）", "Digitization (Z)"),
};

export const CHAIN_BREAK: Record<string, Bilingual> = {
  sequence_gap: b("序号不连续（事件被删除或插入）", "Sequence gap (an event was deleted or inserted)"),
  prev_hash_mismatch: b("前序哈希不符（链条被改动）", "Previous hash mismatch (the chain was altered)"),
  hash_mismatch: b("事件哈希不符（内容被篡改）", "Event hash mismatch (its content was altered)"),
};

export const ORG_KIND_COLOR = { regulator: "red", client: "blue", agency: "green" } as const;
