import type { CheckProblem, ContentCheck } from "./types";
import { INCONCLUSIVE, NUMBER, SHIP, STOP } from "./patterns";

/**
 * Decision rule: which result leads to ship and which to stop, with numbers, and what an
 * inconclusive result means, defined before launch: a change below the minimum detectable effect
 * is mostly noise, and deciding its meaning afterwards invites reading it as a win.
 */
export const decisionRule: ContentCheck = {
  name: "decision-rule",
  summary: { en: "which result ships, iterates or stops, with the numbers, and what an inconclusive result means", "zh-CN": "什么结果上线、迭代或停止，并给出数字；以及结果无结论时怎么办" },
  run({ prose }) {
    const problems: CheckProblem[] = [];
    if (!SHIP.test(prose)) problems.push({ message: { en: "no ship condition: say what result leads to shipping", "zh-CN": "缺少上线条件：写明什么结果下全量上线" } });
    if (!STOP.test(prose)) problems.push({ message: { en: "no stop condition: say what result stops or rolls back the change", "zh-CN": "缺少停止条件：写明什么结果下停止或回滚" } });
    if (!INCONCLUSIVE.test(prose)) problems.push({ message: { en: "no inconclusive outcome: say in advance what a result below the minimum detectable effect means and what follows", "zh-CN": "缺少无结论的情形：提前写明结果低于最小可检测效应时如何解读、下一步做什么" } });
    if (!NUMBER.test(prose)) problems.push({ message: { en: "no numbers: tie each decision to a measured result", "zh-CN": "缺少数字：每个决策都应对应可量化的结果" } });
    return problems;
  },
};
