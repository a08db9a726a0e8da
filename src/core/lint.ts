import { relative, sep } from "node:path";
import { contentBlocks, parseDocument, type ParsedDocument, type Section } from "./document";
import type { ChunkCache, MdBlock } from "./markdown";
import { AliasMatcher, fillSectionValues, type ScaffoldValues, type Template, type TemplateRegistry } from "./templates";
import { CATALOG } from "./catalog";
import { Config, type FileSettings } from "./config";
import type { WorkspaceHost } from "./host";
import { Directives } from "./directives";
import { BoundedMemo } from "./memo";
import { firstNotBefore } from "./search";
import { keepLineBreaks, type LineIndex } from "./text";
import { localize } from "./i18n";
import { RULES, findRule, fileTooLarge } from "./rules";
import { isRoadmapFileName } from "./roadmap";
import type { Report, Rule, RuleContext } from "./rule";
import { STATUSES, comparePositions, type Finding, type Lang, type Range, type Severity, type SeveritySetting, type Status, type TextEdit } from "./types";

export interface LintEnvironment {
  registry: TemplateRegistry;
  config: Config;
  host: WorkspaceHost;
  /** Absolute workspace root: config globs are relative to it. */
  root: string;
  /** Message language chosen by the user (--lang, editor); otherwise the document's. */
  lang?: Lang;
  /** YYYY-MM-DD stamped by fixes; defaults to today (UTC). */
  today?: string;
  /** Called once per rule that throws; the rule is skipped for that document. */
  onRuleError?: (rule: Rule, file: string, error: unknown) => void;
}

export interface LintResult {
  file: string;
  /** Template id the document follows, or null when it is not a spec. */
  template: string | null;
  /** False for Markdown files that name no template and match no template glob: not linted. */
  isSpec: boolean;
  status: Status | null;
  /** Language of the document (inserted text follows it). */
  lang: Lang;
  findings: Finding[];
  /** The parsed document and its sections with ids, for editor features. */
  doc: ParsedDocument;
  /** The document's sections with catalog ids resolved against the template and config aliases. */
  sections: Section[];
}

const relativePaths = new BoundedMemo<string, string>(4096);

export function relativePath(root: string, file: string): string {
  return relativePaths.get(`${root}\0${file}`, () => relative(root, file).split(sep).join("/"));
}

function severityFor(rule: Rule, status: Status | null, settings: FileSettings): SeveritySetting {
  const s = settings.rules[rule.name] ?? settings.rules[rule.id];
  const st = status ?? "draft";
  if (typeof s === "string") return s;
  if (s) return s[st] ?? s.default ?? rule.severity[st];
  return rule.severity[st];
}

/** Today's date (UTC), formatted once a day rather than on every keystroke. */
let todayCache = { value: "", until: 0 };
function todayUtc(): string {
  const now = Date.now();
  if (now >= todayCache.until || now < todayCache.until - 86_400_000) {
    const d = new Date(now);
    todayCache = { value: d.toISOString().slice(0, 10), until: Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) };
  }
  return todayCache.value;
}

// Matchers are built once per template and alias set: normalising every catalog name per file is measurable.
const matchers = new WeakMap<object, WeakMap<FileSettings["aliases"], AliasMatcher>>();
const NO_TEMPLATE = {};

function aliasMatcher(template: Template | null, aliases: FileSettings["aliases"]): AliasMatcher {
  const key = template ?? NO_TEMPLATE;
  let byAliases = matchers.get(key);
  if (!byAliases) matchers.set(key, (byAliases = new WeakMap()));
  let matcher = byAliases.get(aliases);
  if (!matcher) {
    matcher = new AliasMatcher();
    for (const spec of template?.sections ?? []) matcher.add(spec.id, [...spec.aliases, ...(aliases[spec.id] ?? [])]);
    for (const entry of CATALOG) matcher.add(entry.id, aliases[entry.id] ?? []);
    for (const [id, extra] of Object.entries(aliases)) matcher.add(id, extra);
    byAliases.set(aliases, matcher);
  }
  return matcher;
}

