import { LineIndex } from "./text";
import type { Finding, TextEdit } from "./types";

export interface ApplyResult {
  text: string;
  applied: TextEdit[];
  /** Edits dropped because they overlap an earlier one; a later pass may apply them. */
  skipped: TextEdit[];
}

/**
 * Applies text edits to `text`: the one place fixes are applied (CLI --fix, server fix-all,
 * tests). Identical edits are applied once; an edit overlapping an earlier one is skipped, so a
 * result is never half of two conflicting fixes. Inserts at one position keep their given order.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): ApplyResult {
  const index = new LineIndex(text);
  const resolved = edits.map((edit, order) => ({ edit, order, start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end) }));
  resolved.sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  const kept: typeof resolved = [];
  const skipped: TextEdit[] = [];
  let lastEnd = -1;
  const seen = new Set<string>();
  for (const r of resolved) {
    const key = `${r.start}:${r.end}:${r.edit.newText}`;
    if (seen.has(key)) continue;
    if (r.start < lastEnd) {
      skipped.push(r.edit);
      continue;
    }
    seen.add(key);
    kept.push(r);
    lastEnd = Math.max(lastEnd, r.end);
  }
  let out = "";
  let pos = 0;
  for (const r of kept) {
    out += text.slice(pos, r.start) + r.edit.newText;
    pos = Math.max(pos, r.end);
  }
  out += text.slice(pos);
  return { text: out, applied: kept.map((r) => r.edit), skipped };
}

/** All fix edits of the findings, in finding order. */
export function fixEdits(findings: readonly Finding[]): TextEdit[] {
  return findings.flatMap((f) => f.fix ?? []);
}

/**
 * Lints, applies every fix, and repeats until nothing changes (at most `maxPasses`), like
 * ESLint's --fix. `lint` is the caller's linter for the text.
 */
export function fixAll(text: string, lint: (text: string) => readonly Finding[], maxPasses = 10): { text: string; passes: number } {
  let current = text;
  let fixable = lint(current).filter((f) => f.fix?.length);
  for (let pass = 1; pass <= maxPasses; pass++) {
    if (fixable.length === 0) return { text: current, passes: pass - 1 };
    const next = applyEdits(current, fixEdits(fixable)).text;
    const remaining = lint(next).filter((f) => f.fix?.length);
    // A pass that fixes nothing would repeat forever (text inserted where it has no effect): keep the last good text.
    if (next === current || remaining.length >= fixable.length) return { text: current, passes: pass - 1 };
    current = next;
    fixable = remaining;
  }
  return { text: current, passes: maxPasses };
}
