// Words people read from the FAQ feature, kept together: warm and plain for residents, precise for staff.
import type { AskedValue } from "./asked-value.js";
import type { FaqAnswer } from "./faq-index.js";
import type { Handover } from "./handover-store.js";

const valueWords: Record<AskedValue, string> = {
  amount: "金额",
  date: "日期",
  clock: "具体时间",
  duration: "要多久",
  count: "数量",
  holiday: "节假日安排",
  name: "具体是谁",
  documents: "要带的材料",
  present: "眼下的进展或名额",
  validity: "有效期",
};

const where = (h: Pick<Handover, "roomTopic">) => h.roomTopic ?? "私聊";
const brief = (text: string, max = 30) => {
  const chars = [...text.replace(/\s+/g, " ").trim()];
  return chars.length > max ? `${chars.slice(0, max).join("")}…` : chars.join("");
};

export const faqReplies = {
  // Residents
  handedOver: () => "这个问题我还答不准, 已经转给社区工作人员了, 他们答复后我马上告诉您, 请稍等。",
  privateHandedOver: () =>
    "打听个人的私事 (年龄、住址、私人电话这些), 我不方便说。已经请社区工作人员帮您, 他们会尽快联系您。",
  relayAnswer: (h: Handover, answer: string) => `您之前问的「${brief(h.question)}」, 社区工作人员回复:\n${answer}`,
  greeting: () => "您好! 有事直接说, 我尽量帮您。",
  thanks: () => "不客气, 有事随时找我。",
  /** Help told and praised, said to the bot in a residents' room: noted for staff as 好人好事 (note-thanks.ts). */
  praiseNoted: () => "谢谢您告诉我们这件暖心事! 已经记下了, 工作人员核实后会写进社区的好人好事。",
  /** Said to the bot but not understood: never silence, a short prompt with examples. */
  whatDoYouMean: () =>
    "您是想问什么呢? 可以说说具体的事, 比如「3号楼2单元楼道灯坏了」「长者食堂几点开饭」「这周有什么活动」。",
  /** A bare 好的 / 收到 / 嗯 said to the bot. */
  okay: () => "好的, 有事随时找我。",
  /** A question clearly outside the community: kind, and what the bot can do instead. */
  offTopic: () =>
    "这个我帮不上忙呀。我能帮您: 报修求助 (直接说什么事、在几号楼), 问社区服务 (比如助餐、办证、看病), 看看社区活动。",
  notStaff: () => "抱歉, 只有社区工作人员可以答复居民咨询。",

  // Staff
  handoverPost: (h: Handover, hint?: string) =>
    `【居民咨询 #${h.id}】${where(h)} ${h.askerName}: ${h.question}\n` +
    (hint ? `${hint}\n` : "") +
    `答复请发「回复 ${h.id} 答案」, 或引用本条直接写答案; 末尾加「加入知识库」会同时存入知识库。`,
  declinedHint: (title: string) => `最接近的知识库条目「${title}」经模型核对, 没有回答这个问题。`,
  /** Why the closest entry did not answer, so staff can see what the knowledge base lacks. */
  handoverHint: (a: FaqAnswer): string | undefined => {
    if (!a.near) return undefined;
    const entry = `最接近的知识库条目「${a.near.title}」`;
    if (a.fence) return `${entry}写明不含「${a.fence}」。`;
    if (a.elsewhere) return `问的是${a.elsewhere}的事, ${entry}只讲本社区。`;
    if (a.unstated) return `${entry}没有写${valueWords[a.unstated]}。`;
    if (a.deferred) return `${entry}关于「${a.deferred}」只写了另行通知或以公布为准。`;
    if (a.uncovered?.length) return `${entry}没有提到「${a.uncovered.slice(0, 3).join("、")}」。`;
    return undefined;
  },
  relayed: (h: Handover) =>
    `已把 #${h.id} 的答复转给 ${h.askerName} (${where(h)})。\n` +
    `要存入知识库, 请引用本条回复「加入知识库」, 或发「加入知识库 ${h.id}」。`,
  relayedAndSaved: (h: Handover, entryId: string) =>
    `已把 #${h.id} 的答复转给 ${h.askerName} (${where(h)}), 并存入知识库 (条目 ${entryId}), 以后居民再问会直接回答。`,
  saved: (h: Handover, entryId: string, created: boolean) =>
    `居民咨询 #${h.id} 已${created ? "加入" : "更新"}知识库 (条目 ${entryId}), 以后居民再问会直接回答。`,
  notFound: (id: number) => `没有找到居民咨询 #${id}, 请核对编号。`,
  alreadyAnswered: (h: Handover) =>
    `居民咨询 #${h.id} 已由 ${h.answeredBy ?? "其他工作人员"} 答复过, 这次没有再转告居民。` +
    `要存入知识库, 请发「加入知识库 ${h.id}」。`,
  notAnswered: (id: number) => `居民咨询 #${id} 还没有答复, 请先发「回复 ${id} 答案」。`,
  nothingToSave: () => "没找到您答复过的居民咨询, 请写明编号, 比如「加入知识库 3」。",
  emptyAnswer: (id: number) => `请在编号后写上答案, 比如「回复 ${id} 长者食堂每天11点开饭」。`,
  malformed: () => "「回复」后面要写咨询编号和答案, 比如「回复 3 长者食堂每天11点开饭」。",
};
