import type { ContentCheck } from "./types";
import { quote } from "./types";
import { REQUIREMENT_ID } from "./patterns";

/** Requirements: listed as items, each carrying an id such as FR-001. */
export const requirementIds: ContentCheck = {
  name: "requirement-ids",
  summary: { en: "requirements as items, each with an id such as FR-001", "zh-CN": "需求逐条列出，每条带编号（如 FR-001）" },
  run({ blocks }) {
    const items = blocks.filter((b) => (b.kind === "list-item" && b.depth === 0) || (b.kind === "table-row" && !b.header));
    if (items.length === 0) return [{ message: { en: "requirements are not itemised: list them with ids such as FR-001", "zh-CN": "需求没有逐条列出：请用 FR-001 这样的编号列出" } }];
    const missing = items.filter((b) => !REQUIREMENT_ID.test(b.text));
    if (missing.length === 0) return [];
    const first = missing[0]!;
    return [
      {
        line: first.line,
        message:
          missing.length === 1
            ? { en: `requirement "${quote(first.text)}" has no id (e.g. FR-001)`, "zh-CN": `需求“${quote(first.text)}”没有编号（如 FR-001）` }
            : { en: `${missing.length} requirements have no id (e.g. FR-001), first: "${quote(first.text)}"`, "zh-CN": `${missing.length} 条需求没有编号（如 FR-001），第一条：“${quote(first.text)}”` },
      },
    ];
  },
};
