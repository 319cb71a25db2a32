// One table of a period report as CSV that Excel opens in Chinese: UTF-8 with a byte-order mark,
// CRLF rows, fields quoted where needed (RFC 4180), and text that a spreadsheet would run as a
// formula (= + - @, or a leading tab or carriage return) kept as text with a leading apostrophe.
import type { PeriodReport } from "./period-report.js";
import { type Cell, formatPercent, type ReportTableId, reportTable } from "./report-tables.js";

const BOM = "\uFEFF";

/** Text a spreadsheet would read as a formula gets a leading apostrophe, so it stays text. */
export function neutralizeFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function cellText(c: Cell): string {
  switch (c.kind) {
    case "text":
      return neutralizeFormula(c.value);
    case "count":
      return String(c.value);
    case "rate":
      return formatPercent(c.value);
    case "hours":
    case "average":
      return c.value === null ? "—" : c.value.toFixed(1);
  }
}

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function reportToCsv(report: PeriodReport, table: ReportTableId): string {
  const t = reportTable(report, table);
  const lines = [
    t.headers.map((h) => field(neutralizeFormula(h))),
    ...t.rows.map((r) => r.map((c) => field(cellText(c)))),
  ];
  return `${BOM}${lines.map((l) => l.join(",")).join("\r\n")}\r\n`;
}
