/**
 * Templates are the schema. A template is a Markdown file whose front matter carries a
 * `pm-template` block (id, language, and per section: required, content check, aliases, why);
 * its `##` headings and the text under them are what a fix inserts. The remaining front
 * matter keys become the front matter of a new document.
 *
 * One file per template id declares the schema (`required`, `check`, order); files of the same
 * id in other languages are translations: headings, bodies and `why` text only.
 */
import { basename } from "node:path";
import { parseDocument as parseYaml, isMap, isScalar, Scalar, visit, type Document } from "yaml";
import { parseDocument, type ParsedDocument } from "./document";
import { catalogEntry } from "./catalog";
import { normalizeHeading } from "./normalize";
import { PmError, lineColumnAt } from "./errors";
import { CHECK_NAMES, type CheckName } from "./checks";
import { LANGS, STATUSES, type Lang, type Status } from "./types";

export type TemplateOrigin = "built-in" | "workspace";

export interface SectionSpec {
  id: string;
  required: boolean;
  check: CheckName | null;
  /** Statuses in which the section may be empty (open questions while drafting). */
  emptyAllowedIn: Status[];
  /** Aliases declared by the template (every variant), beyond the catalog's. */
  aliases: string[];
}

export interface SectionText {
  heading: string;
  level: number;
  /** Markdown under the heading, without leading or trailing blank lines. */
  body: string;
  /** What the section must contain and why: shown on hover and in completions. */
  why: string;
}

export interface TemplateVariant {
  lang: Lang;
  file: string;
  name: string;
  description: string;
  sections: Map<string, SectionText>;
  /** The whole template file, used to scaffold a new document. */
  source: string;
}

export type TemplateKind = "spec" | "roadmap";

export interface Template {
  id: string;
  /** A roadmap plans work; the specs it links to carry review gates and red lines. */
  kind: TemplateKind;
  origin: TemplateOrigin;
  /** Sections in the template's order. */
  sections: SectionSpec[];
  variants: Map<Lang, TemplateVariant>;
}

export interface TemplateFile {
  file: string;
  text: string;
}

interface ParsedTemplateFile {
  id: string;
  kind: TemplateKind;
  lang: Lang;
  hasSchema: boolean;
  specs: SectionSpec[];
  variant: TemplateVariant;
}

function fail(file: string, text: string, offset: number, message: string): never {
  const { line, column } = lineColumnAt(text, offset);
  throw new PmError(file, line, column, message);
}

