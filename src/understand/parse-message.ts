// The embedded understanding of a resident's message: kind, category, urgency,
// building/unit/room and a confidence, per TAXONOMY.md. Synchronous, pure, no network.
import { parseQuoteReply } from "../text/quote.js";
import { analyzeMessage } from "./analyze-message.js";
import { decideParsed } from "./decide-kind.js";
import type { Parsed } from "./taxonomy.js";

// A reply that only says "same here" takes its meaning from the quoted message.
const echo =
  /也是|也一样|也这样|也(?:坏|停|漏|堵|不|没|黑|臭|吵|有|响|断|冒|满)|同样|一样的?|\+1|同上|附议|我也遇到|我们(?:这|那|家|楼|单元)?.{0,6}也/;

/** `quoted: null`: the caller has split off any quote already and there is none. */
export function parseMessage(text: string, options: { quoted?: string | null } = {}): Parsed {
  const quote = options.quoted === undefined ? parseQuoteReply(text) : null;
  const reply = quote ? quote.reply : text;
  const quoted = options.quoted ?? quote?.quotedText;
  const signals = analyzeMessage(reply);
  const own = decideParsed(signals);
  if (!quoted || !echo.test(signals.text) || signals.text.length > 40) return own;

  const context = decideParsed(analyzeMessage(quoted));
  if (context.kind !== "request") return own;
  // The reply's own place wins: "我们单元也是" is about the replier's unit, not the quoted one.
  return {
    ...context,
    urgency: own.urgency === "urgent" ? "urgent" : context.urgency,
    building: signals.location.building,
    unit: signals.location.unit,
    room: signals.location.room,
    confidence: Math.min(context.confidence, 0.85),
  };
}
