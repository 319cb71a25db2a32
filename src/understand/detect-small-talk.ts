// Thanks, greetings and acknowledgements, detected once per message by the understanding and
// read by every feature: the FAQ answers a greeting or a short thanks said to the bot, the
// question check leaves small talk alone, and broadcasts collect thanks to a helper as 好人好事.

export interface SmallTalk {
  /** What the message opens with, if it is small talk; such a message is not taken for a question. */
  opens: "greeting" | "thanks" | "ack" | null;
  /** The message is nothing else: a bare greeting, a thanks of at most 12 characters, or an okay. */
  only: "greeting" | "thanks" | "ack" | null;
  /**
   * Thanks to someone for help ("谢谢志愿者小刘帮我修好了水管"): a good deed worth a broadcast.
   * Kept simple on purpose (a thanks word plus a person or a helping word); staff review each one.
   */
  praise: boolean;
}

const greetingOnly = /^(?:您?好|你好|早上好|早安|上午好|中午好|下午好|晚上好|晚安|在吗|在不在|哈喽|嗨)[!！。~～\s]*$/;
const opensWithGreeting = /^(?:你好|您好|早上好|晚上好)/;
const opensWithThanks = /^(?:谢谢|多谢|谢了|感谢|辛苦)/;
const opensWithAck = /^(?:好的|收到|哈哈|嗯)/;
const ackOnly = /^(?:好的?|好滴|好嘞|行|可以|收到|知道了|明白了?|嗯+|哦+|噢+|OK|ok|👌)[啊呀哈的了!！。~～\s]*$/;
const maxShortThanksChars = 12;

// Thanks, or praise of the helper told as such ("真是好孩子", "好样的").
const thanksAnywhere = /谢谢|感谢|多谢|谢啦|谢了|点赞|辛苦(?:了|啦)|好人|好孩子|好小伙|好姑娘|好样的|表扬/;
const personOrHelp =
  /志愿者|师傅|书记|网格员|社工|医生|护士|物业|保安|保洁|阿姨|大爷|大妈|大姐|大哥|叔叔|邻居|小[\u4e00-\u9fa5](?![时区孩])|老[\u4e00-\u9fa5](?![人家年])|帮|修好|送来|送到|照顾|陪|救/;
const minPraiseChars = 6;

export function detectSmallTalk(text: string): SmallTalk {
  const t = text.trim();
  const length = [...t].length;
  const greeting = greetingOnly.test(t);
  const thanks = opensWithThanks.test(t);
  const opens =
    greeting || opensWithGreeting.test(t) ? "greeting" : thanks ? "thanks" : opensWithAck.test(t) ? "ack" : null;
  const only = greeting
    ? "greeting"
    : thanks && length <= maxShortThanksChars
      ? "thanks"
      : ackOnly.test(t)
        ? "ack"
        : null;
  const praise = length >= minPraiseChars && thanksAnywhere.test(t) && personOrHelp.test(t);
  return { opens, only, praise };
}
