// Reads a staff member's closing reason: "同一次停水", "重复", "和#3是一件事", "已合并" close
// a duplicate report, which is not solved (办结) for the resident who made it.
import type { CloseKind } from "./ticket.js";

const duplicateCues = [
  /重复/,
  /同一(?:次|件|个|起|处|回|问题|故障|事)/,
  /(?:一|同)(?:件|回)事/,
  /合并/,
  /(?:和|与|跟|同|见|参见|并入|归入|同)\s*[#＃]\s*\d+/,
  /[#＃]\s*\d+\s*(?:一起|一并|统一)/,
  /(?:一起|一并|统一)处理/,
  /已有人?(?:反映|报过|登记)/,
];

export interface CloseReading {
  kind: CloseKind;
  /** The ticket a duplicate points at ("和#3是一件事" → 3), when it names one. */
  sameAs: number | null;
}

export function readCloseKind(reason: string): CloseReading {
  const text = reason.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  if (!duplicateCues.some((cue) => cue.test(text))) return { kind: "resolved", sameAs: null };
  const ref = /[#＃]\s*(\d{1,9})/.exec(text);
  return { kind: "duplicate", sameAs: ref ? Number(ref[1]) : null };
}
