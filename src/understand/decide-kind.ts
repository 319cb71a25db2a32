// Turns a message's signals into kind, category, urgency and a confidence.
import type { Signals } from "./analyze-message.js";
import { isServiceInquiry } from "./service-inquiry.js";
import type { Category, Kind, Parsed } from "./taxonomy.js";

const noLocation = { building: null, unit: null, room: null };

export function decideParsed(s: Signals): Parsed {
  if (s.empty) return { kind: "other", category: null, urgency: null, confidence: 0.95, ...noLocation };
  const { kind, confidence } = decideKind(s);
  // A place is read whatever the kind: "6号楼3单元602的 想问问…" still says where the asker lives.
  if (kind !== "request") return { kind, category: null, urgency: null, confidence, ...s.location };
  const category = decideCategory(s);
  const { top, second } = s.categories;
  // Sure of the category when its lexicon clearly leads; unsure when nothing matched.
  const categoryConfidence = top === 0 ? 0.45 : 0.55 + 0.45 * Math.min(1, top / 6) * ((top - second) / top);
  return {
    kind,
    category,
    urgency: s.urgency.urgent ? "urgent" : "normal",
    confidence: round(Math.min(confidence, s.urgency.urgent ? 0.95 : categoryConfidence + 0.15)),
    ...s.location,
  };
}

function decideKind(s: Signals): { kind: Kind; confidence: number } {
  if (s.urgency.urgent && s.noise < 5) return { kind: "request", confidence: 0.9 };
  if (s.noise >= 5) return { kind: "other", confidence: 0.9 };
  const { top } = s.categories;
  const question = s.question;
  const chat =
    s.chat + (s.mentionsNeighbour && !s.mentionsStaff ? 5 : 0) + (s.settled ? 2 : 0) + (s.thanksOnly ? 6 : 0);
  // A message squarely about something the community looks after, neither a question nor chat.
  const onTopic = top >= 5 && question < 2 && chat === 0;
  // A problem about something the community looks after is a request even with no explicit ask:
  // residents state the nuisance ("草坪上全是狗屎") and expect the community to act on it.
  const request = Math.max(s.problem + 1.2 * s.ask + (top >= 3 ? 1 : 0) + (top >= 6 ? 1 : 0), onTopic ? 3 : 0);
  const grounded = s.problem >= 2 || s.ask >= 2 || onTopic;
  // Whether a service exists, asked for no one in particular and with nothing wrong: a question.
  if (grounded && request >= 3 && s.problem < 2 && isServiceInquiry(s.text)) {
    return { kind: "question", confidence: round(sure(Math.max(question, 3) - chat) * 0.9) };
  }
  if (grounded && request >= 3 && request >= question && request > chat) {
    return { kind: "request", confidence: sure(request - Math.max(question, chat)) };
  }
  if (question >= 3 && question > chat)
    return { kind: "question", confidence: sure(question - Math.max(request, chat)) };
  if (grounded && request >= 3 && request > chat) return { kind: "request", confidence: sure(request - chat) * 0.8 };
  return { kind: "other", confidence: sure(3 + chat - Math.max(request, question)) };
}

// A lawyer or a lawsuit asked for: the quarrel is past mediating, the resident wants legal help.
const lawSought = /律师|起诉|打官司|诉状|法律援助|法援|仲裁|告到法院/;

function decideCategory(s: Signals): Category {
  const { best, top, scores } = s.categories;
  const hinted = s.urgency.category;
  // An emergency names what is at stake: its cue's category gets a head start.
  if (hinted && hinted !== "other" && (scores[hinted] ?? 0) + 6 >= top) return hinted;
  if (best === "dispute" && scores.legal && lawSought.test(s.text)) return "legal";
  return top > 0 ? best : "other";
}

/** Maps a score margin to 0.5..0.95. */
function sure(margin: number): number {
  return round(0.5 + 0.45 * Math.min(1, Math.max(0, margin) / 6));
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