/** Offset in the file of a YAML node inside the front matter (which starts after "---\n"). */
function nodeOffset(doc: Document, path: Array<string | number>, fmOffset: number): number {
  const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
  return fmOffset + (node?.range?.[0] ?? 0);
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const SECTION_KEYS = new Set(["required", "check", "aliases", "why", "emptyAllowedIn"]);

export function parseTemplateFile(file: string, text: string): ParsedTemplateFile {
  const doc: ParsedDocument = parseDocument(file, text.replace(/^\uFEFF/, ""));
  const fm = doc.frontMatter;
  if (fm.error) fail(file, text, doc.index.offsetAt(fm.error.range.start), `${fm.error.message}. A template starts with front matter holding a pm-template block.`);
  if (!fm.lines) fail(file, text, 0, "a template must start with front matter (---) holding a pm-template block with its id and lang");
  const fmOffset = doc.index.starts[1] ?? 0;
  // The YAML document with node positions, for error offsets only: parsed when a check fails.
  let yaml: Document | undefined;
  const fmLines = fm.lines;
  const meta = fm.data["pm-template"];
  if (!meta || typeof meta !== "object" || Array.isArray(meta)) fail(file, text, 0, "front matter has no pm-template mapping (pm-template: {id: ..., lang: ...})");
  const m = meta as Record<string, unknown>;
  const at = (...path: Array<string | number>) => nodeOffset((yaml ??= parseYaml(doc.lines.slice(1, fmLines[1] - 1).join("\n"))), ["pm-template", ...path], fmOffset);

  const id = m["id"];
  if (typeof id !== "string" || !ID_PATTERN.test(id)) fail(file, text, at("id"), "pm-template.id must be a lower-case id such as ai-feature-prd");
  const lang = m["lang"] ?? "en";
  if (typeof lang !== "string" || !(LANGS as readonly string[]).includes(lang)) fail(file, text, at("lang"), `pm-template.lang must be one of ${LANGS.join(", ")}`);
  const kind = m["kind"] ?? "spec";
  if (kind !== "spec" && kind !== "roadmap") fail(file, text, at("kind"), 'pm-template.kind must be "spec" or "roadmap"');
  const name = typeof m["name"] === "string" ? m["name"] : id;
  const description = typeof m["description"] === "string" ? m["description"] : "";

  const rawSections = m["sections"] ?? {};
  if (typeof rawSections !== "object" || Array.isArray(rawSections) || rawSections === null) fail(file, text, at("sections"), "pm-template.sections must map section ids to their settings");
  const sectionMeta = rawSections as Record<string, unknown>;
  let hasSchema = false;
  const specById = new Map<string, SectionSpec>();
  const whyById = new Map<string, string>();
  for (const [sid, value] of Object.entries(sectionMeta)) {
    if (!ID_PATTERN.test(sid)) fail(file, text, at("sections", sid), `section id "${sid}" must be lower-case letters, digits and dashes`);
    const v = (value ?? {}) as Record<string, unknown>;
    if (typeof v !== "object" || Array.isArray(v)) fail(file, text, at("sections", sid), `section "${sid}" must be a mapping (required, check, aliases, why, emptyAllowedIn)`);
    for (const key of Object.keys(v)) {
      if (!SECTION_KEYS.has(key)) fail(file, text, at("sections", sid, key), `unknown key "${key}" in section "${sid}"; allowed: ${[...SECTION_KEYS].join(", ")}`);
    }
    if (v["required"] !== undefined && typeof v["required"] !== "boolean") fail(file, text, at("sections", sid, "required"), `sections.${sid}.required must be true or false`);
    if (v["check"] !== undefined && v["check"] !== null && !(CHECK_NAMES as readonly string[]).includes(String(v["check"]))) {
      fail(file, text, at("sections", sid, "check"), `sections.${sid}.check "${String(v["check"])}" is not a known check; use one of ${CHECK_NAMES.join(", ")}`);
    }
    const aliases = v["aliases"] ?? [];
    if (!Array.isArray(aliases) || aliases.some((a) => typeof a !== "string")) fail(file, text, at("sections", sid, "aliases"), `sections.${sid}.aliases must be a list of headings`);
    const emptyIn = v["emptyAllowedIn"] ?? [];
    if (!Array.isArray(emptyIn) || emptyIn.some((s) => !(STATUSES as readonly string[]).includes(String(s)))) {
      fail(file, text, at("sections", sid, "emptyAllowedIn"), `sections.${sid}.emptyAllowedIn must list statuses from ${STATUSES.join(", ")}`);
    }
    if (v["required"] !== undefined || v["check"] !== undefined || v["emptyAllowedIn"] !== undefined) hasSchema = true;
    if (!catalogEntry(sid) && (aliases as string[]).length === 0) fail(file, text, at("sections", sid), `section "${sid}" is not in the catalog, so it needs aliases: the headings it is known by`);
    specById.set(sid, {
      id: sid,
      required: v["required"] === true,
      check: (v["check"] as CheckName | undefined) ?? null,
      emptyAllowedIn: emptyIn as Status[],
      aliases: aliases as string[],
    });
    if (typeof v["why"] === "string") whyById.set(sid, v["why"]);
  }

  // Match the body's `##` headings to the declared ids.
  const matcher = new AliasMatcher();
  for (const spec of specById.values()) matcher.add(spec.id, spec.aliases);
  const specs: SectionSpec[] = [];
  const texts = new Map<string, SectionText>();
  const level2 = doc.sections.filter((s) => s.level === 2);
  for (const s of level2) {
    const sid = matcher.match(s.title, [...specById.keys()]);
    if (!sid) {
      fail(file, text, doc.index.starts[s.heading.line] ?? 0, `heading "## ${s.title}" matches no section declared in pm-template.sections; declare its id there (with aliases if it is not in the catalog)`);
    }
    if (texts.has(sid)) fail(file, text, doc.index.starts[s.heading.line] ?? 0, `section "${sid}" appears twice in the template`);
    const bodyLines = doc.lines.slice(s.heading.endLine, s.end);
    while (bodyLines.length && !bodyLines[0]!.trim()) bodyLines.shift();
    while (bodyLines.length && !bodyLines[bodyLines.length - 1]!.trim()) bodyLines.pop();
    texts.set(sid, { heading: s.title, level: s.level, body: bodyLines.join("\n"), why: whyById.get(sid) ?? "" });
    specs.push(specById.get(sid)!);
  }
  for (const sid of specById.keys()) {
    if (!texts.has(sid)) fail(file, text, at("sections", sid), `section "${sid}" is declared but the template has no "## " heading for it`);
  }
  return { id, kind, lang: lang as Lang, hasSchema, specs, variant: { lang: lang as Lang, file, name, description, sections: texts, source: text } };
}

/** The template whose sections cover the whole catalog: the source of text for sections another template lacks. */
const FALLBACK_TEMPLATE = "ai-feature-prd";

const BILINGUAL_SEPARATOR = /\s[/|｜／]\s|｜|／/;

/** Heading -> section id, through the catalog's names, the template's and the config's aliases. */
export class AliasMatcher {
  private readonly byAlias = new Map<string, string>();

  add(id: string, extra: readonly string[] = []): void {
    const entry = catalogEntry(id);
    const names = entry ? [entry.id, entry.en, entry.zh, ...entry.aliases, ...extra] : [id, ...extra];
    for (const n of names) {
      const key = normalizeHeading(n);
      if (key && !this.byAlias.has(key)) this.byAlias.set(key, id);
    }
  }

  /** The id a heading stands for, or null. `allowed` limits the answer to a template's ids. */
  match(heading: string, allowed?: readonly string[]): string | null {
    let id = this.byAlias.get(normalizeHeading(heading)) ?? null;
    // Bilingual headings: "Failure criteria / 失败标准", "成功指标 | Success metrics".
    if (!id && BILINGUAL_SEPARATOR.test(heading)) {
      for (const part of heading.split(BILINGUAL_SEPARATOR)) {
        id = this.byAlias.get(normalizeHeading(part)) ?? null;
        if (id) break;
      }
    }
    if (id && allowed && !allowed.includes(id)) return null;
    return id;
  }
}

export class TemplateRegistry {
  private constructor(
    private readonly byId: Map<string, Template>,
    /** Built-in template files not parsed yet, by id: parsing all of them costs start-up time. */
    private readonly unparsed: Map<string, TemplateFile[]>,
  ) {}

  /**
   * Builds the registry. Workspace templates replace built-in ones of the same id and are
   * parsed now: a file that fails is reported in `errors` and skipped, the rest still load.
   * Built-in templates (whose file name is their id) are parsed when first used.
   */
  static build(builtIn: readonly TemplateFile[], workspace: readonly TemplateFile[] = []): { registry: TemplateRegistry; errors: PmError[] } {
    const errors: PmError[] = [];
    const byId = assemble(workspace, "workspace", errors);
    const unparsed = new Map<string, TemplateFile[]>();
    for (const f of builtIn) {
      const id = basename(f.file).replace(/\.md$/, "");
      if (byId.has(id)) continue;
      unparsed.set(id, [...(unparsed.get(id) ?? []), f]);
    }
    return { registry: new TemplateRegistry(byId, unparsed), errors };
  }

  get(id: string): Template | undefined {
    const files = this.unparsed.get(id);
    if (files) {
      this.unparsed.delete(id);
      const errors: PmError[] = [];
      const parsed = assemble(files, "built-in", errors).get(id);
      // Built-in templates ship with the product and are tested: a problem here is a bug.
      if (errors.length > 0 || !parsed) throw new Error(`built-in template "${id}" is broken: ${errors.map((e) => e.message).join("; ") || "its id differs from its file name"}`);
      this.byId.set(id, parsed);
    }
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...new Set([...this.byId.keys(), ...this.unparsed.keys()])].sort();
  }

  all(): Template[] {
    return this.ids().map((id) => this.get(id)!);
  }

  /** Section text in the wanted language, falling back to any variant of the template. */
  sectionText(template: Template, sectionId: string, lang: Lang): SectionText | undefined {
    return template.variants.get(lang)?.sections.get(sectionId) ?? [...template.variants.values()].map((v) => v.sections.get(sectionId)).find((s) => s !== undefined);
  }

  /**
   * Section text from the given template or, failing that, from the template that covers the
   * whole catalog, then any template that has the section.
   */
  anySectionText(preferred: Template | undefined, sectionId: string, lang: Lang): SectionText | undefined {
    // In this order, and the others only when these two lack it: parsing every template costs start-up time.
    for (const t of [preferred, this.get(FALLBACK_TEMPLATE)]) {
      const s = t && this.sectionText(t, sectionId, lang);
      if (s) return s;
    }
    for (const t of this.all()) {
      const s = this.sectionText(t, sectionId, lang);
      if (s) return s;
    }
    return undefined;
  }
}

