/**
 * Code actions: the engine's fixes as quick fixes, "fix all missing sections", inline disable
 * comments and the fix-all source action. Every edit carries the document version it was
 * computed for, so a client never applies it to a newer text.
 */
import { CodeActionKind, TextDocumentEdit, type CodeAction, type Diagnostic, type WorkspaceEdit } from "vscode-languageserver/node";
import { applyEdits, fixAll } from "../core/fix";
import { localize, type Localized } from "../core/i18n";
import { keepLineBreaks, LineIndex } from "../core/text";
import type { LintResult } from "../core/lint";
import type { Finding, Lang, TextEdit } from "../core/types";
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, type PmCodeActionData, type PmDiagnosticData } from "../protocol";
import { toDiagnostic } from "./convert";

export interface CodeActionInput {
  uri: string;
  version: number;
  text: string;
  result: LintResult;
  /** Language of titles. */
  lang: Lang;
  /** Diagnostics the client asks about (context.diagnostics). */
  diagnostics: readonly Diagnostic[];
  /** context.only, when the client filters by kind. */
  only?: readonly string[] | undefined;
  /** Whether the client takes versioned `documentChanges`. */
  documentChanges: boolean;
  /** Lints a text of this document (for the multi-pass fix-all). */
  lint: (text: string) => readonly Finding[];
}

const MISSING = "missing-section";

function key(code: unknown, range: Diagnostic["range"]): string {
  return `${String(code)}|${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
}

/**
 * The findings a context diagnostic stands for, matched on what every client sends back: code and
 * range, narrowed by `data` (rule, section) when the client keeps it and by the message when one
 * of them has it. `source` is not needed (ALE drops it).
 */
function findingsFor(d: Diagnostic, byKey: ReadonlyMap<string, Finding[]>): Finding[] {
  let found = byKey.get(key(d.code, d.range)) ?? [];
  const data = d.data as Partial<PmDiagnosticData> | undefined;
  if (data && typeof data === "object" && typeof data.rule === "string") found = found.filter((f) => f.rule === data.rule && (data.section === undefined || f.section === data.section));
  const message = typeof d.message === "string" ? d.message : d.message?.value;
  const same = found.filter((f) => f.message === message);
  return same.length ? same : found;
}

export function wantsKind(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function versionedEdit(uri: string, version: number, edits: TextEdit[], documentChanges: boolean): WorkspaceEdit {
  return documentChanges ? { documentChanges: [TextDocumentEdit.create({ uri, version }, edits)] } : { changes: { [uri]: edits } };
}

/** One edit turning `before` into `after`: the differing middle, so the cursor and the rest stay put. */
export function minimalEdit(before: string, after: string, positionAt: (offset: number) => TextEdit["range"]["start"]): TextEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  // Never split a \r\n pair or a surrogate pair (the prefix and suffix are common to both texts).
  while (start > 0 && (before.charCodeAt(start - 1) === 13 || (before.charCodeAt(start - 1) & 0xfc00) === 0xd800)) start--;
  while (endB < before.length && ((before.charCodeAt(endB) === 10 && before.charCodeAt(endB - 1) === 13) || (before.charCodeAt(endB) & 0xfc00) === 0xdc00)) {
    endB++;
    endA++;
  }
  return { range: { start: positionAt(start), end: positionAt(endB) }, newText: after.slice(start, endA) };
}

const T = {
  insert: (h: string): Localized => ({ en: `Insert missing section "${h}"`, "zh-CN": `插入缺少的章节“${h}”` }),
  fill: (h: string): Localized => ({ en: `Fill section "${h}" from the template`, "zh-CN": `用模板内容填充章节“${h}”` }),
  fix: (m: string): Localized => ({ en: `Fix: ${m}`, "zh-CN": `修复：${m}` }),
  allMissing: (n: number): Localized => ({ en: `Fix all missing sections (${n})`, "zh-CN": `补全所有缺少的章节（${n} 个）` }),
  line: (r: string): Localized => ({ en: `Disable ${r} for this line`, "zh-CN": `在此行禁用 ${r}` }),
  file: (r: string): Localized => ({ en: `Disable ${r} for this file`, "zh-CN": `在此文件中禁用 ${r}` }),
  fixAll: { en: "Fix all PM Workbench problems", "zh-CN": "修复所有 PM Workbench 问题" } as Localized,
};

function fixTitle(f: Finding, result: LintResult, lang: Lang): string {
  if (f.rule === MISSING) {
    const m = /"([^"]+)"|“([^”]+)”/.exec(f.message);
    return localize(T.insert(m?.[1] ?? m?.[2] ?? f.section ?? ""), lang);
  }
  if (f.rule === "empty-section") {
    const s = result.sections.find((x) => x.heading.line === f.range.start.line);
    return localize(T.fill(s?.title ?? f.section ?? ""), lang);
  }
  return localize(T.fix(f.message), lang);
}

const HEADING = /^ {0,3}#{1,6}(?:\s|$)/;

/** Edit disabling `rule` for the finding's line, or null where no comment may go (front matter). */
function disableLineEdit(result: LintResult, f: Finding): TextEdit | null {
  const doc = result.doc;
  const line = f.range.start.line;
  const bodyStart = doc.frontMatter.bodyStart;
  if (line < bodyStart || line >= doc.lines.length) return null;
  const eol = doc.index.eol;
  const text = doc.lines[line] ?? "";
  const prev = line > bodyStart ? (doc.lines[line - 1] ?? "") : "";
  if (HEADING.test(text) || line === bodyStart || !prev.trim()) {
    const indent = /^\s*/.exec(text)?.[0] ?? "";
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${HEADING.test(text) ? "" : indent}<!-- pm-disable-next-line ${f.rule} -->${eol}` };
  }
  const end = { line, character: text.length };
  return { range: { start: end, end }, newText: ` <!-- pm-disable-line ${f.rule} -->` };
}

