// What the soak's residents say: generated from parts (not taken from any labelled set).
// Most is group chatter the bot stays out of; the rest are requests, questions to the bot,
// private questions about their tickets, an occasional rating and an occasional emergency.
const chatter = [
  "早上好",
  "收到",
  "今天菜价又涨了",
  "谁家快递放错门口了",
  "晚上广场舞几点开始",
  "哈哈哈",
  "好的好的",
  "[强]",
];
const problems = ["楼道灯坏了", "下水道堵了", "单元门关不上", "垃圾没人清", "墙面渗水", "信箱锁坏了", "路灯不亮"];
const questions = ["长者食堂几点开饭", "社区医院周末开门吗", "怎么办理居住证明", "快递柜在哪里"];
const urgent = ["楼道里有很大的煤气味", "楼下有人摔倒了起不来"];

export function soakText(
  i: number,
  resident: number,
  random: () => number,
): { text: string; mention: boolean; privately: boolean } {
  const building = Math.floor(resident / 10) + 1;
  const r = random();
  if (r < 0.55) return { text: chatter[i % chatter.length]!, mention: false, privately: false };
  if (r < 0.85) {
    // A room number per message keeps requests distinct, so repeats are not folded.
    const where = `${building}号楼${(i % 4) + 1}单元${101 + (i % 1800)}室`;
    return { text: `${where}${problems[i % problems.length]}, 麻烦看看`, mention: false, privately: false };
  }
  if (r < 0.93) return { text: questions[i % questions.length]!, mention: true, privately: false };
  if (r < 0.97) return { text: "我的工单", mention: false, privately: true };
  if (r < 0.995) return { text: "满意", mention: false, privately: true };
  return { text: `${building}号楼${urgent[i % urgent.length]}`, mention: false, privately: false };
}
