/**
 * Placeholder text: what a writer leaves to fill in later. One definition for the rule and the checks.
 * 待确认事项 is the heading of the open questions, not a placeholder.
 */
const SOURCE = String.raw`\b(?:TODO|TBD|TBA|XXX|FIXME)\b|\?{3,}|待定|待补充|待确认(?!事项)|\[NEEDS CLARIFICATION[^\]]*\]|[Ll]orem [Ii]psum`;
const FIND = new RegExp(SOURCE, "g");
const TEST = new RegExp(SOURCE);

export function findPlaceholders(text: string): Array<{ index: number; text: string }> {
  const out: Array<{ index: number; text: string }> = [];
  FIND.lastIndex = 0;
  for (let m = FIND.exec(text); m; m = FIND.exec(text)) out.push({ index: m.index, text: m[0] });
  return out;
}

/**
 * For a prose scan (scanProse `candidates`): matches a chunk's raw text wherever a line of it has
 * a placeholder, since blanking inline code only removes text.
 */
export const PLACEHOLDER_CANDIDATES = new RegExp(SOURCE, "g");

export function hasPlaceholder(text: string): boolean {
  return TEST.test(text);
}