/**
 * Lints one document. Never throws for any text: a throwing rule is reported and skipped.
 * `text` may be the lines an editor's edit produced (`LineIndex.edit`), with the document's cache.
 */
export function lintText(file: string, text: string | LineIndex, env: LintEnvironment, cache?: ChunkCache): LintResult {
  const rel = relativePath(env.root, file);
  const settings = env.config.forFile(rel);
  const length = text.length;
  const bytes = length > settings.maxFileSize / 3 ? Buffer.byteLength(typeof text === "string" ? text : text.text, "utf8") : length;
  if (bytes > settings.maxFileSize) {
    const doc = parseDocument(file, "");
    const lang: Lang = env.lang ?? settings.lang ?? "en";
    const mb = (settings.maxFileSize / 1024 / 1024).toFixed(1);
    const sev = severityFor(fileTooLarge, null, settings);
    const findings: Finding[] =
      sev === "off"
        ? []
        : [
            {
              ruleId: fileTooLarge.id,
              rule: fileTooLarge.name,
              severity: sev,
              section: null,
              range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
              message: localize({ en: `File is larger than ${mb} MB (maxFileSize), so it was not linted.`, "zh-CN": `文件超过 ${mb} MB（maxFileSize），未做检查。` }, lang),
            },
          ];
    return { file, template: null, isSpec: true, status: null, lang, findings, doc, sections: doc.sections };
  }

  const doc = parseDocument(file, text, cache);
  const fmTemplate = doc.frontMatter.data["template"];
  // ROADMAP.md is a roadmap with or without front matter, as people already write it.
  const templateId = typeof fmTemplate === "string" && fmTemplate.trim() ? fmTemplate.trim() : (settings.template ?? (isRoadmapFileName(file) ? "roadmap" : null));
  const rawStatus = doc.frontMatter.data["status"];
  const status = typeof rawStatus === "string" && (STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as Status) : null;
  const docLang: Lang = doc.lang;
  // Template files describe specs; they are not specs themselves.
  if (doc.frontMatter.data["pm-template"] !== undefined) return { file, template: null, isSpec: false, status, lang: docLang, findings: [], doc, sections: doc.sections };
  // Broken front matter still marks the file as meant to be a spec: report it rather than skip.
  if (!templateId && !doc.frontMatter.error) return { file, template: null, isSpec: false, status, lang: docLang, findings: [], doc, sections: doc.sections };

  const template = templateId ? (env.registry.get(templateId) ?? null) : null;
  const matcher = aliasMatcher(template, settings.aliases);

  // The sections belong to this parse alone, so ids are set in place rather than copied.
  const sections: Section[] = doc.sections;
  for (const s of sections) s.id = matcher.match(s.title);
  const byId = new Map<string, Section[]>();
  for (const s of sections) if (s.id) byId.set(s.id, [...(byId.get(s.id) ?? []), s]);

  const directives = Directives.parse(doc, (key) => findRule(key)?.name ?? null);
  const ctx = makeContext(doc, file, templateId, template, status, docLang, sections, byId, env, directives);
  const messageLang = env.lang ?? settings.lang ?? docLang;
  const findings: Finding[] = [];
  for (const rule of RULES) {
    if (rule.needsTemplate && !template) continue;
    const severity = severityFor(rule, status, settings);
    if (severity === "off") continue;
    const found: Finding[] = [];
    try {
      rule.check(ctx, (r: Report) => {
        if (directives.isDisabled(rule.name, r.range.start.line)) return;
        const f: Finding = { ruleId: rule.id, rule: rule.name, severity: severity as Severity, message: localize(r.message, messageLang), range: clampRange(r.range, doc), section: r.section ?? null };
        if (r.fix && r.fix.length > 0) f.fix = r.fix.map((e) => keepLineBreaks(doc.index, e));
        if (r.related && r.related.length > 0) f.related = r.related.map((x) => ({ range: clampRange(x.range, doc), message: localize(x.message, messageLang) }));
        found.push(f);
      });
    } catch (error) {
      env.onRuleError?.(rule, file, error);
      continue;
    }
    for (const f of found) findings.push(f); // not push(...found): a huge file can have more findings than a call has arguments
  }
  findings.sort((a, b) => comparePositions(a.range.start, b.range.start) || a.ruleId.localeCompare(b.ruleId));
  return { file, template: templateId, isSpec: true, status, lang: docLang, findings, doc, sections };
}

