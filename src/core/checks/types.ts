import type { ParsedDocument, Section } from "../document";
import type { MdBlock } from "../markdown";
import type { Localized } from "../i18n";

export interface CheckInput {
  doc: ParsedDocument;
  section: Section;
  /** Content blocks of the section body. */
  blocks: MdBlock[];
  /** Section body prose (code and comments removed). */
  prose: string;
}

/** One thing a section lacks; `line` points at the offending item when there is one. */
export interface CheckProblem {
  message: Localized;
  line?: number;
}

export interface ContentCheck {
  name: string;
  /** What the check requires, for docs and hovers. */
  summary: Localized;
  run(input: CheckInput): CheckProblem[];
}

/** Short quote of an item for messages. */
export function quote(text: string): string {
  const t = text
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return t.length > 40 ? `${t.slice(0, 39)}…` : t;
}

/** Steps: the top-level ordered list items, or else all top-level items, or else table rows. */
export function steps(blocks: MdBlock[]): MdBlock[] {
  const items = blocks.filter((b) => b.kind === "list-item" && b.depth === 0);
  const ordered = items.filter((b) => b.ordered);
  if (ordered.length > 0) return ordered;
  if (items.length > 0) return items;
  return blocks.filter((b) => b.kind === "table-row" && !b.header);
}

/** An item's full text, nested lines included. */
export function itemText(input: CheckInput, item: MdBlock): string {
  return input.doc.lines.slice(item.line, item.endLine).join("\n");
}
