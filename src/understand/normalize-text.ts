// Puts a resident's message into one written form before anything reads it:
// half-width digits and letters, simplified characters, no WeChat emoji codes or
// picture emoji, no @mentions, common input slips fixed, single spaces.
import { stripEmoji } from "../text/emoji.js";
import { normalizeWidth } from "../text/full-width.js";
import { stripMentions } from "../text/mentions.js";
import { toSimplified } from "../text/traditional-chars.js";
import { escapeWord, fromActiveWords } from "../words/active-words.js";

// Input slips (src/words/typos.yaml and a community's words.yaml), longer ones first.
const typos = fromActiveWords((words) => {
  const fixes = new Map(Object.entries(words.typos));
  const pattern = new RegExp(
    [...fixes.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeWord)
      .join("|"),
    "g",
  );
  return { fixes, pattern };
});

export function normalizeText(text: string): string {
  const { fixes, pattern } = typos();
  return stripMentions(stripEmoji(toSimplified(normalizeWidth(text))))
    .replace(pattern, (m) => fixes.get(m) ?? m)
    .replace(/[－—–﹣_]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
