// The classification-mark rule on OCR'd lines (Z-7.3, Z-6.1, D-10.8).
import { describe, expect, it } from "vitest";
import { findClassificationMarks, type ReadLine, screeningDecisionRefusal } from "../src/index.ts";

const line = (text: string, x = 100, y = 100, width = 200, height = 30): ReadLine => ({
  text,
  confidence: 0.99,
  bounds: { x, y, width, height },
});

describe("classification marks", () => {
  it.each([
    ["机密★10年", "机密", "10年"],
    ["秘密★1年", "秘密", "1年"],
    ["绝密★长期", "绝密", "长期"],
    ["机密 ★ 20 年", "机密", "20年"],
    ["機密☆5年", "机密", "5年"],
    ["秘密*6个月", "秘密", "6个月"],
    ["密级：机密★", "机密", null],
  ])("[Z-7.3] finds %s", (text, level, period) => {
    const [hit] = findClassificationMarks([line(text)]);
    expect(hit).toMatchObject({ level, period });
  });

  it.each([
    "关于加强秘密载体保密管理的通知",
    "★★★ 优秀档案室评选结果",
    "机密文件管理办法（试行）",
    "保密期限：按国家有关规定执行",
    "本文件不涉及国家秘密",
    "秘密★号文件说明",
  ])("[Z-7.3] does not take %s for a mark", (text) => {
    expect(findClassificationMarks([line(text)])).toEqual([]);
  });

  it("[Z-7.3] joins a mark read as two boxes of one row, and not boxes of different rows", () => {
    const split = findClassificationMarks([line("机密", 100, 100, 60, 30), line("★10年", 170, 102, 80, 30)]);
    expect(split).toHaveLength(1);
    expect(split[0]).toMatchObject({ level: "机密", period: "10年", text: "机密★10年" });
    expect(split[0]!.bounds).toEqual({ x: 100, y: 100, width: 150, height: 32 });
    expect(
      findClassificationMarks([line("机密", 100, 100, 60, 30), line("★10年", 170, 300, 80, 30)]),
    ).toEqual([]);
  });

  it("[Z-7.3] only the archive's client decides an alert, and only once", () => {
    const client = { type: "user", orgId: "c1" } as never;
    const agency = { type: "user", orgId: "a1" } as never;
    expect(screeningDecisionRefusal(client, { status: "open", clientOrgId: "c1" })).toBeNull();
    expect(screeningDecisionRefusal(agency, { status: "open", clientOrgId: "c1" })?.code).toBe(
      "SCREENING_DECIDED_BY_CLIENT",
    );
    expect(screeningDecisionRefusal(client, { status: "cleared", clientOrgId: "c1" })?.code).toBe(
      "SCREENING_ALREADY_DECIDED",
    );
  });
});
