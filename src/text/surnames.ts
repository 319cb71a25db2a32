// The hundred-odd most common Chinese surnames, as a regular-expression character class: a name
// told by surname ("周社长", "舞蹈队陈美华") where jieba does not read it as one.
export const commonSurname =
  "[王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段钱汤尹黎易常武乔贺赖龚文]";
