import type { CheckProblem, ContentCheck } from "./types";
import { quote } from "./types";
import { NUMBER, TIME_WINDOW } from "./patterns";

const COLUMNS = {
  definition: /defin|how (?:it is )?(?:measured|counted)|formula|定义|口径|计算/i,
  baseline: /baseline|current|today|基线|现状|当前/i,
  target: /target|goal|目标/i,
  window: /window|period|timeframe|time ?frame|horizon|by when|周期|窗口|时间|期限/i,
} as const;

type Column = keyof typeof COLUMNS;
const NAMES: Record<Column, { en: string; "zh-CN": string }> = {
  definition: { en: "Definition", "zh-CN": "定义" },
  baseline: { en: "Baseline", "zh-CN": "基线" },
  target: { en: "Target", "zh-CN": "目标" },
  window: { en: "Window", "zh-CN": "周期" },
};
const EMPTY_CELL = /^(?:|-|—|–|n\/?a|tbd|todo|\?+|待定|待补充)$/i;

/** Success metrics: each metric has a definition, a baseline, a target number and a window. */
export const metricsTable: ContentCheck = {
  name: "metrics-table",
  summary: { en: "each metric with a definition, baseline, target number and window", "zh-CN": "每个指标都有定义、基线、目标数值和统计周期" },
  run({ blocks }) {
    const rows = blocks.filter((b) => b.kind === "table-row");
    const header = rows.find((r) => r.header);
    if (!header) {
      const items = blocks.filter((b) => b.kind === "list-item" && b.depth === 0);
      if (items.length === 0) {
        return [{ message: { en: "no metrics listed: add a table with Metric, Definition, Baseline, Target and Window columns", "zh-CN": "没有列出指标：添加包含 指标、定义、基线、目标、周期 列的表格" } }];
      }
      const problems: CheckProblem[] = [];
      for (const item of items) {
        if (!NUMBER.test(item.text)) problems.push({ line: item.line, message: { en: `metric "${quote(item.text)}" has no target number`, "zh-CN": `指标“${quote(item.text)}”没有目标数值` } });
        else if (!TIME_WINDOW.test(item.text)) problems.push({ line: item.line, message: { en: `metric "${quote(item.text)}" has no time window`, "zh-CN": `指标“${quote(item.text)}”没有统计周期` } });
      }
      return problems;
    }
    const cells = header.cells ?? [];
    const index = {} as Record<Column, number>;
    const missingColumns: Column[] = [];
    for (const col of Object.keys(COLUMNS) as Column[]) {
      index[col] = cells.findIndex((c, i) => i > 0 && COLUMNS[col].test(c));
      if (index[col] < 0) missingColumns.push(col);
    }
    const problems: CheckProblem[] = [];
    if (missingColumns.length > 0) {
      problems.push({
        line: header.line,
        message: {
          en: `metrics table has no ${missingColumns.map((c) => NAMES[c].en).join(", ")} column`,
          "zh-CN": `指标表缺少 ${missingColumns.map((c) => NAMES[c]["zh-CN"]).join("、")} 列`,
        },
      });
    }
    const body = rows.filter((r) => !r.header && r.line > header.line);
    if (body.length === 0) problems.push({ line: header.line, message: { en: "metrics table has no rows", "zh-CN": "指标表没有数据行" } });
    for (const row of body) {
      const label = row.cells?.[0]
        ? { en: `metric "${quote(row.cells[0])}"`, "zh-CN": `指标“${quote(row.cells[0])}”` }
        : { en: `the metric on line ${row.line + 1}`, "zh-CN": `第 ${row.line + 1} 行的指标` };
      const gaps: Column[] = [];
      for (const col of Object.keys(COLUMNS) as Column[]) {
        if (index[col] < 0) continue;
        const cell = (row.cells?.[index[col]] ?? "").trim();
        if (EMPTY_CELL.test(cell) || (col === "target" && !NUMBER.test(cell))) gaps.push(col);
      }
      if (gaps.length > 0) {
        const targetOnly = gaps.length === 1 && gaps[0] === "target";
        problems.push({
          line: row.line,
          message: targetOnly
            ? { en: `${label.en} has no target number`, "zh-CN": `${label["zh-CN"]}没有目标数值` }
            : { en: `${label.en} lacks ${gaps.map((c) => NAMES[c].en.toLowerCase()).join(", ")}`, "zh-CN": `${label["zh-CN"]}缺少${gaps.map((c) => NAMES[c]["zh-CN"]).join("、")}` },
        });
      }
    }
    return problems;
  },
};
