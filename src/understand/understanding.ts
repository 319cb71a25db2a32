// What the pipeline knows of a message once it is understood: the parse, plus small talk.
import { stripEmoji } from "../text/emoji.js";
import { detectSmallTalk, type SmallTalk } from "./detect-small-talk.js";
import type { Parsed } from "./taxonomy.js";

export interface Understanding extends Parsed {
  smallTalk: SmallTalk;
}

const questionCue =
  /[?？]|吗|么|[不没][啊呀呢哈]*[\s!！。~～]*$|能不能|可不可以|可以不|行不行|有没有|怎么|咋|如何|哪|几|多少|啥|什么|是不是|会不会|(\p{Script=Han})不\1/u;

/**
 * Adds small talk to a parse. Someone who asks the bot something directly (`addressed`) gets an
 * answer or a person, never silence (件件有回声), even when the parser filed the question as chat.
 */
export function completeUnderstanding(parsed: Parsed, text: string, addressed: boolean): Understanding {
  const smallTalk = detectSmallTalk(text);
  const asks = addressed && parsed.kind === "other" && smallTalk.opens === null && looksLikeQuestion(text);
  return { ...parsed, kind: asks ? "question" : parsed.kind, smallTalk };
}

function looksLikeQuestion(text: string): boolean {
  const t = stripEmoji(text, "").trim();
  return t.length >= 4 && questionCue.test(t);
}
