import type { CheckProblem, ContentCheck } from "./types";
import { DURATION, REVIEW_FAILURE, REVIEW_TRIGGER } from "./patterns";

/** Human review gate: what triggers review, the review SLA, and what happens on failure or timeout. */
export const reviewGate: ContentCheck = {
  name: "review-gate",
  summary: { en: "a review trigger, an SLA (a time) and the behaviour on rejection or timeout", "zh-CN": "复核触发条件、时限（SLA）以及驳回或超时时的处理" },
  run({ prose }) {
    const problems: CheckProblem[] = [];
    if (!REVIEW_TRIGGER.test(prose)) problems.push({ message: { en: "no trigger: say which outputs must be reviewed (e.g. advice over ¥50,000)", "zh-CN": "缺少触发条件：写明哪些输出必须人工复核（如 金额超过 5 万元的建议）" } });
    if (!DURATION.test(prose)) problems.push({ message: { en: "no SLA: give the review time limit (e.g. within 90 s)", "zh-CN": "缺少时限：写明复核时限（如 90 秒内）" } });
    if (!REVIEW_FAILURE.test(prose)) problems.push({ message: { en: "no failure path: say what happens when review rejects or times out", "zh-CN": "缺少失败处理：写明复核驳回或超时后怎么办" } });
    return problems;
  },
};
