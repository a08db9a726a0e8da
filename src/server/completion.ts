/**
 * Completion: after `## ` the template's sections the document still lacks (heading and body as a
 * snippet for clients that take snippets, the heading line alone for the others); in front matter, keys, `status` values, `lang`
 * values and template ids.
 */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from "vscode-languageserver/node";
import type { LintResult } from "../core/lint";
import type { TemplateRegistry } from "../core/templates";
import { LANGS, STATUSES, type Lang } from "../core/types";
import { localize } from "../core/i18n";
import { frontMatterEnd } from "../core/frontMatter";

const HEADING_PREFIX = /^(#{2,6})[ \t]+/;
/** `##` with the cursor before the space that follows: some clients (ALE) ask there. */
const HEADING_MARK = /^#{2,6}$/;

/** What the client said it takes (textDocument.completion.completionItem). */
export interface CompletionFormat {
  /** snippetSupport: without it every insert is plain text (no `$0`, no escapes). */
  snippets: boolean;
  /** documentationFormat prefers Markdown. */
  markdown: boolean;
}

const KEYS: Array<{ key: string; doc: { en: string; "zh-CN": string } }> = [
  { key: "title", doc: { en: "Title of the spec.", "zh-CN": "文档标题。" } },
  { key: "owner", doc: { en: "Who owns the spec (a name or handle).", "zh-CN": "文档负责人。" } },
  { key: "status", doc: { en: `Lifecycle status: ${STATUSES.join(", ")}. Severity of findings follows it.`, "zh-CN": `状态：${STATUSES.join("、")}。问题的严重程度随状态变化。` } },
  { key: "updated", doc: { en: "Date of the last substantive change, YYYY-MM-DD.", "zh-CN": "最近一次实质修改的日期，格式 YYYY-MM-DD。" } },
  { key: "approvers", doc: { en: "Who signs the spec off and the role each signs for: a list of {name, role}. Required from review on.", "zh-CN": "谁为本文档签字、各自代表哪一方：{name, role} 的列表。进入评审后必填。" } },
  { key: "template", doc: { en: "Template the spec follows: its required sections and content checks.", "zh-CN": "文档遵循的模板：决定必需章节和内容检查。" } },
  { key: "lang", doc: { en: `Language of the document: ${LANGS.join(", ")}.`, "zh-CN": `文档语言：${LANGS.join("、")}。` } },
];

/** Escapes text for a snippet body: $, } and \ are literal. */
export function escapeSnippet(text: string): string {
  return text.replace(/[\\$}]/g, (c) => `\\${c}`);
}

export function complete(result: LintResult, lines: readonly string[], pos: Position, registry: TemplateRegistry, lang: Lang, format: CompletionFormat): CompletionItem[] {
  const line = lines[pos.line] ?? "";
  const prefix = line.slice(0, pos.character);
  const fmEnd = frontMatterEnd(lines);
  if (fmEnd !== null && pos.line > 0 && pos.line < fmEnd) return frontMatterItems(result, lines, fmEnd, pos, prefix, registry, lang);
  if (result.doc.isNonProse(pos.line)) return [];
  const h = HEADING_PREFIX.exec(prefix);
  if (h) return sectionItems(result, pos, h[0].length, line.length, "", registry, lang, format);
  // `##|` followed by a space: the same items, replacing from the cursor and bringing the space.
  if (HEADING_MARK.test(prefix) && /^[ \t]/.test(line.slice(pos.character))) return sectionItems(result, pos, pos.character, line.length, " ", registry, lang, format);
  return [];
}

function sectionItems(result: LintResult, pos: Position, from: number, to: number, lead: string, registry: TemplateRegistry, lang: Lang, format: CompletionFormat): CompletionItem[] {
  const template = result.template ? registry.get(result.template) : undefined;
  if (!template) return [];
  const present = new Set(result.sections.filter((s) => s.id && s.heading.line !== pos.line).map((s) => s.id));
  const items: CompletionItem[] = [];
  template.sections.forEach((spec, i) => {
    if (present.has(spec.id)) return;
    const text = registry.sectionText(template, spec.id, result.lang);
    if (!text) return;
    // Without snippets the item is the heading line alone: Vim and Neovim insert completion text
    // through complete(), which writes a line break as a NUL byte. The body then comes from the
    // empty-section quick fix ("Fill section from the template").
    const newText = format.snippets ? `${lead}${escapeSnippet(text.heading)}${text.body ? `\n\n${escapeSnippet(text.body)}` : ""}\n$0` : `${lead}${text.heading}`;
    const req = localize(spec.required ? { en: "required", "zh-CN": "必需" } : { en: "optional", "zh-CN": "可选" }, lang);
    items.push({
      label: text.heading,
      kind: CompletionItemKind.Module,
      detail: `${spec.id} · ${req}`,
      ...(text.why ? { documentation: format.markdown ? { kind: MarkupKind.Markdown, value: text.why } : text.why } : {}),
      sortText: `${spec.required ? "0" : "1"}${String(i).padStart(3, "0")}`,
      filterText: text.heading,
      insertTextFormat: format.snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
      textEdit: { range: { start: { line: pos.line, character: from }, end: { line: pos.line, character: to } }, newText },
      data: { section: spec.id },
    });
  });
  return items;
}

function frontMatterItems(result: LintResult, lines: readonly string[], fmEnd: number, pos: Position, prefix: string, registry: TemplateRegistry, lang: Lang): CompletionItem[] {
  const kv = /^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(["']?)([^"']*)$/.exec(prefix);
  const lineText = lines[pos.line] ?? "";
  if (kv) {
    const key = kv[1]!;
    const valueStart = prefix.length - kv[3]!.length;
    let valueEnd = pos.character;
    while (valueEnd < lineText.length && /[^\s"']/.test(lineText[valueEnd]!)) valueEnd++;
    const range = { start: { line: pos.line, character: valueStart }, end: { line: pos.line, character: valueEnd } };
    const values: Array<{ value: string; detail?: string; doc?: string }> =
      key === "status"
        ? STATUSES.map((s) => ({ value: s }))
        : key === "lang"
          ? LANGS.map((l) => ({ value: l }))
          : key === "template"
            ? registry.all().map((t) => {
                const v = t.variants.get(result.lang) ?? [...t.variants.values()][0];
                return { value: t.id, ...(v ? { detail: v.name, doc: v.description } : {}) };
              })
            : [];
    return values.map((v, i) => ({
      label: v.value,
      kind: CompletionItemKind.EnumMember,
      sortText: String(i).padStart(3, "0"),
      textEdit: { range, newText: v.value },
      ...(v.detail ? { detail: v.detail } : {}),
      ...(v.doc ? { documentation: v.doc } : {}),
    }));
  }
  if (!/^[A-Za-z_-]*$/.test(prefix)) return [];
  const present = new Set<string>();
  for (let l = 1; l < fmEnd; l++) {
    if (l === pos.line) continue;
    const m = /^([A-Za-z_][\w-]*)[ \t]*:/.exec(lines[l] ?? "");
    if (m) present.add(m[1]!);
  }
  let keyEnd = pos.character;
  while (keyEnd < lineText.length && /[\w-]/.test(lineText[keyEnd]!)) keyEnd++;
  const range = { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: keyEnd } };
  return KEYS.filter((k) => !present.has(k.key)).map((k, i) => ({
    label: k.key,
    kind: CompletionItemKind.Property,
    documentation: localize(k.doc, lang),
    sortText: String(i).padStart(3, "0"),
    textEdit: { range, newText: `${k.key}: ` },
  }));
}
