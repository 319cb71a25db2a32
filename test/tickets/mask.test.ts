import { expect, it } from "vitest";
import { findPhone, maskName, maskPhones, summarize, withoutPhones } from "../../src/tickets/mask.js";

it("masks names to the family name", () => {
  expect(maskName("张秀英")).toBe("张**");
  expect(maskName("欧阳娜娜")).toBe("欧**");
  expect(maskName("  ")).toBe("居民");
});

it("masks mobile and landline numbers but not flat numbers or dates", () => {
  expect(maskPhones("电话13812345678找我")).toBe("电话138****5678找我");
  expect(maskPhones("座机 010-62345678")).toBe("座机 010-****5678");
  expect(maskPhones("3号楼2单元501, 2026年11月")).toBe("3号楼2单元501, 2026年11月");
});

it("finds the contact number for the claimer", () => {
  expect(findPhone("有事打15912345678或者找我老伴")).toBe("15912345678");
  expect(findPhone("3-2-501")).toBeNull();
});

it("summarizes to one masked line", () => {
  const s = summarize("楼道灯坏了\n\n电话 13812345678 " + "很久了".repeat(30), 30);
  expect(s).not.toContain("\n");
  expect(s).toContain("138****5678");
  expect([...s].length).toBe(31);
  expect(s.endsWith("…")).toBe(true);
});

it("leaves out phone numbers and the words naming them, for a line that needs only the gist", () => {
  expect(withoutPhones("3号楼楼道灯不亮, 电话13900000001")).toBe("3号楼楼道灯不亮");
  expect(withoutPhones("手机：13900000001，5号楼漏水")).toBe("5号楼漏水");
  expect(withoutPhones("水管漏了 座机 010-62345678 快来")).toBe("水管漏了 座机 快来");
  expect(withoutPhones("3号楼2单元501, 2026年11月")).toBe("3号楼2单元501, 2026年11月");
});
