import type { CheckInput, CheckProblem, ContentCheck } from "./types";
import { quote } from "./types";
import { ACCEPTANCE_LABEL, EARS, EVAL_WORD, GIVEN_WHEN_THEN, PRIORITY, PRIORITY_CAPITALS, REQUIREMENT_ID, THRESHOLD } from "./patterns";
import { hasPlaceholder } from "../placeholders";
import type { MdBlock } from "../markdown";
import type { Localized } from "../i18n";
import { BoundedMemo } from "../memo";

type Part = "id" | "priority" | "acceptance";

const NAMES: Record<Part, Localized> = {
  id: { en: "an id (e.g. FR-001)", "zh-CN": "编号（如 FR-001）" },
  priority: { en: "a priority (P0/P1/P2 or must/should/could)", "zh-CN": "优先级（P0/P1/P2）" },
  acceptance: { en: 'an acceptance criterion (EARS "When ..., the system shall ...", Given/When/Then, or an eval pass bar)', "zh-CN": "验收标准（EARS 句式“当……时，系统应……”、Given/When/Then，或评测通过线）" },
};

/** Table columns that carry a priority or an acceptance criterion. */
const COLUMNS: Partial<Record<Part, RegExp>> = {
  priority: /priority|优先级/i,
  acceptance: /accept|criteri|pass bar|verif|验收|通过标准|完成标准/i,
};
const EMPTY_CELL = /^(?:|-|—|–|n\/?a|\?+)$/i;

const hasPriority = (t: string) => PRIORITY.test(t) || PRIORITY_CAPITALS.test(t);
const hasAcceptance = (t: string) => ACCEPTANCE_LABEL.test(t) || GIVEN_WHEN_THEN.test(t) || EARS.test(t) || (EVAL_WORD.test(t) && THRESHOLD.test(t));

interface ItemVerdict {
  id: string | undefined;
  priority: boolean;
  acceptance: boolean;
}
// A keystroke re-runs the check on its whole section; most requirements in it are unchanged, so
// their verdicts are kept by text (the patterns are the check's cost on a long list).
const verdicts = new BoundedMemo<string, ItemVerdict>(8192);
const verdictOf = (text: string): ItemVerdict => verdicts.get(text, () => ({ id: REQUIREMENT_ID.exec(text)?.[0], priority: hasPriority(text), acceptance: hasAcceptance(text) }));

/** An item with its nested lines (acceptance criteria often sit under the requirement), unwritten lines left out. */
function requirementText(input: CheckInput, item: MdBlock): string {
  if (item.kind === "table-row") return item.text;
  // One line: the document's own string, which the verdict memo has seen before (no new string to hash).
  if (item.endLine - item.line <= 1) {
    const line = input.doc.lines[item.line] ?? "";
    return hasPlaceholder(line) ? "" : line;
  }
  const lines = input.doc.lines.slice(item.line, item.endLine);
  const text = lines.join("\n");
  return hasPlaceholder(text) ? lines.filter((l) => !hasPlaceholder(l)).join("\n") : text;
}

function join(parts: Part[], lang: "en" | "zh-CN"): string {
  const names = parts.map((p) => NAMES[p][lang]);
  if (lang === "zh-CN") return names.join("、");
  return names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/**
 * Requirements you can test: each item carries an id (FR-001), a priority (P0/P1/P2 or
 * must/should/could) and an acceptance criterion (EARS, Given/When/Then, or an eval pass bar).
 * The message names what each requirement lacks.
 */
export const requirementIds: ContentCheck = {
  name: "requirement-ids",
  summary: { en: "requirements as items, each with an id (FR-001), a priority (P0/P1/P2) and an acceptance criterion", "zh-CN": "需求逐条列出，每条有编号（如 FR-001）、优先级（P0/P1/P2）和验收标准" },
  run(input) {
    const { blocks } = input;
    const rows = blocks.filter((b) => b.kind === "table-row");
    const header = rows.find((r) => r.header);
    const items = blocks.filter((b) => (b.kind === "list-item" && b.depth === 0) || (b.kind === "table-row" && !b.header));
    if (items.length === 0) return [{ message: { en: "requirements are not itemised: list them with ids such as FR-001", "zh-CN": "需求没有逐条列出：请用 FR-001 这样的编号列出" } }];
    const columnOf = (part: Part) => (header?.cells && COLUMNS[part] ? header.cells.findIndex((c) => COLUMNS[part]!.test(c)) : -1);
    const columns: Record<Part, number> = { id: -1, priority: columnOf("priority"), acceptance: columnOf("acceptance") };
    // Requirements lacking the same things are one problem, named by their ids: a list of twenty
    // requirements without priorities is one thing to do, not twenty.
    const groups = new Map<string, { lacks: Part[]; items: MdBlock[]; ids: string[] }>();
    for (const item of items) {
      const text = requirementText(input, item);
      const cell = (part: Part) => {
        const i = item.kind === "table-row" ? columns[part] : -1;
        return i < 0 ? null : (item.cells?.[i] ?? "").trim();
      };
      const lacks: Part[] = [];
      const verdict = verdictOf(text);
      const id = verdict.id;
      if (!id) lacks.push("id");
      const priorityCell = cell("priority");
      if (priorityCell !== null ? EMPTY_CELL.test(priorityCell) : !verdict.priority) lacks.push("priority");
      const acceptanceCell = cell("acceptance");
      if (acceptanceCell !== null ? EMPTY_CELL.test(acceptanceCell) : !verdict.acceptance) lacks.push("acceptance");
      if (lacks.length === 0) continue;
      const key = lacks.join(",");
      const group = groups.get(key) ?? { lacks, items: [], ids: [] };
      group.items.push(item);
      if (id) group.ids.push(id);
      groups.set(key, group);
    }
    const problems: CheckProblem[] = [];
    for (const { lacks, items: group, ids } of groups.values()) {
      const first = group[0]!;
      const label = quote(first.kind === "table-row" ? (first.cells ?? []).join(" ") : first.text);
      const en = join(lacks, "en");
      const zh = join(lacks, "zh-CN");
      let message: Localized;
      if (group.length === 1) message = { en: `requirement "${label}" lacks ${en}`, "zh-CN": `需求“${label}”缺少${zh}` };
      else if (ids.length === group.length) message = { en: `requirements ${ids.join(", ")} lack ${en}`, "zh-CN": `需求 ${ids.join("、")} 缺少${zh}` };
      else message = { en: `${group.length} requirements lack ${en}, first: "${label}"`, "zh-CN": `${group.length} 条需求缺少${zh}，第一条：“${label}”` };
      problems.push({ line: first.line, message });
    }
    return problems;
  },
};
