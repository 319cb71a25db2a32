import { describe, expect, it } from "vitest";
import { loadKb } from "../../src/faq/load-kb.js";
import { demoKbPath, fixtureKbPath, loadTestKb } from "../helpers/knowledge-base.js";

describe("loadKb", () => {
  it("loads the 49 entries of the realistic fixture knowledge base without problems", () => {
    const { entries, problems } = loadKb(fixtureKbPath);
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(49);
    const canteen = entries.find((e) => e.id === "elder-canteen");
    expect(canteen?.title).toBe("长者食堂");
    expect(canteen?.questions).toContain("长者食堂几点开饭");
    expect(canteen?.tags).toEqual(["助餐", "老人", "长者食堂"]);
    expect(canteen?.answer.endsWith("\n")).toBe(false);
  });

  it("loads the demo knowledge base and keeps its schedules as extra fields", () => {
    const { entries, problems } = loadKb(demoKbPath);
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(15);
    const activities = entries.find((e) => e.id === "weekly-activities");
    expect(activities?.extra.schedule).toEqual(
      expect.arrayContaining([{ name: "太极拳晨练", when: "每天 6:30-7:30", place: "中心广场" }]),
    );
  });

  it.each([
    ["demo", demoKbPath],
    ["test", fixtureKbPath],
  ])("has no real-looking phone numbers in the %s knowledge base", (_name, path) => {
    const text = loadTestKb(path)
      .map((e) => e.answer)
      .join("\n");
    for (const phone of text.match(/\d{3,4}-\d{7,8}/g) ?? []) expect(phone).toMatch(/^0000-/);
  });
});

describe("the tests' knowledge-base reader", () => {
  it("fails loudly on a missing knowledge base instead of giving an empty index", () => {
    expect(() => loadTestKb(`${fixtureKbPath}-missing`)).toThrow(/找不到知识库/);
  });
});