/** Edit disabling `rule` for the whole file: a comment before any content, after the front matter. */
function disableFileEdit(result: LintResult, rule: string): TextEdit {
  const doc = result.doc;
  const eol = doc.index.eol;
  const at = doc.frontMatter.bodyStart;
  if (at >= doc.lines.length) {
    const last = doc.lines.length - 1;
    const pos = { line: last, character: (doc.lines[last] ?? "").length };
    return { range: { start: pos, end: pos }, newText: `${eol}<!-- pm-disable ${rule} -->${eol}` };
  }
  return { range: { start: { line: at, character: 0 }, end: { line: at, character: 0 } }, newText: `<!-- pm-disable ${rule} -->${eol}` };
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const { uri, version, result, lang, only, documentChanges } = input;
  const data: PmCodeActionData = { uri, version };
  const edit = (edits: TextEdit[]) => versionedEdit(uri, version, edits, documentChanges);
  const actions: CodeAction[] = [];
  const byKey = new Map<string, Finding[]>();
  for (const f of result.findings) {
    const k = key(f.ruleId, f.range);
    byKey.set(k, [...(byKey.get(k) ?? []), f]);
  }

  if (wantsKind(only, CodeActionKind.QuickFix)) {
    const asked: Array<{ d: Diagnostic; f: Finding }> = [];
    const taken = new Set<Finding>();
    for (const d of input.diagnostics) {
      if (d.source !== undefined && d.source !== DIAGNOSTIC_SOURCE) continue;
      for (const f of findingsFor(d, byKey)) {
        if (taken.has(f)) continue;
        taken.add(f);
        asked.push({ d, f });
      }
    }
    for (const { d, f } of asked) {
      if (f.fix?.length) {
        actions.push({ title: fixTitle(f, result, lang), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: edit(f.fix), data });
      }
    }
    const missing = result.findings.filter((f) => f.rule === MISSING && f.fix?.length);
    if (missing.length > 1 && asked.some(({ f }) => f.rule === MISSING)) {
      const applied = applyEdits(input.text, missing.flatMap((f) => f.fix ?? [])).applied;
      actions.push({ title: localize(T.allMissing(missing.length), lang), kind: CodeActionKind.QuickFix, diagnostics: missing.map((f) => toDiagnostic(f, uri)), edit: edit(applied), data });
    }
    const seenFile = new Set<string>();
    const seenLine = new Set<string>();
    for (const { d, f } of asked) {
      const lineKey = `${f.rule}@${f.range.start.line}`;
      if (f.rule === "file-too-large" || seenLine.has(lineKey)) continue;
      seenLine.add(lineKey);
      const lineEdit = disableLineEdit(result, f);
      if (lineEdit) actions.push({ title: localize(T.line(f.rule), lang), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit([keepLineBreaks(result.doc.index, lineEdit)]), data });
    }
    for (const { d, f } of asked) {
      if (seenFile.has(f.rule) || f.rule === "file-too-large") continue;
      seenFile.add(f.rule);
      actions.push({ title: localize(T.file(f.rule), lang), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit([keepLineBreaks(result.doc.index, disableFileEdit(result, f.rule))]), data });
    }
  }

  if (wantsKind(only, FIX_ALL_KIND) && result.findings.some((f) => f.fix?.length)) {
    const fixed = fixAll(input.text, input.lint).text;
    if (fixed !== input.text) {
      const index = new LineIndex(input.text);
      const e = minimalEdit(input.text, fixed, (o) => index.positionAt(o));
      actions.push({ title: localize(T.fixAll, lang), kind: FIX_ALL_KIND, edit: edit([e]), data });
    }
  }
  return actions;
}
