// Words the pipeline itself says, whatever feature would have handled the message.

export const pipelineReplies = {
  nonText: () => "收到啦! 不过我只看得懂文字, 麻烦您用文字说一下是什么事, 比如「3号楼2单元楼道灯坏了」。",
  internal: () => "不好意思, 我这边出了点问题, 已经记下了, 工作人员会处理。",
};
