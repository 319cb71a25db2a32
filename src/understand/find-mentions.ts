// Who a message @-mentions, read from the raw text (normalizeText drops mentions).
// A message aimed at a neighbour ("@张姐 你明天替我一下") is chat, not a request
// to the community; one aimed at the bot or staff is judged by its content.
import { listMentionedNames } from "../text/mentions.js";

const staffTitle = /书记|管家|主任|网格员|物业|社区|居委|工作人员|小助手|机器人|客服|站长|所有人/;

export interface Mentions {
  staff: boolean;
  neighbour: boolean;
}

export function findMentions(raw: string): Mentions {
  let staff = false;
  let neighbour = false;
  for (const name of listMentionedNames(raw)) {
    if (staffTitle.test(name)) staff = true;
    else neighbour = true;
  }
  return { staff, neighbour };
}
