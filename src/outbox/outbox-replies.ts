// What staff read about the outbox itself (precise Chinese).
export const outboxReplies = {
  backlog: (waiting: number) =>
    `【发送积压】待发送消息已有 ${waiting} 条, 居民收到回复会变慢 (账号按安全节奏发送)。可能有人在群里刷屏, 请留意各群; 紧急消息仍然优先发出。`,
};
