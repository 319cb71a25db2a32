// What leaves the machine for a model service carries no phone numbers, ID numbers
// or names: the model needs what happened and where, never who.
import { anyMention } from "../text/mentions.js";

const surnames =
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const titles =
  "大爷|奶奶|阿姨|大妈|大姐|大哥|大叔|大婶|师傅|老师|书记|主任|老太太|老太|老爷子|爷爷|婆婆|医生|护士|大夫|姐|哥|叔|婶|姨|伯|总|经理";

const rules: ReadonlyArray<readonly [RegExp, string]> = [
  [/(?<!\d)\d{17}[\dXx](?!\d)/g, "[证件号]"],
  [/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g, "[电话]"],
  [/(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g, "[电话]"],
  [/(?<!\d)\d{7,8}(?!\d)/g, "[电话]"],
  [
    /(我叫|我是|名字(?:是|叫)|姓名[::]?|联系人[::]?|户主[::]?)\s*[\u4e00-\u9fa5]{2,3}(?=[\s,，。.!！?？]|$|住|电话|家|今年)/g,
    "$1[姓名]",
  ],
  [new RegExp(`[${surnames}](${titles})`, "g"), "某$1"],
  [new RegExp(`([老小])[${surnames}](?![区时孩年人])`, "g"), "$1某"],
  [/「[^：:\n」]{1,64}[：:]/g, "「某人："],
  [anyMention, "@某人"],
];

export function maskForModel(text: string): string {
  let out = text;
  for (const [pattern, replacement] of rules) out = out.replace(pattern, replacement);
  return out;
}
