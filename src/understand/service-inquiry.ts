// Asking *whether* the community offers something ("社区医生上门吗", "小区里能不能加装电梯啊 谁知道")
// is a question for the knowledge base or a person, not a task for volunteers. It becomes a request
// only when the resident asks for it for themselves ("我家老人走不动了, 能不能请医生来家里看看"),
// reports something wrong, or tells someone to act now (TAXONOMY's rule of thumb).

// Asked as a yes/no question or as a request for information.
// "连个坐的地方都没有" states a lack: 都没有 / 也没有 is emphatic, not a yes/no question.
const yesNoEnding = /(?:吗|么|嘛|(?<![都也])(?:不|没|没有)|不了)[啊呀呢哈哦嘞]*[\s?？!！。.~～]*$/;
const asksForInformation = /谁知道|有人知道|有谁知道|请问|问一下|问下|问问|打听|想了解|咨询一下/;
// "能不能加装电梯啊", "可不可以上门呀": the asking form, softened by a final particle.
const asksWhetherSoftly =
  /(?:能不能|可不可以|有没有|会不会|是不是|可以不|能否)[^,，。]{1,16}[啊呀呢哈]+[\s?？!！。.~～]*$/;
// The resident speaks for themselves or their family: then it is their own ask.
// "我们小区", "咱这楼" is everyone's, not the asker's own.
const firstPerson =
  /我(?!们(?:小区|社区|这边|这儿|这里|这片|楼|单元))|俺(?!们(?:小区|社区|这))|咱家|咱妈|咱爸|本人|老伴|自家|家母|家父|我们家|家里人|孩子|小孩|儿子|女儿|闺女|(?:^|[,，\s])(?:想|要|打算|准备|需要)(?!问|了解|咨询|知道)/;
// Telling someone to act on a matter rather than asking what exists.
const actNow = /派|来人|修|处理|管管|管一下|清理|清走|拉走|赶紧|尽快|马上|快点|麻烦|帮|给我|救|急/;

/** True when the message asks whether a service or facility exists, for no one in particular. */
export function isServiceInquiry(text: string): boolean {
  const t = text.trim();
  if (!(yesNoEnding.test(t) || asksForInformation.test(t) || asksWhetherSoftly.test(t))) return false;
  return !firstPerson.test(t) && !actNow.test(t);
}
