import type { CheckProblem, ContentCheck } from "./types";
import { quote } from "./types";
import { ADVANCE, ADVANCE_CONDITION, DURATION, NUMBER, ROLLBACK, STAGE_AUDIENCE, TIME_WINDOW, TRIGGER } from "./patterns";
import type { Localized } from "../i18n";

type Part = "audience" | "duration" | "advance" | "rollback";

const NAMES: Record<Part, Localized> = {
  audience: { en: "an audience", "zh-CN": "受众" },
  duration: { en: "a minimum duration", "zh-CN": "最短持续时间" },
  advance: { en: "a bar to advance", "zh-CN": "进入下一阶段的标准" },
  rollback: { en: "a bar to roll back", "zh-CN": "回滚标准" },
};

/** Stage table columns, English and Chinese. */
const COLUMNS: Record<Part, RegExp> = {
  audience: /audience|cohort|who|traffic|exposure|受众|人群|范围|流量|用户/i,
  duration: /duration|how long|at least|minimum|min\.|时长|至少|最短|持续/i,
  advance: /advance|proceed|promot|next|go\b|expand|推进|进入|放量|扩量|下一/i,
  rollback: /roll ?back|revert|kill|stop|回滚|回退|叫停|停止/i,
};
const EMPTY_CELL = /^(?:|-|—|–|n\/?a|\?+)$/i;

const present: Record<Part, (t: string) => boolean> = {
  audience: (t) => STAGE_AUDIENCE.test(t),
  duration: (t) => TIME_WINDOW.test(t) || DURATION.test(t),
  // "go to 50%" moves on without a bar; "advance when task success >= 80%" has one.
  advance: (t) => ADVANCE.test(t) && NUMBER.test(t) && (TRIGGER.test(t) || ADVANCE_CONDITION.test(t)),
  rollback: (t) => ROLLBACK.test(t),
};
const PARTS = Object.keys(NAMES) as Part[];

function join(parts: Part[], lang: "en" | "zh-CN"): string {
  const names = parts.map((p) => NAMES[p][lang]);
  if (lang === "zh-CN") return names.join("、");
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * Rollout with gates: stages (table rows, or else numbered items), each with its audience, a
 * minimum duration, the bar to advance and the bar to roll back (the last stage: its audience and
 * the bar to roll back).
 */
export const rolloutGates: ContentCheck = {
  name: "rollout-gates",
  summary: { en: "stages, each with its audience, a minimum duration, the bar to advance and the bar to roll back", "zh-CN": "分阶段上线，每个阶段有受众、最短持续时间、进入下一阶段的标准和回滚标准" },
  run({ blocks }) {
    const rows = blocks.filter((b) => b.kind === "table-row");
    const header = rows.find((r) => r.header);
    const stages = header ? rows.filter((r) => !r.header && r.line > header.line) : blocks.filter((b) => b.kind === "list-item" && b.depth === 0 && b.ordered);
    if (stages.length === 0) {
      return [{ message: { en: "no stages: give a table (or numbered list) of stages, each with its audience, minimum duration, bar to advance and bar to roll back", "zh-CN": "没有分阶段：用表格（或编号列表）列出各阶段，写明受众、最短持续时间、进入下一阶段的标准和回滚标准" } }];
    }
    const index = {} as Record<Part, number>;
    for (const part of PARTS) index[part] = header?.cells ? header.cells.findIndex((c, i) => i > 0 && COLUMNS[part].test(c)) : -1;
    const problems: CheckProblem[] = [];
    for (const stage of stages) {
      // The last stage has no next one: it needs an audience and a bar to roll back, nothing to advance to.
      const needed = stage === stages[stages.length - 1] && stages.length > 1 ? PARTS.filter((p) => p !== "advance" && p !== "duration") : PARTS;
      const lacks = needed.filter((part) => {
        if (index[part] < 0) return !present[part](stage.text);
        const cell = (stage.cells?.[index[part]] ?? "").trim();
        // In a column the header says what the cell is; a duration must still be a duration, a bar a number or a condition.
        if (EMPTY_CELL.test(cell)) return true;
        if (part === "duration") return !present.duration(cell);
        return false;
      });
      if (lacks.length === 0) continue;
      const label = quote(stage.kind === "table-row" ? (stage.cells?.[0] ?? stage.text) : stage.text);
      problems.push({ line: stage.line, message: { en: `stage "${label}" lacks ${join(lacks, "en")}`, "zh-CN": `阶段“${label}”缺少${join(lacks, "zh-CN")}` } });
    }
    return problems;
  },
};
