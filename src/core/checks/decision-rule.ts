import type { CheckProblem, ContentCheck } from "./types";
import { NUMBER, SHIP, STOP } from "./patterns";

/** Decision rule: which result leads to ship and which to stop, with numbers. */
export const decisionRule: ContentCheck = {
  name: "decision-rule",
  summary: { en: "which result ships, iterates or stops, with the numbers", "zh-CN": "什么结果上线、迭代或停止，并给出数字" },
  run({ prose }) {
    const problems: CheckProblem[] = [];
    if (!SHIP.test(prose)) problems.push({ message: { en: "no ship condition: say what result leads to shipping", "zh-CN": "缺少上线条件：写明什么结果下全量上线" } });
    if (!STOP.test(prose)) problems.push({ message: { en: "no stop condition: say what result stops or rolls back the change", "zh-CN": "缺少停止条件：写明什么结果下停止或回滚" } });
    if (!NUMBER.test(prose)) problems.push({ message: { en: "no numbers: tie each decision to a measured result", "zh-CN": "缺少数字：每个决策都应对应可量化的结果" } });
    return problems;
  },
};
