// Words staff read about the bot's link to WeChat (precise: they decide whether to ask again).

/** After an outage: what was written to the bot between `from` and `to` may be lost. */
export function linkGapNotice(from: string, to: string): string {
  return (
    `【系统提示】${from} 至 ${to} 机器人与微信的连接中断, 现已恢复。` +
    "这段时间里居民和志愿者发给机器人的消息可能没有收到, 请留意群里这段时间的消息, 必要时请当事人重新发送。"
  );
}
