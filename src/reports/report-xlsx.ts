// A period report as an Excel workbook: one sheet per table, Chinese headers, rates as
// percentages (whole percent, as 日清周议 show them), hours with one decimal, columns wide enough
// for their Chinese text. Text a spreadsheet would run as a formula gets a leading apostrophe.
import ExcelJS from "exceljs";
import { cellText, neutralizeFormula } from "./report-csv.js";
import type { PeriodReport } from "./period-report.js";
import { type Cell, type ReportTable, reportTables } from "./report-tables.js";

/** Display width of a text: CJK and full-width characters take two columns. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ||
      ch.codePointAt(0)! > 0x1ffff
        ? 2
        : 1;
  return w;
}

function cellValue(c: Cell): string | number {
  switch (c.kind) {
    case "text":
      return neutralizeFormula(c.value);
    case "count":
      return c.value;
    case "rate":
      return c.value.den === 0 ? "—" : c.value.num / c.value.den;
    case "hours":
    case "average":
      return c.value === null ? "—" : Math.round(c.value * 10) / 10;
  }
}

function formatOf(c: Cell): string | undefined {
  if (c.kind === "rate" && c.value.den > 0) return "0%";
  if ((c.kind === "hours" || c.kind === "average") && c.value !== null) return "0.0";
  if (c.kind === "count") return "0";
  return undefined;
}

function addSheet(wb: ExcelJS.Workbook, t: ReportTable): void {
  const ws = wb.addWorksheet(t.title, { views: [{ state: "frozen", ySplit: 1 }] });
  const header = ws.addRow(t.headers);
  header.font = { bold: true };
  const widths = t.headers.map(displayWidth);
  for (const row of t.rows) {
    const added = ws.addRow(row.map(cellValue));
    row.forEach((c, i) => {
      const cell = added.getCell(i + 1);
      const fmt = formatOf(c);
      if (fmt) cell.numFmt = fmt;
      if (c.kind === "text" && /\n/.test(c.value)) cell.alignment = { wrapText: true, vertical: "top" };
      // As shown (96%, 13.5), not as stored (0.961038…).
      const longest = Math.max(...cellText(c).split("\n").map(displayWidth));
      widths[i] = Math.max(widths[i] ?? 0, longest);
    });
  }
  widths.forEach((w, i) => {
    ws.getColumn(i + 1).width = Math.min(60, Math.max(8, w + 2));
  });
}

export async function reportToXlsx(report: PeriodReport): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = "linli";
  wb.created = report.generatedAt;
  wb.modified = report.generatedAt;
  wb.title = `${report.label} 成绩单`;
  for (const t of reportTables(report)) addSheet(wb, t);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
