/** Hover: on a section heading, what the section must contain and why; on a finding, its rule. */
import { MarkupKind, type Hover, type Position } from "vscode-languageserver/node";
import type { LintResult } from "../core/lint";
import { findRule } from "../core/rules";
import type { TemplateRegistry } from "../core/templates";
import { localize } from "../core/i18n";
import { comparePositions, type Lang, type Range } from "../core/types";
import { ruleDocsUrl } from "../node/workspace";

function contains(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}

/** `markdown`: the client's contentFormat prefers Markdown; otherwise the same facts in plain text. */
export function hover(result: LintResult, pos: Position, registry: TemplateRegistry, lang: Lang, markdown: boolean): Hover | null {
  const bold = (t: string) => (markdown ? `**${t}**` : t);
  const code = (t: string) => (markdown ? `\`${t}\`` : t);
  const parts: string[] = [];
  let range: Range | undefined;
  const section = result.sections.find((s) => pos.line >= s.heading.line && pos.line < s.heading.endLine);
  const template = result.template ? registry.get(result.template) : undefined;
  if (section?.id && template) {
    const spec = template.sections.find((s) => s.id === section.id);
    const text = registry.anySectionText(template, section.id, result.lang);
    if (spec || text) {
      const facts = [code(section.id), localize(spec?.required ? { en: "required", "zh-CN": "必需" } : spec ? { en: "optional", "zh-CN": "可选" } : { en: "not in this template", "zh-CN": "不在此模板中" }, lang)];
      if (spec?.check) facts.push(localize({ en: `check: ${spec.check}`, "zh-CN": `检查：${spec.check}` }, lang));
      parts.push(`${bold(text?.heading ?? section.title)} · ${facts.join(" · ")}${text?.why ? `\n\n${text.why}` : ""}`);
      range = result.doc.index.trimmedLineRange(section.heading.line);
    }
  }
  const seen = new Set<string>();
  for (const f of result.findings) {
    if (!contains(f.range, pos) || seen.has(f.rule)) continue;
    seen.add(f.rule);
    const rule = findRule(f.rule);
    if (!rule) continue;
    const docs = localize({ en: "docs", "zh-CN": "文档" }, lang);
    parts.push(`${bold(`${rule.id} ${rule.name}`)}: ${localize(rule.description, lang)} (${markdown ? `[${docs}](${ruleDocsUrl(rule.name)})` : `${docs}: ${ruleDocsUrl(rule.name)}`})`);
    range ??= f.range;
  }
  if (parts.length === 0) return null;
  const value = parts.join(markdown ? "\n\n---\n\n" : "\n\n");
  return { contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value }, ...(range ? { range } : {}) };
}
