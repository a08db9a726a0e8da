import type { CheckProblem, ContentCheck } from "./types";
import { itemText, quote, steps } from "./types";
import { FAILURE_HANDLING, HAND_TO_PERSON, TRIGGER } from "./patterns";

/** Agent workflow: ordered steps, each saying what happens when it fails. */
export const stepsOnFailure: ContentCheck = {
  name: "steps-on-failure",
  summary: { en: "ordered steps, each saying what happens when it fails", "zh-CN": "有序步骤，每一步写明失败时怎么办" },
  run(input) {
    const list = steps(input.blocks);
    if (list.length < 2) return [{ message: { en: "no ordered steps: list the workflow as numbered steps (1. 2. 3.)", "zh-CN": "没有有序步骤：请用编号列表（1. 2. 3.）写出工作流" } }];
    const problems: CheckProblem[] = [];
    list.forEach((step, i) => {
      const text = itemText(input, step);
      // "If the total is over the limit, pass it to the cost-centre manager" is the step's failure path too.
      if (!FAILURE_HANDLING.test(text) && !(TRIGGER.test(text) && HAND_TO_PERSON.test(text))) {
        problems.push({ line: step.line, message: { en: `step ${i + 1} ("${quote(step.text)}") does not say what happens when it fails`, "zh-CN": `第 ${i + 1} 步（“${quote(step.text)}”）没有写明失败时怎么办` } });
      }
    });
    return problems;
  },
};
