// The 成绩单 handed upward: an Excel file with one sheet per table and a CSV per table, read
// back the way a secretary's Excel would read them (exceljs; an RFC 4180 reader), with names
// that look like formulas kept as text.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { PeriodReport } from "../../src/reports/period-report.js";
import { reportToCsv } from "../../src/reports/report-csv.js";
import { reportTableIds } from "../../src/reports/report-tables.js";
import { reportToXlsx } from "../../src/reports/report-xlsx.js";
import { china, type Community, makeCommunity, STAFF } from "./period-fixture.js";

const LIU = { id: "vol-liu", name: "刘志强" };
/** A volunteer whose WeChat name a spreadsheet would run as a formula. */
const TRICKY = { id: "vol-x", name: '=HYPERLINK("http://example.invalid","点我")' };
const PRAISE = '王阿姨说:"小刘, 谢谢你"\n第二天又来帮忙';

let c: Community;
let report: PeriodReport;

beforeEach(async () => {
  c = await makeCommunity("2026-11-09 08:00");
  const a = await c.request("2026-11-09 08:00", { text: "下水道堵了往上冒水", category: "repair", building: "3" });
  await c.claim("2026-11-09 09:00", a.id, LIU);
  await c.finish("2026-11-09 11:00", a.id, LIU);
  await c.rate("2026-11-09 12:00", a.id, a.resident, 5);
  const b = await c.request("2026-11-10 08:00", { text: "想请志愿者帮忙买点菜", category: "elderly", building: "5" });
  await c.claim("2026-11-10 09:00", b.id, TRICKY);
  await c.finish("2026-11-10 10:00", b.id, TRICKY);
  await c.rate("2026-11-10 12:00", b.id, b.resident, 3);
  await c.request("2026-11-11 08:00", { text: "垃圾桶满了没人清", category: "sanitation", building: "5" });
  await c.praise("2026-11-11 10:00", PRAISE, { by: STAFF, staff: true });
  await c.praise("2026-11-11 11:00", "-1 是不对的, @所有人 看这里", { by: STAFF, staff: true });
  await c.handOver("2026-11-12 10:00", "老年证在哪里办");
  c.at("2026-11-12 15:00");
  report = await c.reports.periodReport({ period: "week", containing: china("2026-11-12 15:00") });
});
afterEach(async () => {
  await c.dispose();
});

describe("Excel", () => {
  it("has one sheet per table with Chinese headers, rates as percentages and formula-looking text kept as text", async () => {
    const wb = new ExcelJS.Workbook();
    // exceljs types its Buffer apart from Node's; it reads a Node Buffer as is.
    await wb.xlsx.load((await reportToXlsx(report)) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["总览", "分类", "楼栋", "志愿者", "好人好事", "转人工", "每日"]);

    const overview = wb.getWorksheet("总览")!;
    const row = (label: string) => overview.getRows(1, overview.rowCount)!.find((r) => r.getCell(1).value === label)!;
    expect(row("周期").getCell(2).value).toBe("2026年第46周");
    expect(row("受理(件)").getCell(2).value).toBe(3);
    expect(row("办结(件)").getCell(2).value).toBe(2);
    // 2 of 3 answered in time; 1 of 2 rated 满意 (a 3 is rated, not satisfied).
    expect(row("响应率").getCell(2).value).toBeCloseTo(2 / 3);
    expect(row("响应率").getCell(2).numFmt).toBe("0%");
    expect(row("满意率").getCell(2).value).toBe(0.5);
    expect(row("转人工(件)").getCell(2).value).toBe(1);

    const categories = wb.getWorksheet("分类")!;
    expect(categories.getRow(1).values).toEqual([
      undefined,
      "分类",
      "受理",
      "办结",
      "响应率",
      "解决率",
      "满意率",
      "响应(及时/计入)",
      "满意(满意/评价)",
    ]);
    expect(categories.getRow(4).getCell(1).value).toBe("环境卫生");
    expect(categories.getRow(4).getCell(6).value).toBe("—"); // nothing rated: a dash, never 0%

    const volunteers = wb.getWorksheet("志愿者")!;
    const names = [volunteers.getRow(2), volunteers.getRow(3)].map((r) => r.getCell(1));
    expect(names.map((n) => n.value)).toEqual([`'${TRICKY.name}`, "刘志强"]);
    expect(names[0]!.type).toBe(ExcelJS.ValueType.String);
    expect(volunteers.getRow(3).getCell(6).value).toBe(5);

    const praise = wb.getWorksheet("好人好事")!;
    expect(praise.getRow(2).getCell(3).value).toBe(PRAISE);
    expect(praise.getRow(3).getCell(3).value).toBe("'-1 是不对的, @所有人 看这里");
    expect(praise.getColumn(3).width).toBeGreaterThanOrEqual(30); // wide enough to read the note

    const daily = wb.getWorksheet("每日")!;
    expect(daily.rowCount).toBe(1 + 4); // Monday to Thursday so far
    expect(daily.getRow(2).values).toEqual([undefined, "11月9日", 1, 1]);
  });
});

describe("CSV", () => {
  it("opens in Excel as Chinese and reads back field for field, commas, quotes and line breaks included", () => {
    const csv = reportToCsv(report, "praise");
    expect(csv.startsWith("\uFEFF时间,来源,内容,记录人,相关工单\r\n")).toBe(true);
    const rows = readCsv(csv.slice(1));
    expect(rows[1]).toEqual(["2026-11-11 10:00", "社区表扬", PRAISE, "赵书记", ""]);
    expect(rows[2]![2]).toBe("'-1 是不对的, @所有人 看这里");

    const volunteers = readCsv(reportToCsv(report, "volunteers").slice(1));
    expect(volunteers[1]).toEqual([`'${TRICKY.name}`, "1", "1", "1", "0", "3.0"]);

    const overview = readCsv(reportToCsv(report, "overview").slice(1));
    expect(overview).toContainEqual(["响应率", "67%"]);
    expect(overview).toContainEqual(["满意率(满意/评价)", "1/2"]);
  });

  it("writes every table with the same number of fields on every line", () => {
    for (const id of reportTableIds) {
      const rows = readCsv(reportToCsv(report, id).slice(1));
      expect(rows.length).toBeGreaterThan(1);
      expect(new Set(rows.map((r) => r.length)).size).toBe(1);
    }
  });
});

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, doubled quotes and line breaks. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += ch;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}
