// A resident thanking someone in the group ("谢谢志愿者小刘帮我修好了水管") is a good deed
// worth a broadcast. Kept simple on purpose: a thanks word plus a person or a helping
// word; staff review every one (好人好事 / 采纳 N) before it is read out.

const THANKS = /谢谢|感谢|多谢|谢啦|谢了|点赞|辛苦(?:了|啦)|好人/;
const PERSON_OR_HELP =
  /志愿者|师傅|书记|网格员|社工|医生|护士|物业|保安|保洁|阿姨|大爷|大妈|大姐|大哥|叔叔|邻居|小[\u4e00-\u9fa5](?![时区孩])|老[\u4e00-\u9fa5](?![人家年])|帮|修好|送来|送到|照顾|陪|救/;
const MIN_CHARS = 6;

export function detectThanks(text: string): boolean {
  const t = text.trim();
  return [...t].length >= MIN_CHARS && THANKS.test(t) && PERSON_OR_HELP.test(t);
}
