import type { CheckProblem, ContentCheck } from "./types";
import { ALERT, OWNER, THRESHOLD, VERSION_ID, VERSION_WORD } from "./patterns";
import { PERSON_ROLES } from "../data/roles";
import { termRegExp } from "../terms";

/** People named by role count as owners too ("the ML on-call engineer", 值班工程师). */
const ROLE = termRegExp(PERSON_ROLES);

/**
 * Model, prompt and operations: the spec pins the model and prompt versions, production
 * monitoring has an alert threshold, and someone owns the runbook. Each is looked for within one
 * item, paragraph or table row, so a version number in one line and the word "prompt" in another
 * do not add up to a pin.
 */
export const operations: ContentCheck = {
  name: "operations",
  summary: { en: "a pinned model or prompt version, an alert threshold and an owner", "zh-CN": "锁定的模型或提示词版本、告警阈值和负责人" },
  run({ blocks }) {
    const texts = blocks.filter((b) => b.kind !== "code" && !(b.kind === "table-row" && b.header)).map((b) => b.text);
    const problems: CheckProblem[] = [];
    if (!texts.some((t) => VERSION_ID.test(t) || (VERSION_WORD.test(t) && /\d/.test(t)))) {
      problems.push({ message: { en: "no pinned version: name the model and prompt versions the spec is written against (e.g. model qwen-max-2025-01-25, prompt v7)", "zh-CN": "缺少锁定的版本：写明本文档所依据的模型和提示词版本（如 模型 qwen-max-2025-01-25，提示词 v7）" } });
    }
    if (!texts.some((t) => ALERT.test(t) && THRESHOLD.test(t))) {
      problems.push({ message: { en: "no alert threshold: say what is monitored in production and the number that raises an alert (e.g. alert when unsupported answers > 3% in an hour)", "zh-CN": "缺少告警阈值：写明线上监控什么、超过多少就告警（如 每小时无依据回答占比 > 3% 即告警）" } });
    }
    if (!texts.some((t) => OWNER.test(t) || ROLE.test(t))) {
      problems.push({ message: { en: "no owner: say who owns the runbook and answers the alerts (a name, a handle or a role)", "zh-CN": "缺少负责人：写明谁负责运维手册、谁响应告警（姓名、账号或角色）" } });
    }
    return problems;
  },
};
