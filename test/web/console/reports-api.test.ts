// The 成绩单's API over the real path: work done in WeChat (gRPC mock) shows in the month's
// figures, the Excel file and the CSV say the same, and nobody without a session reads any of it.
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { isoDateOf } from "../../../src/reports/report-period.js";
import { toChinaDate } from "../../../src/text/china-time.js";
import { useConsole } from "../../helpers/console-harness.js";
import { doSomeWork } from "../../helpers/report-work.js";

const today = () => isoDateOf(toChinaDate(new Date()));

async function fetchBytes(url: string, cookie: string) {
  const r = await fetch(url, { headers: { cookie } });
  return { status: r.status, headers: r.headers, bytes: Buffer.from(await r.arrayBuffer()) };
}

/** A sheet as rows of plain values (row 1 is the header). */
function rowsOf(ws: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe("the 成绩单 API", () => {
  const c = useConsole();

  it("answers nobody without a session: not the page's data, not the downloads, not a resident", async () => {
    for (const path of [
      "/api/reports?period=month",
      "/api/reports/export.xlsx?period=month",
      "/api/reports/export.csv?period=month&table=volunteers",
    ]) {
      const r = await c.anonymous("GET", path);
      expect(r.status, path).toBe(401);
      expect(r.body.message).toBe("请先登录。");
    }
    // A resident cannot get a code, so a resident's browser has no session either.
    expect(await c.codeFor("zhang")).toBeNull();
    const forged = await c.anonymous("GET", "/api/reports", undefined, { cookie: "linli_session=not-a-session" });
    expect(forged.status).toBe(401);
  });

  it("refuses a bad period, a bad or impossible date, a period not begun and an unknown table in Chinese", async () => {
    const staff = await c.signIn();
    const cases: [string, RegExp][] = [
      ["/api/reports?period=decade", /周期不对.*按周.*按月.*按年/],
      ["/api/reports?period=month&date=15.11.2026", /日期格式不对.*2026-11-15/],
      ["/api/reports?period=month&date=2026-02-30", /没有这一天: 2026-02-30/],
      ["/api/reports?period=month&date=1999-12-01", /没有这一天/],
      [`/api/reports?period=year&date=${Number(today().slice(0, 4)) + 1}-06-01`, /这年还没开始/],
      ["/api/reports/export.xlsx?period=week&date=2026-13-01", /没有这一天/],
      ["/api/reports/export.csv?period=month", /请选择要下载的表格/],
      ["/api/reports/export.csv?period=month&table=secrets", /请选择要下载的表格.*volunteers/],
    ];
    for (const [path, words] of cases) {
      const r = await staff.call("GET", path);
      expect(r.status, path).toBe(400);
      expect(r.body.message, path).toMatch(words);
    }
    const elsewhere = await staff.call("GET", "/api/reports?period=month&community=other");
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body.message).toBe("没有这个社区。");
  });

  it("shows the month's work done in WeChat, and the Excel file and CSV carry the same figures", async () => {
    const work = await doSomeWork(c);
    const staff = await c.signIn();
    const r = await staff.call("GET", `/api/reports?period=month&date=${today()}`);
    expect(r.status).toBe(200);
    const report = r.body;
    expect(report).toMatchObject({ period: "month", received: 2, finished: 1, stillOpen: 1, partial: true });
    expect(report.rates.satisfaction).toEqual({ num: 1, den: 1 });
    expect(report.rates.resolution.num).toBe(1);
    expect(report.toRespond.count).toBe(1);
    expect(report.toFinish.count).toBe(1);
    expect(report.volunteers).toEqual([
      expect.objectContaining({ name: "刘志强", finished: 1, claimed: 1, rated: 1, satisfied: 1, averageRating: 5 }),
    ]);
    expect(report.byBuilding.find((b: { name: string }) => b.name === "3号楼")).toMatchObject({ received: 2 });
    expect(report.files.xlsx).toBe(`成绩单-${report.label}.xlsx`);
    expect(report.choices.month[0]).toMatchObject({ date: report.date, label: report.label });
    expect(report.choices.month[0].name).toMatch(/^本月/);
    expect(report.choices.week).toHaveLength(8);
    const volunteers = report.tables.find((t: { id: string }) => t.id === "volunteers");
    expect(volunteers.rows[0].map((cell: { text: string }) => cell.text)).toEqual([
      "刘志强",
      "1",
      "1",
      "1",
      "1",
      "5.0",
    ]);
    // Resident's words are in no table: neither of the tickets' texts nor the residents' names.
    expect(JSON.stringify(report.tables)).not.toMatch(/张秀英|李建国|下水道/);

    const query = `period=month&date=${report.date}`;
    const xlsx = await fetchBytes(new URL(`/api/reports/export.xlsx?${query}`, c.web.url).href, staff.cookie);
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml.sheet");
    const disposition = xlsx.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment; filename="linli-report-month-\d{4}-\d{2}-01\.xlsx"; filename\*=UTF-8''/);
    const starred = /filename\*=UTF-8''(.+)$/.exec(disposition)![1]!;
    expect(starred).not.toMatch(/[^A-Za-z0-9%\-._~!$&+^`|]/);
    expect(decodeURIComponent(starred)).toBe(`成绩单-${report.label}.xlsx`);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["总览", "分类", "楼栋", "志愿者", "好人好事", "转人工", "每日"]);
    const overview = new Map(rowsOf(wb.getWorksheet("总览")!).map((row) => [row[0], row[1]]));
    expect(overview.get("周期")).toBe(report.label);
    expect(overview.get("受理(件)")).toBe(report.received);
    expect(overview.get("办结(件)")).toBe(report.finished);
    expect(overview.get("满意率")).toBe(1);
    expect(overview.get("满意率(满意/评价)")).toBe("1/1");
    expect(overview.get("转人工(件)")).toBe(report.handovers.total);
    const categories = rowsOf(wb.getWorksheet("分类")!).slice(1);
    expect(categories.map((row) => [row[0], row[1], row[2]])).toEqual(
      report.byCategory.map((g: { name: string; received: number; finished: number }) => [
        g.name,
        g.received,
        g.finished,
      ]),
    );
    expect(rowsOf(wb.getWorksheet("志愿者")!)[1]).toEqual(["刘志强", 1, 1, 1, 1, 5]);
    const daily = rowsOf(wb.getWorksheet("每日")!).slice(1);
    const sum = (i: number) => daily.reduce((a, row) => a + Number(row[i]), 0);
    expect([sum(1), sum(2)]).toEqual([report.received, report.finished]);

    const csv = await fetchBytes(
      new URL(`/api/reports/export.csv?${query}&table=volunteers`, c.web.url).href,
      staff.cookie,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines.slice(0, 2)).toEqual([
      "姓名,办结(件),认领(件),获评价(件),其中满意(件),平均评分(1-5)",
      "刘志强,1,1,1,1,5.0",
    ]);
    expect(decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(csv.headers.get("content-disposition")!)![1]!)).toBe(
      `成绩单-${report.label}-志愿者.csv`,
    );

    // The downloads are written down with who took them; the ticket stays as it was.
    const audit = await c.bot.app.db.auditLog.findMany({ where: { action: "console:reports:export" } });
    expect(audit.map((a) => [a.actorName, JSON.parse(a.detail).format])).toEqual([
      ["赵书记", "xlsx"],
      ["赵书记", "csv"],
    ]);
    expect((await c.bot.app.db.ticket.findUniqueOrThrow({ where: { id: work.open } })).status).toBe("open");
  });

  it("gives the week and the year too, each named in Chinese, and last year's is complete", async () => {
    const staff = await c.signIn();
    const week = await staff.call("GET", "/api/reports?period=week");
    expect(week.status).toBe(200);
    expect(week.body.label).toMatch(/^\d{4}年第\d+周$/);
    expect(week.body.choices.week[1].name).toMatch(/^上周 \(/);
    const lastYear = Number(today().slice(0, 4)) - 1;
    const year = await staff.call("GET", `/api/reports?period=year&date=${lastYear}-03-01`);
    expect(year.status).toBe(200);
    expect(year.body).toMatchObject({ label: `${lastYear}年`, partial: false, received: 0, date: `${lastYear}-01-01` });
    expect(year.body.series).toHaveLength(12);
  });
});
