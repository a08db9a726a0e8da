import type { CheckProblem, ContentCheck } from "./types";
import { itemText, quote, steps } from "./types";
import { HUMAN_TAKEOVER, NON_AI_PATH, TRIGGER } from "./patterns";

/**
 * Fallback path: ordered steps, each with a trigger, ending where the model is out of the loop:
 * a person takes over, or users get a path without the model (the classic flow, the feature hidden).
 */
export const stepsWithTriggers: ContentCheck = {
  name: "steps-with-triggers",
  summary: { en: "ordered steps, each with a trigger, ending with a human takeover or a non-AI path", "zh-CN": "有序步骤，每步有触发条件，最后转人工或回到非 AI 路径" },
  run(input) {
    const list = steps(input.blocks);
    if (list.length === 0) return [{ message: { en: "no steps: list the degradation path as numbered steps, each with its trigger", "zh-CN": "没有步骤：请用编号列表写出降级路径及每步的触发条件" } }];
    const problems: CheckProblem[] = [];
    list.forEach((step, i) => {
      if (!TRIGGER.test(itemText(input, step))) {
        problems.push({ line: step.line, message: { en: `step ${i + 1} ("${quote(step.text)}") has no trigger: say when it applies (e.g. the model times out twice)`, "zh-CN": `第 ${i + 1} 步（“${quote(step.text)}”）没有触发条件：写明何时启用（如 模型连续 2 次超时）` } });
      }
    });
    const last = list[list.length - 1]!;
    const lastText = itemText(input, last);
    if (!HUMAN_TAKEOVER.test(lastText) && !NON_AI_PATH.test(lastText)) {
      problems.push({
        line: last.line,
        message: {
          en: "the path does not end with a human takeover or a non-AI path: say who takes over, with what context, or which flow without the model users get (the classic flow, the feature hidden)",
          "zh-CN": "降级路径的最后一步既不是转人工，也不是非 AI 路径：写明由谁接手、交接哪些上下文，或用户回到哪条不经过模型的路径（原有流程、隐藏该功能）",
        },
      });
    }
    return problems;
  },
};
