import type { CheckProblem, ContentCheck } from "./types";
import { CHANGE, DIRECTION, METRIC_WORD } from "./patterns";

/** Hypothesis: the change, the metric it moves and the expected direction. */
export const hypothesis: ContentCheck = {
  name: "hypothesis",
  summary: { en: "the change, the metric and the expected direction", "zh-CN": "改动、指标和预期方向" },
  run({ prose }) {
    const problems: CheckProblem[] = [];
    if (!CHANGE.test(prose)) problems.push({ message: { en: "no change: say what you will change (If we ...)", "zh-CN": "缺少改动：写明要做的改动（如果我们……）" } });
    if (!METRIC_WORD.test(prose)) problems.push({ message: { en: "no metric: name the metric the change should move", "zh-CN": "缺少指标：写明改动影响的指标" } });
    if (!DIRECTION.test(prose)) problems.push({ message: { en: "no direction: say whether the metric should rise or fall", "zh-CN": "缺少方向：写明指标预期上升还是下降" } });
    return problems;
  },
};
