import type { CheckProblem, ContentCheck } from "./types";
import { itemText, quote, steps } from "./types";
import { HUMAN_TAKEOVER, TRIGGER } from "./patterns";

/** Fallback path: ordered steps, each with a trigger, ending in a human takeover. */
export const stepsWithTriggers: ContentCheck = {
  name: "steps-with-triggers",
  summary: { en: "ordered steps, each with a trigger, ending with a human takeover", "zh-CN": "有序步骤，每步有触发条件，最后转人工" },
  run(input) {
    const list = steps(input.blocks);
    if (list.length === 0) return [{ message: { en: "no steps: list the degradation path as numbered steps, each with its trigger", "zh-CN": "没有步骤：请用编号列表写出降级路径及每步的触发条件" } }];
    const problems: CheckProblem[] = [];
    list.forEach((step, i) => {
      if (!TRIGGER.test(itemText(input, step))) {
        problems.push({ line: step.line, message: { en: `step ${i + 1} ("${quote(step.text)}") has no trigger: say when it applies (e.g. confidence < 0.7)`, "zh-CN": `第 ${i + 1} 步（“${quote(step.text)}”）没有触发条件：写明何时启用（如 置信度 < 0.7）` } });
      }
    });
    const last = list[list.length - 1]!;
    if (!HUMAN_TAKEOVER.test(itemText(input, last))) {
      problems.push({ line: last.line, message: { en: "the path does not end with a human takeover: say when a person takes over, with what context", "zh-CN": "降级路径没有以转人工结束：写明何时由人接手、交接哪些上下文" } });
    }
    return problems;
  },
};
