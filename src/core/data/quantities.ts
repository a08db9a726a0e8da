/**
 * Numbers and periods as people write them, English and Chinese: the vocabulary of
 * quantities.ts. Terms follow terms.ts (a `*` matches the rest of a word).
 */

/** Number words; "a third", "nine in ten" and "halve" are numbers too. */
export const NUMBER_WORDS: readonly string[] = [
  ..."one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred* thousand* million* billion* dozen* half halves halve halved halving double doubles doubled doubling triple* quadruple* twice thrice".split(" "),
  "a third", "a quarter of", "two thirds", "three quarters", "percent", "per cent",
];

/** Chinese numerals; a run of them needs a unit or classifier after it (一段时间 is no number). */
export const ZH_DIGITS = "零〇一二两三四五六七八九十百千万亿";
export const ZH_CLASSIFIERS: readonly string[] = [..."成 倍 番 个 次 条 人 位 名 元 块 角 分 秒 天 日 周 月 年 类 种 笔 项 步 轮 页 篇 单 件 家 层 级 点 毛 %".split(" "), "小时", "分钟", "季度", "工作日", "百分点"];
/** A lone 一 before these is an article or an adverb, not a count: 进一步, 一个更好的体验, 好一点. */
export const ZH_ONE_AS_ARTICLE: readonly string[] = ["一个", "一种", "一类", "一项", "一点", "一步", "一层", "一级"];
/** Chinese quantities that carry no numeral of their own. */
export const ZH_QUANTITY_WORDS: readonly string[] = ["一半", "减半", "过半", "翻倍", "翻番", "翻一番", "半数", "百分之", "千分之", "万分之", "半天", "半个月", "半年", "半小时"];

/** Units of a time window; the plural form is added where English has one. */
export const PERIOD_UNITS: readonly string[] = ["second", "minute", "min", "hour", "hr", "day", "business day", "working day", "night", "week", "fortnight", "month", "quarter", "year", "sprint", "billing cycle", "release"];
export const ZH_PERIOD_UNITS: readonly string[] = ["秒", "分钟", "小时", "天", "日", "周", "星期", "个月", "月", "季度", "年", "个工作日", "工作日", "迭代"];

/** Words that make a unit a window without a number: "per quarter", "in any calendar week". */
export const PERIOD_LEADS: readonly string[] = ["per", "each", "every", "a", "an", "any", "one", "the first", "the last", "the next", "the whole", "a whole", "a full", "a single", "a typical", "a given", "a rolling", "a calendar", "any calendar", "each calendar", "every calendar", "per calendar", "rolling", "calendar", "this", "that", "same"];
export const PERIOD_ADVERBS: readonly string[] = ["daily", "weekly", "monthly", "quarterly", "yearly", "annually", "hourly", "nightly", "fortnightly", "biweekly", "year-over-year", "month-over-month", "week-over-week", "YoY", "MoM", "WoW"];
/** Deadlines: a date-like end of the window. */
export const DEADLINES: readonly string[] = ["by the end of", "by end of", "by the close of", "by close of", "by the start of", "before the end of", "until the end of", "by EOY", "by EOQ", "by year-end", "by year end", "by launch", "within launch"];
export const MONTHS: readonly string[] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec"];
export const ZH_PERIOD_LEADS: readonly string[] = ["每", "每个", "每一", "本", "当", "上", "下", "首", "近", "最近", "过去", "前", "连续", "滚动", "任意", "任意一个", "同一", "整个", "自然"];
export const ZH_DEADLINES: readonly string[] = ["月底", "月初", "月中", "年底", "年初", "年中", "季度末", "季度初", "季末", "周末", "截止", "之前", "以前", "前完成", "内完成", "内达成", "季度内", "年内", "月内", "周内"];

/** Money: currency signs and names. */
export const CURRENCIES: readonly string[] = ["dollar*", "cent", "cents", "USD", "CNY", "RMB", "EUR", "euro*", "pound*", "GBP", "yuan", "元", "美元", "美分", "分钱", "块", "毛钱", "欧元", "英镑"];

/** Bounds before a number: "below 85%", 低于五成. */
export const BOUNDS: readonly string[] = ["below", "above", "under", "over", "less than", "more than", "at least", "at most", "no more than", "no less than", "up to", "exceed*", "drop* below", "drop* under", "fall* below", "fall* under", "fewer than", "greater than", "higher than", "lower than", "from", "to", "reach*", "within", "低于", "高于", "超过", "不足", "少于", "多于", "大于", "小于", "达到", "不低于", "不高于", "不超过", "跌破", "突破", "提升到", "提高到", "降到", "降至", "升至", "从", "到"];
/** Multiples and fractions that are thresholds on their own: "doubles", 翻倍. */
export const RELATIVE_THRESHOLDS: readonly string[] = ["double*", "halve*", "triple*", "twice", "by half", "by a third", "by a quarter", "翻倍", "翻番", "减半", "翻一番"];
