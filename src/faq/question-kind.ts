// What kind of thing a question asks: when, where, how much, how many, who, whether one may or can, how,
// what. The decision (decide-answer.ts) weighs coverage differently by kind: a yes-or-no "能不能…" whose
// words all appear in an entry is the typical near miss ("车位能买吗" beside an entry about renting), a
// "几点" whose topic matches is mostly answered. Read on the whole question, chat noise removed.
import { normalizeText } from "./normalize-text.js";

const kinds: readonly { name: string; asks: RegExp }[] = [
  { name: "when", asks: /几点|什么时候|啥时候|哪天|礼拜几|星期几|周几|几号|多久|多长时间|几天/u },
  { name: "where", asks: /在哪|哪里|哪儿|哪个地方|地址|几楼|上哪|去哪/u },
  { name: "money", asks: /多少钱|收费|几块|要钱|花钱|免费|交钱|费用|价格|贵不贵/u },
  { name: "count", asks: /几[个次回位本张份件人名]|多少[个次回位本张份件人名]/u },
  { name: "who", asks: /谁|哪位|叫啥|名字/u },
  {
    name: "may",
    asks: /能不能|可不可以|可以|能.{0,8}[吗不没]|行不行|让不让|收不收|给不给|管不管|有没有|有.{0,6}[吗没]/u,
  },
  { name: "how", asks: /怎么|咋|如何/u },
  { name: "what", asks: /什么|啥/u },
];

/** The names of the kinds, in the order of `askedKinds`' flags. */
export const questionKindNames = kinds.map((k) => k.name);

/** One flag (1 or 0) per kind, in the order of `questionKindNames`. */
export function askedKinds(question: string): number[] {
  // Both as written and normalized: normalizing folds 咋 and 啥 away with the other particles.
  const texts = [question, normalizeText(question)];
  return kinds.map(({ asks }) => (texts.some((t) => asks.test(t)) ? 1 : 0));
}
