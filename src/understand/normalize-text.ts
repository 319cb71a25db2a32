// Puts a resident's message into one written form before anything reads it:
// half-width digits and letters, simplified characters, no WeChat emoji codes or
// picture emoji, no @mentions, common input slips fixed, single spaces.
import { stripEmoji } from "../text/emoji.js";
import { normalizeWidth } from "../text/full-width.js";
import { stripMentions } from "../text/mentions.js";
import { toSimplified } from "../text/traditional-chars.js";
import { typoFixes } from "./lexicon/typos.js";

const typoPattern = new RegExp(typoFixes.map(([wrong]) => wrong).join("|"), "g");
const typoMap = new Map(typoFixes);

export function normalizeText(text: string): string {
  return stripMentions(stripEmoji(toSimplified(normalizeWidth(text))))
    .replace(typoPattern, (m) => typoMap.get(m) ?? m)
    .replace(/[－—–﹣_]/g, "-")
    .replace(/\s+/g, " ")
    .trim();
}
