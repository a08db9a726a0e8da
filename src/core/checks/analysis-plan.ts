import type { CheckProblem, ContentCheck } from "./types";
import { HOLDOUT, NOVELTY, SAMPLE_RATIO } from "./patterns";

/** Experiment analysis plan, fixed before launch: a sample-ratio check, the novelty effect, and a holdout (or why none). */
export const analysisPlan: ContentCheck = {
  name: "analysis-plan",
  summary: { en: "a sample-ratio check, how the novelty effect is handled, and a holdout (or why none)", "zh-CN": "样本比例检验、新奇效应的处理，以及长期对照组（或说明为何不设）" },
  run({ prose }) {
    const problems: CheckProblem[] = [];
    if (!SAMPLE_RATIO.test(prose)) problems.push({ message: { en: "no sample-ratio check: say how a split that drifts from the planned ratio is detected (e.g. a daily chi-square test, p < 0.001 stops the read-out)", "zh-CN": "缺少样本比例检验：写明如何发现分流偏离计划比例（如 每日卡方检验，p < 0.001 即暂停解读）" } });
    if (!NOVELTY.test(prose)) problems.push({ message: { en: "no novelty effect: say how a first-days spike is told apart from a lasting effect (e.g. decide on week 2 only)", "zh-CN": "缺少新奇效应的处理：写明如何区分上线初期的波动和长期效果（如 只用第 2 周数据决策）" } });
    if (!HOLDOUT.test(prose)) problems.push({ message: { en: "no holdout: say whether a share of users stays on the old experience after launch, and for how long (or write \"no holdout\" and why)", "zh-CN": "缺少长期对照组：写明上线后是否保留一部分用户在旧版本、保留多久（或写明不设保留组及原因）" } });
    return problems;
  },
};
