import { describe, expect, it } from "vitest";
import { emergencySituation } from "../../src/understand/emergency-situation.js";
import { emergencyAdvice } from "../../src/tickets/emergency-replies.js";

describe("the situation of an urgent report", () => {
  it.each([
    ["厨房里一股子液化气的味道 好冲", "gas"],
    ["隔壁阳台往外冒黑烟 可能着火了", "fire"],
    ["煤气灶那边烧起来了", "fire"],
    ["我奶奶在卫生间滑倒了 起不来", "fall"],
    ["我爸突然说胸口疼 喘不上气", "unwell"],
    ["我家老爷子上午出去遛弯 到现在也没回家 电话打不通", "missing"],
    ["楼上水管裂了 水哗哗往下淹", "flood"],
    ["5号楼电梯卡在两层中间 里面关着两个人", "lift"],
    ["小区门口一根电线垂到地上还在打火", "electric"],
    ["对面楼有个小孩爬上窗台了 大人不在", "child"],
    ["独居的王大爷家暖气坏了 屋里冻得不行", "cold"],
    ["楼上的水渗进我家吊灯里了 灯还开着", "electric"],
    ["楼道里一股臭鸡蛋的味儿", "gas"],
    ["隔篱屋门缝有烟出嚟", "fire"],
    ["阳台护栏掉了一截 孩子刚才差点钻出去", "child"],
  ])("%s → %s", (text, situation) => {
    expect(emergencySituation(text)).toBe(situation);
  });

  it("never tells someone beside a fallen or unwell person to leave", () => {
    for (const s of ["fall", "unwell", "missing", "child", "cold"] as const) {
      expect(emergencyAdvice[s]).not.toMatch(/离开/);
    }
    expect(emergencyAdvice.fall).toMatch(/别急着扶|别随意搬动/);
    expect(emergencyAdvice.fall).toContain("120");
  });

  it("gives the standard first steps for gas, fire and a lift", () => {
    expect(emergencyAdvice.gas).toMatch(/别开关电灯电器/);
    expect(emergencyAdvice.gas).toMatch(/别在屋里打电话/);
    expect(emergencyAdvice.gas).toMatch(/室外/);
    expect(emergencyAdvice.fire).toMatch(/119/);
    expect(emergencyAdvice.fire).toMatch(/别坐电梯/);
    expect(emergencyAdvice.lift).toMatch(/别扒门/);
    expect(emergencyAdvice.missing).toMatch(/110/);
  });
});
