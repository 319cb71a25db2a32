// A word said not to be there: "没闻到煤气味", "也没着火", "一点火苗都没有", "楼里没电梯",
// "不想打官司". A denied danger, symptom or thing does not pull towards its category, and a
// denied danger is no emergency (docs/taxonomy.md).

// Right before the word, in the same clause: a denial, maybe with what was (not) perceived or
// wanted between ("没闻到", "并没看见什么", "不想去打").
const deniedBefore =
  /(?:没有?|并没|也没|都没|未|无|不是|不想|不愿意?|不打算|不用|不要)(?:闻到|闻见|闻着|看到|看见|见到|见|发现|听到|有|什么|一点|任何|啥|再|去|打|找|请|闹到|告到)*$/;
// Right after it: "火苗都没有", "血也没出".
const deniedAfter = /^(?:都|也)没有?(?![人])/;
const clauseBreak = /[\s,.!?;:，。！？；：、~…]/;

// A fix or a response not done ("还没修好", "没人管", "没来修") is the complaint itself, not a denial.
const unfinishedFix = /^(?:维修|修理|报修|修|来修|给修|修好|弄好|搞好|整好|换好|处理|解决|管)/;

/** Whether the word at text[start, end) is denied in its own clause. */
export function isDeniedAt(text: string, start: number, end: number): boolean {
  if (unfinishedFix.test(text.slice(start, end))) return false;
  let from = Math.max(0, start - 6);
  for (let i = start - 1; i >= from; i--) {
    if (clauseBreak.test(text[i]!)) {
      from = i + 1;
      break;
    }
  }
  return deniedBefore.test(text.slice(from, start)) || deniedAfter.test(text.slice(end, end + 4));
}
