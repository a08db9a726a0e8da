import type { ContentCheck } from "./types";
import { THRESHOLD, TIME_WINDOW } from "./patterns";

/** Failure criteria: a metric, a threshold and a time window. */
export const measurable: ContentCheck = {
  name: "measurable",
  summary: { en: "a metric, a threshold and a time window", "zh-CN": "指标、阈值和时间窗口" },
  run({ prose }) {
    const problems = [];
    if (!THRESHOLD.test(prose)) problems.push({ message: { en: "no threshold: state the number that means failure (e.g. accuracy < 85%)", "zh-CN": "缺少阈值：写明判定失败的数字（如 准确率 < 85%）" } });
    if (!TIME_WINDOW.test(prose)) problems.push({ message: { en: "no time window: state over what period it is measured (e.g. 7 consecutive days)", "zh-CN": "缺少时间窗口：写明统计周期（如 连续 7 天）" } });
    return problems;
  },
};
