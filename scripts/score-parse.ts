// `npm run score:parse -- LABELS.jsonl [--quiet] [--json]`: scores `linli parse` on a labelled set
// (one {id, text, kind, category, urgency, building, unit, room} per line): kind accuracy, category
// accuracy and macro-F1 over requests, urgent recall and precision, location field accuracy (on
// requests, as ../shared/eval scores it; `location_any_kind`: every labelled field, whatever the kind).
import { printFigures, readLabelled, round4, runCli } from "./score-run-cli.js";

const args = process.argv.slice(2);
const path = args.find((a) => !a.startsWith("--"));
if (!path) {
  console.error("usage: npm run score:parse -- LABELS.jsonl [--quiet] [--json]");
  process.exit(2);
}
const gold = readLabelled(path);
const { byId, ms } = runCli(["parse"], gold);

const asText = (v: unknown) => (v === undefined || v === null || v === "" ? null : String(v));
const categories = new Set(gold.filter((g) => g.kind === "request").map((g) => String(g.category)));
const count = () => new Map([...categories].map((c) => [c, 0]));
const truePos = count();
const falsePos = count();
const falseNeg = count();
const bump = (m: Map<string, number>, c: string) => m.set(c, (m.get(c) ?? 0) + 1);
let missing = 0;
let kindRight = 0;
let requests = 0;
let categoryRight = 0;
let urgentFound = 0;
let urgentMissed = 0;
let urgentWrong = 0;
let locationFields = 0;
let locationRight = 0;
let anyKindFields = 0;
let anyKindRight = 0;
const mistakes: string[] = [];
const note = (id: unknown, why: string, text: string) =>
  mistakes.push(`${id}: ${why}  | ${text.replace(/\n/g, "⏎").slice(0, 60)}`);

for (const g of gold) {
  const p = byId.get(String(g.id));
  if (!p) {
    missing++;
    mistakes.push(`${g.id}: no output`);
    continue;
  }
  if (p.kind === g.kind) kindRight++;
  else note(g.id, `kind ${p.kind} != ${g.kind}`, g.text);
  // A place is read whatever the kind: fields labelled on questions and other count here too.
  for (const field of ["building", "unit", "room"]) {
    if (g[field] === null || g[field] === undefined) continue;
    anyKindFields++;
    if (asText(p[field]) === asText(g[field])) anyKindRight++;
    else if (g.kind !== "request")
      note(g.id, `${field} ${asText(p[field])} != ${asText(g[field])} (${g.kind})`, g.text);
  }
  if (g.kind !== "request") continue;
  requests++;
  const isRequest = p.kind === "request";
  const category = String(g.category);
  const got = isRequest ? asText(p.category) : null;
  if (got === category) {
    categoryRight++;
    bump(truePos, category);
  } else {
    bump(falseNeg, category);
    if (got !== null && categories.has(got)) bump(falsePos, got);
    if (isRequest) note(g.id, `category ${got} != ${category}`, g.text);
  }
  const saidUrgent = isRequest && p.urgency === "urgent";
  if (g.urgency === "urgent") {
    if (saidUrgent) urgentFound++;
    else {
      urgentMissed++;
      note(g.id, "missed urgent", g.text);
    }
  } else if (saidUrgent) urgentWrong++;
  for (const field of ["building", "unit", "room"]) {
    const labelled = asText(g[field]);
    const given = asText(p[field]);
    // A field counts when labelled, or when the parser gave one for a request.
    if (g[field] !== null && g[field] !== undefined) locationFields++;
    else if (p[field] !== null && p[field] !== undefined && isRequest) locationFields++;
    else continue;
    if (given === labelled) locationRight++;
    else note(g.id, `${field} ${given} != ${labelled}`, g.text);
  }
}

const f1 = [...categories].map((c) => {
  const tp = truePos.get(c) ?? 0;
  const precision = tp / (tp + (falsePos.get(c) ?? 0) || 1);
  const recall = tp / (tp + (falseNeg.get(c) ?? 0) || 1);
  return precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
});

printFigures(
  {
    n: gold.length,
    missing,
    kind_accuracy: round4(kindRight / gold.length),
    category_accuracy: round4(categoryRight / (requests || 1)),
    category_macro_f1: round4(f1.reduce((a, b) => a + b, 0) / (f1.length || 1)),
    urgent_recall: round4(urgentFound / (urgentFound + urgentMissed || 1)),
    urgent_precision: round4(urgentFound / (urgentFound + urgentWrong || 1)),
    location_field_accuracy: round4(locationRight / (locationFields || 1)),
    location_any_kind: round4(anyKindRight / (anyKindFields || 1)),
    wall_ms: Math.round(ms),
  },
  mistakes,
  args,
);