/** Parses template files and joins each id's language variants into one template. */
function assemble(files: readonly TemplateFile[], origin: TemplateOrigin, errors: PmError[]): Map<string, Template> {
  const byId = new Map<string, Template>();
  const groups = new Map<string, ParsedTemplateFile[]>();
  for (const f of files) {
    try {
      const parsed = parseTemplateFile(f.file, f.text);
      groups.set(parsed.id, [...(groups.get(parsed.id) ?? []), parsed]);
    } catch (e) {
      errors.push(e instanceof PmError ? e : new PmError(f.file, 1, 1, `could not read template: ${(e as Error).message}`));
    }
  }
  for (const [id, group] of groups) {
    const schemas = group.filter((g) => g.hasSchema);
    if (schemas.length > 1) {
      errors.push(new PmError(schemas[1]!.variant.file, 1, 1, `template "${id}" already declares required/check in ${schemas[0]!.variant.file}; a translation may only give headings, bodies and why`));
    }
    const primary = schemas[0] ?? group[0]!;
    const variants = new Map<Lang, TemplateVariant>();
    for (const g of group) {
      if (variants.has(g.lang)) {
        errors.push(new PmError(g.variant.file, 1, 1, `template "${id}" has two ${g.lang} files (also ${variants.get(g.lang)!.file})`));
        continue;
      }
      const missing = primary.specs.filter((s) => !g.variant.sections.has(s.id)).map((s) => s.id);
      if (g !== primary && missing.length > 0) {
        errors.push(new PmError(g.variant.file, 1, 1, `translation of "${id}" lacks sections ${missing.join(", ")}; fixes in ${g.lang} will use ${primary.lang} text for them`));
      }
      variants.set(g.lang, g.variant);
    }
    // Aliases declared by any variant apply to all, so a heading in either language matches.
    const aliases = new Map<string, string[]>();
    for (const g of group) for (const s of g.specs) aliases.set(s.id, [...(aliases.get(s.id) ?? []), ...s.aliases]);
    const sections = primary.specs.map((s) => ({ ...s, aliases: aliases.get(s.id) ?? [] }));
    byId.set(id, { id, kind: primary.kind, origin, sections, variants });
  }
  return byId;
}

