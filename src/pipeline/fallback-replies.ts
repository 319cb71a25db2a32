// What the bot says when it was addressed (privately or with @) and nothing else answered:
// never silence. Residents: warm and plain; volunteers and staff: the commands they can use.
export const fallbackReplies = {
  resident: () => "您是想问什么呢? 可以说说具体的事, 比如「3号楼2单元楼道灯坏了」「长者食堂几点开饭」。",
  requestElsewhere: () => "要登记事项, 请私聊我或在居民群里说, 我会登记并通知志愿者。",
  volunteer: () => "志愿者可以发: 「认领 12」接单, 「完成 12 备注」办结, 「放弃 12」退回。",
  staff: () =>
    "工作人员可以发: 「工单」看未办结工单, 「关闭 12 原因」, 「指派 12 @某人」, 「回复 3 答案」答复居民咨询, 「广播列表」。",
};
