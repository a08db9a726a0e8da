/**
 * Quantities and time windows as people write them, English and Chinese: digits, number words,
 * Chinese numerals (两, 半, 成, 倍 included), compounds (a 30-day rate), ranges, fractions;
 * windows as durations, rolling and consecutive periods, calendar units and deadlines. Every
 * content check and vague-language read numbers through this one module; the vocabulary is
 * data/quantities.ts.
 */
import * as Q from "./data/quantities";
import { termSource } from "./terms";

/** What a check asks of a text. */
export interface TextTest {
  test(text: string): boolean;
}

const zhDigits = `[${Q.ZH_DIGITS}]`;
const numberWord = termSource(Q.NUMBER_WORDS);
const zhQuantity = `(?:(?<!${zhDigits})(?!${Q.ZH_ONE_AS_ARTICLE.join("|")})${zhDigits}+\\s*(?:${Q.ZH_CLASSIFIERS.join("|")})|${termSource(Q.ZH_QUANTITY_WORDS)})`;
/** Any number: digits, a number word or a Chinese numeral with its unit. */
const NUM = `(?:\\d[\\d,.]*|${numberWord}|${zhQuantity}|${zhDigits}+)`;

const plural = (units: readonly string[]) => units.flatMap((u) => [u, `${u}s`]);
const unit = termSource(plural(Q.PERIOD_UNITS));
const singularUnit = termSource(Q.PERIOD_UNITS);
const zhUnit = `(?:${Q.ZH_PERIOD_UNITS.join("|")})`;
const modifiers = "(?:(?:consecutive|straight|rolling|full|whole|calendar|business|working|complete)\\s+)*";

/** Identifiers such as FR-003, Q3 or v2 hold digits but are no numbers. */
const IDENTIFIERS = /\b[A-Z][A-Z0-9]*-\d+\b|\b[QH][1-4]\b|\b[A-Za-z]+\d+[A-Za-z\d]*\b/g;

const NUMBER_RE = new RegExp(`\\d|${numberWord}|${zhQuantity}`, "i");

const WINDOW_RE = new RegExp(
  [
    // 14 days, a 30-day rate, three consecutive weeks, 5 straight business days, 7d
    `(?:\\d+(?:\\.\\d+)?|${numberWord})(?:\\s*-\\s*|\\s+)${modifiers}${unit}`,
    `\\d+\\s*(?:d|w|h|mo|wk|wks|hrs?)\\b`,
    // per quarter, in any calendar week, for a whole quarter, the first week, a fortnight
    `${termSource(Q.PERIOD_LEADS)}\\s+(?:[\\w-]+\\s+)?${singularUnit}`,
    termSource(Q.PERIOD_ADVERBS),
    // deadlines: by the end of the second sprint, by Q3, by March
    termSource(Q.DEADLINES),
    `\\b(?:by|before|until|through)\\s+(?:the\\s+)?(?:end\\s+of\\s+)?(?:[QH][1-4]|${termSource(Q.MONTHS)}|\\d{4})\\b`,
    `\\b[QH][1-4]\\b`,
    // 连续三天, 近七日, 两周内, 连续 5 个工作日, 三月底
    `(?:\\d+|${zhDigits}+|半)\\s*(?:个)?\\s*(?:自然)?${zhUnit}`,
    // 每个自然月, 本季度, 首周, 任意一个自然周
    `(?:${Q.ZH_PERIOD_LEADS.join("|")})\\s*(?:个)?(?:自然)?${zhUnit}`,
    `(?:自然|日历)${zhUnit}`,
    Q.ZH_DEADLINES.join("|"),
  ].join("|"),
  "i",
);

const BOUND = termSource(Q.BOUNDS);
const THRESHOLD_RE = new RegExp(
  [
    `\\d+(?:\\.\\d+)?\\s*[%％‰]`,
    `[<>≤≥＜＞]=?\\s*\\d`,
    `\\d+(?:\\.\\d+)?\\s*(?:x|倍|分|points?|pts|percent|per\\s+cent|成|百分点|个百分点)\\b`,
    // below 85, fewer than half, 低于五成, 超过两成, 从五成提升到八成, 超过千分之五
    `${BOUND}\\s*(?:[\\w'’-]+\\s+){0,3}?${NUM}`,
    `${NUM}\\s*(?:percent|per\\s+cent|成|倍|百分点)`,
    termSource(Q.RELATIVE_THRESHOLDS),
    `(?:百分之|千分之|万分之)${zhDigits}`,
  ].join("|"),
  "i",
);

const DURATION_UNITS = "(?:ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|(?:business\\s+|working\\s+)?hours?|(?:business\\s+|working\\s+)?days?|weeks?)";
const DURATION_RE = new RegExp(
  [
    `(?:\\d+(?:\\.\\d+)?|${numberWord})(?:\\s*-\\s*|\\s*)${DURATION_UNITS}\\b`,
    `\\b(?:half\\s+(?:a|an)|an?|the)\\s+(?:business\\s+|working\\s+)?(?:second|minute|hour|day)\\b`,
    `(?:\\d+(?:\\.\\d+)?|${zhDigits}+|半)\\s*(?:个)?\\s*(?:毫秒|秒|分钟|小时|工作小时|工作日|天)`,
  ].join("|"),
  "i",
);

const MONEY_RE = new RegExp(
  [
    `[$¥￥€£]\\s*\\d`,
    `(?:\\d[\\d,.]*|${numberWord}|half\\s+a|a|${zhDigits}+)\\s*${termSource(Q.CURRENCIES)}`,
    `\\bper\\s+(?:request|query|call|1k\\s+tokens|thousand\\s+tokens|million\\s+tokens|user|seat|month|ticket|summary)\\b`,
    `每(?:次|千|万|个|月|张|条)`,
  ].join("|"),
  "i",
);

/** Common forms first ("14 days", "85%"), so most sections never run the full pattern. */
const FAST = {
  window: /\d+\s*(?:consecutive\s+|straight\s+|rolling\s+)?(?:days?|weeks?|months?|quarters?|hours?|minutes?|business days?)\b|\b(?:per|each|every)\s+(?:day|week|month|quarter|hour|sprint)\b|\b(?:daily|weekly|monthly|quarterly|hourly)\b|\d+\s*(?:天|日|周|个月|小时|分钟|个工作日)/i,
  threshold: /\d+(?:\.\d+)?\s*[%％‰]|[<>≤≥＜＞]=?\s*\d/,
  duration: /\d+(?:\.\d+)?\s*(?:ms|seconds?|minutes?|hours?|毫秒|秒|分钟|小时)/i,
  money: /[$¥￥€£]\s*\d|\d\s*(?:元|美元|USD|CNY|dollars?|cents?)/i,
};

const test = (re: RegExp, fast: RegExp | null, strip = false): TextTest => ({
  test: (text) => (fast !== null && fast.test(text)) || re.test(strip ? text.replace(IDENTIFIERS, " ") : text),
});

/** A number of any kind (identifiers such as FR-003 or Q3 are not numbers). */
export const NUMBER = test(NUMBER_RE, null, true);
/** A threshold: a percentage, a comparison, a bound word before a number, a multiple. */
export const THRESHOLD = test(THRESHOLD_RE, FAST.threshold);
/** A time window: a duration, a rolling or consecutive period, a calendar unit, a deadline. */
export const TIME_WINDOW = test(WINDOW_RE, FAST.window);
/** A duration with a unit (latency, review SLA). */
export const DURATION = test(DURATION_RE, FAST.duration);
/** An amount of money or a cost unit. */
export const MONEY = test(MONEY_RE, FAST.money);