/**
 * Whether an HTML block at the end of a document is still open, so text appended after it
 * would become part of it. Comments, processing instructions, declarations, CDATA and raw
 * <pre>/<script>/<style>/<textarea> run to their end marker; other HTML blocks end at a blank
 * line, which an insertion adds.
 */
function htmlBlockOpen(text: string): boolean {
  const t = text.trimStart();
  const raw = /^<(script|pre|style|textarea)\b/i.exec(t);
  if (raw) return !new RegExp(`</${raw[1]}>`, "i").test(t);
  if (t.startsWith("<!--")) return !t.includes("-->", 4);
  if (t.startsWith("<![CDATA[")) return !t.includes("]]>");
  if (t.startsWith("<?")) return !t.includes("?>");
  if (/^<![A-Za-z]/.test(t)) return !t.includes(">");
  return false;
}

/** Keeps every range inside the document, whatever a rule computed. */
function clampRange(r: Range, doc: ParsedDocument): Range {
  const start = doc.index.clamp(r.start);
  const end = doc.index.clamp(r.end);
  return comparePositions(end, start) < 0 ? { start, end: start } : { start, end };
}

function makeContext(
  doc: ParsedDocument,
  file: string,
  templateId: string | null,
  template: RuleContext["template"],
  status: Status | null,
  docLang: Lang,
  sections: Section[],
  byId: Map<string, Section[]>,
  env: LintEnvironment,
  directives: Directives,
): RuleContext {
  const eol = doc.index.eol;
  const lastLine = doc.lines.length - 1;
  const h1 = sections.find((s) => s.level === 1);
  const anchor: Range = h1
    ? doc.index.trimmedLineRange(h1.heading.line)
    : doc.frontMatter.lines
      ? doc.index.lineRange(0)
      : doc.index.trimmedLineRange(0);
  const identified = sections.filter((s) => s.id !== null);
  // Rules ask for a section's spec once per section; a template may declare thousands.
  const specs = new Map((template?.sections ?? []).map((s) => [s.id, s]));
  const contents = new Map<Section, MdBlock[]>();
  /** Template body lines per section id (null: the template has none), for holdsTemplateText. */
  const templateBodies = new Map<string, string[] | null>();

  let lastContentLine = doc.lines.length - 1;
  while (lastContentLine > 0 && !(doc.lines[lastContentLine] ?? "").trim()) lastContentLine--;
  /** Text inserted at `line` would land inside a code block or raw HTML, where it is not Markdown. */
  const insideCode = (line: number): boolean =>
    doc.md.blocks.some((b) => {
      if (b.kind !== "code" && b.kind !== "html") return false;
      if (line > b.line && line < b.endLine) return true;
      // At the end of the document: only a block left open (no closing line) swallows the insertion.
      if (line >= doc.lines.length && b.endLine > lastContentLine) {
        if (b.kind === "html") return htmlBlockOpen(b.text);
        const last = doc.lines[b.endLine - 1] ?? "";
        return !(b.endLine - 1 > b.line && /^ {0,3}(`{3,}|~{3,})\s*$/.test(last));
      }
      return false;
    });

  const insertAtLine = (line: number, block: string): TextEdit | undefined => {
    if (insideCode(line)) return undefined;
    if (line > lastLine) {
      const lastText = doc.lines[lastLine] ?? "";
      const pos = { line: lastLine, character: lastText.length };
      const lead = lastText.trim() ? eol + eol : lastLine >= 0 && doc.index.length > 0 ? eol : "";
      return { range: { start: pos, end: pos }, newText: lead + block.replace(/(\r?\n)+$/, "") + eol };
    }
    const prev = line > 0 ? (doc.lines[line - 1] ?? "") : "";
    const lead = line > 0 && prev.trim() ? eol : "";
    const pos = { line, character: 0 };
    return { range: { start: pos, end: pos }, newText: lead + block };
  };

  const scaffoldValues = (): { [K in keyof ScaffoldValues]?: string | undefined } => {
    const fm = doc.frontMatter.data;
    const text = (v: unknown) => (typeof v === "string" ? v : undefined);
    return { title: text(fm["title"]), owner: text(fm["owner"]), date: env.today ?? todayUtc() };
  };

  return {
    doc,
    file,
    root: env.root,
    templateId,
    template,
    registry: env.registry,
    status,
    docLang,
    sections,
    byId,
    host: env.host,
    today: env.today ?? todayUtc(),
    anchor,
    redLines: env.config.data.redLines,
    contentOf(section) {
      let blocks = contents.get(section);
      if (!blocks) contents.set(section, (blocks = contentBlocks(doc, section)));
      return blocks;
    },
    sectionIdAt(line) {
      // The innermost identified section holding the line: the last one starting at or before it.
      const after = firstNotBefore(identified.length, (i) => identified[i]!.heading.line <= line);
      for (let k = after - 1; k >= 0; k--) {
        const s = identified[k]!;
        if (line < s.end) return s.id;
      }
      return null;
    },
    spec: (id) => specs.get(id),
    insertSection(id) {
      const text = env.registry.anySectionText(template ?? undefined, id, docLang);
      if (!text) return undefined;
      const order = (template?.sections ?? []).map((s) => s.id);
      const at = order.indexOf(id);
      // After the nearest earlier section of the template that the document has ...
      let line: number | null = null;
      let level = 2;
      for (let i = at - 1; i >= 0 && line === null; i--) {
        const present = byId.get(order[i]!);
        if (present) {
          const s = present[present.length - 1]!;
          line = s.end;
          level = s.level;
        }
      }
      // ... else before the nearest later one, else at the end.
      for (let i = at + 1; line === null && i < order.length && at >= 0; i++) {
        const present = byId.get(order[i]!);
        if (present) {
          line = present[0]!.heading.line;
          level = present[0]!.level;
        }
      }
      if (line === null) {
        line = doc.lines.length;
        const sibling = sections.find((s) => s.id);
        if (sibling) level = sibling.level;
      }
      const filled = fillSectionValues(text.body, scaffoldValues());
      const body = filled ? `${eol}${filled.replace(/\r?\n/g, eol)}${eol}` : "";
      return insertAtLine(line, `${"#".repeat(level)} ${text.heading}${eol}${body}${eol}`);
    },
    isDisabled: (rule, line) => directives.isDisabled(rule, line),
    holdsTemplateText(section) {
      const id = section.id;
      if (!id) return false;
      let body = templateBodies.get(id);
      if (body === undefined) {
        const text = env.registry.anySectionText(template ?? undefined, id, docLang);
        templateBodies.set(id, (body = text?.body ? text.body.split(/\r?\n/).map((l) => l.trim()).filter((l) => l) : null));
      }
      if (!body) return false;
      // Line by line, blank lines aside; stops at the first difference, so a written section costs little.
      let k = 0;
      for (let l = section.heading.endLine; l < section.end; l++) {
        const line = (doc.lines[l] ?? "").trim();
        if (!line) continue;
        if (line !== body[k]) return false;
        k++;
      }
      return k === body.length;
    },
    fillSection(section) {
      const id = section.id;
      const text = id ? env.registry.anySectionText(template ?? undefined, id, docLang) : undefined;
      if (!text?.body) return undefined;
      const body = fillSectionValues(text.body, scaffoldValues()).replace(/\r?\n/g, eol);
      const after = section.heading.endLine;
      if (after > lastLine) {
        const end = { line: lastLine, character: (doc.lines[lastLine] ?? "").length };
        return { range: { start: end, end }, newText: `${eol}${eol}${body}${eol}` };
      }
      if (insideCode(after)) return undefined;
      const pos = { line: after, character: 0 };
      const nextBlank = !(doc.lines[after] ?? "").trim();
      return { range: { start: pos, end: pos }, newText: `${eol}${body}${eol}${nextBlank ? "" : eol}` };
    },
  };
}

export { Config };
