/**
 * Edits that set front matter keys, touching only the lines of those keys: a key's value is
 * replaced in place, a missing key is added before the closing fence, and a document without
 * front matter gets one.
 */
import { parseFrontMatter } from "./frontMatter";
import type { TextEdit } from "./types";

/** A key (letters, digits, dashes) at the start of a front matter line, its value up to a trailing comment. */
function keyLine(key: string): RegExp {
  if (!/^[A-Za-z0-9_-]+$/.test(key)) throw new Error(`not a plain front matter key: ${key}`);
  return new RegExp(`^(${key}[ \\t]*:)[ \\t]*(.*?)([ \\t]+#.*)?$`);
}

/**
 * Edits setting `values` (plain scalars such as `review` or `2026-12-01`) in the front matter
 * of `lines`, or null when the front matter cannot be edited safely (invalid YAML, or a key
 * whose value spans several lines), so the caller can say so instead of guessing.
 */
export function setFrontMatterValues(lines: readonly string[], eol: string, values: ReadonlyArray<readonly [string, string]>): TextEdit[] | null {
  const fm = parseFrontMatter(lines);
  if (!fm.lines) {
    const block = ["---", ...values.map(([k, v]) => `${k}: ${v}`), "---", ""].join(eol);
    return [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: block }];
  }
  if (fm.error) return null;
  const [start, end] = fm.lines;
  const edits: TextEdit[] = [];
  const added: string[] = [];
  for (const [key, value] of values) {
    const re = keyLine(key);
    let found = -1;
    for (let i = start + 1; i < end - 1; i++) {
      if (re.test(lines[i] ?? "")) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      added.push(`${key}: ${value}`);
      continue;
    }
    const line = lines[found] ?? "";
    const m = re.exec(line)!;
    const current = m[2] ?? "";
    // A block scalar or an empty value followed by indented lines: not a one-line value.
    const next = lines[found + 1] ?? "";
    if (/^[|>]/.test(current) || (current === "" && /^[ \t]+\S/.test(next))) return null;
    const from = m[1]!.length;
    const to = from + line.slice(from).length - (m[3]?.length ?? 0);
    edits.push({ range: { start: { line: found, character: from }, end: { line: found, character: to } }, newText: ` ${value}` });
  }
  if (added.length > 0) {
    const at = fm.insertLine ?? end - 1;
    edits.push({ range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: added.map((l) => l + eol).join("") });
  }
  return edits;
}
