/** Document symbols (the section outline with catalog ids) and folding ranges by section. */
import { FoldingRangeKind, SymbolKind, type DocumentSymbol, type FoldingRange } from "vscode-languageserver/node";
import type { LintResult } from "../core/lint";

/** Last line of a section that is not blank (folds and symbols do not swallow trailing blank lines). */
function lastContentLine(result: LintResult, start: number, end: number): number {
  let l = end - 1;
  while (l > start && !(result.doc.lines[l] ?? "").trim()) l--;
  return l;
}

export function documentSymbols(result: LintResult): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: Array<{ level: number; sym: DocumentSymbol }> = [];
  for (const s of result.sections) {
    const last = lastContentLine(result, s.heading.line, s.end);
    const sym: DocumentSymbol = {
      name: s.title || "#".repeat(s.level),
      ...(s.id ? { detail: s.id } : {}),
      kind: SymbolKind.String,
      range: { start: { line: s.heading.line, character: 0 }, end: { line: last, character: (result.doc.lines[last] ?? "").length } },
      selectionRange: result.doc.index.trimmedLineRange(s.heading.line),
      children: [],
    };
    while (stack.length && stack[stack.length - 1]!.level >= s.level) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.sym.children!.push(sym);
    else roots.push(sym);
    stack.push({ level: s.level, sym });
  }
  return roots;
}

export function foldingRanges(result: LintResult): FoldingRange[] {
  const out: FoldingRange[] = [];
  const fm = result.doc.frontMatter.lines;
  if (fm && fm[1] - 1 > fm[0]) out.push({ startLine: fm[0], endLine: fm[1] - 1, kind: FoldingRangeKind.Region });
  for (const s of result.sections) {
    const last = lastContentLine(result, s.heading.line, s.end);
    if (last > s.heading.line) out.push({ startLine: s.heading.line, endLine: last });
  }
  return out;
}