/** Values substituted into a template when scaffolding. Only these names exist: no expressions. */
export interface ScaffoldValues {
  title: string;
  owner: string;
  date: string;
}

const PLACEHOLDER = /\{\{\s*(title|owner|date)\s*\}\}/g;

/**
 * A section body as a fix inserts it into an existing document: the values a new document gets
 * from `pmw new` come from its front matter and today's date; an unknown one stays to be filled.
 */
export function fillSectionValues(body: string, values: { [K in keyof ScaffoldValues]?: string | undefined }): string {
  return body.replace(PLACEHOLDER, (_m, k: keyof ScaffoldValues) => values[k]?.trim() || "TBD");
}

/** Renders a template variant as a new document: front matter without pm-template, values filled in. */
export function renderTemplate(variant: TemplateVariant, values: ScaffoldValues): string {
  const text = variant.source.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const close = text.indexOf("\n---", 4);
  const fmText = text.slice(4, close + 1);
  const body = text.slice(text.indexOf("\n", close + 1) + 1);
  const yaml = parseYaml(fmText);
  yaml.delete("pm-template");
  visit(yaml, {
    Scalar(_key, node: Scalar) {
      if (typeof node.value === "string") node.value = node.value.replace(PLACEHOLDER, (_m, k: keyof ScaffoldValues) => values[k]);
    },
  });
  if (isMap(yaml.contents)) {
    for (const pair of yaml.contents.items) if (isScalar(pair.value) && typeof pair.value.value === "string" && pair.value.value === "") pair.value.type = Scalar.QUOTE_DOUBLE;
  }
  const fm = yaml.toString({ lineWidth: 0 });
  return `---\n${fm}---\n${body.replace(PLACEHOLDER, (_m, k: keyof ScaffoldValues) => values[k])}`;
}
