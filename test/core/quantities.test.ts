/** Numbers and windows as people write them: one assertion per form. */
import { test } from "node:test";
import assert from "node:assert/strict";
import { NUMBER, THRESHOLD, TIME_WINDOW, DURATION, MONEY } from "../../src/core/quantities";

const which = (t: { test(s: string): boolean }, texts: string[]) => texts.filter((s) => t.test(s));

test("time windows: compounds, words, calendar units, deadlines and Chinese numerals count; vague periods do not", () => {
  const yes = ["a 30-day churn rate", "two consecutive weeks", "per quarter", "in any calendar week", "by the end of Q3", "连续三天", "近七日", "每个自然月", "半个月内", "三月底之前"];
  const no = ["over the coming weeks", "for a while", "after launch", "一段时间内", "明显下降"];
  assert.deepEqual([which(TIME_WINDOW, yes), which(TIME_WINDOW, no)], [yes, []]);
});

test("numbers: words, fractions and Chinese numerals with units count; identifiers do not", () => {
  const yes = ["halve it", "double by Q3", "a third", "nine in ten", "五成", "两倍", "百分之八", "一半"];
  const no = ["FR-003 and Q3", "一段时间", "一旦失败", "make it better"];
  assert.deepEqual([which(NUMBER, yes), which(NUMBER, no)], [yes, []]);
});

test("thresholds, durations and money in words", () => {
  assert.deepEqual(
    [THRESHOLD.test("fewer than half of agents"), THRESHOLD.test("从五成提升到八成"), DURATION.test("within half a day"), DURATION.test("三十分钟内"), MONEY.test("at most half a cent"), MONEY.test("三万元"), MONEY.test("cheap enough")],
    [true, true, true, true, true, true, false],
  );
});
