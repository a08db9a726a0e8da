/**
 * The MCP server: tools, resources and a prompt over the same engine as `pmw lint`, `pmw new`
 * and the language server, so an agent sees exactly what the editor and CI see.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError, type CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { localize } from "../core/i18n";
import { RULES, findRule } from "../core/rules";
import { CONFIDENCE_LEVELS, ITEM_STATUSES, PHASE_HEALTHS } from "../core/roadmap";
import type { Rule } from "../core/rule";
import { specCompleteness } from "../core/specStatus";
import { LANGS, type Finding, type Lang, type Severity } from "../core/types";
import type { Template } from "../core/templates";
import { scaffold, ScaffoldError } from "../node/scaffold";
import { UnsafeWriteError } from "../node/files";
import { ruleDocsUrl } from "../node/workspace";
import { toJson } from "../cli/format";
import { Engine, sha256, ToolError, type LintedFile } from "./engine";
import { OutsideRootError } from "./roots";

declare const PMW_VERSION: string;

export interface PmServerOptions {
  engine: Engine;
  allowWrites: boolean;
}

const lang = z.enum(LANGS);
const severity = z.enum(["error", "warning", "info", "hint"]);
const counts = z.object({ error: z.number().int(), warning: z.number().int(), info: z.number().int(), hint: z.number().int() });

const fixEdit = z.object({ line: z.number().int(), column: z.number().int(), endLine: z.number().int(), endColumn: z.number().int(), newText: z.string() });
const finding = z.object({
  ruleId: z.string(),
  rule: z.string(),
  severity,
  message: z.string(),
  line: z.number().int(),
  column: z.number().int(),
  endLine: z.number().int(),
  endColumn: z.number().int(),
  section: z.string().nullable(),
  fixable: z.boolean(),
  related: z
    .array(z.object({ line: z.number().int(), column: z.number().int(), endLine: z.number().int(), endColumn: z.number().int(), message: z.string() }))
    .optional()
    .describe("Other places of the same problem (e.g. every placeholder of one section)"),
  fix: z.array(fixEdit).optional().describe("The edits of the fix (1-based lines and columns), applied by apply_fixes"),
});

const lintShape = {
  file: z.string().describe("Path relative to the workspace root, as in `pmw lint --format json`"),
  template: z.string().nullable(),
  isSpec: z.boolean().describe("False for Markdown that names no template: not linted, no findings"),
  status: z.string().nullable(),
  lang,
  findings: z.array(finding),
  counts,
  sha256: z.string().nullable().describe("Hash of the file's content as read; pass it to apply_fixes. Null when text was linted"),
};

const specSummary = z.object({ file: z.string(), template: z.string().nullable(), status: z.string().nullable(), counts, fixable: z.number().int() });

const templateSummary = z.object({
  id: z.string(),
  kind: z.enum(["spec", "roadmap"]),
  origin: z.enum(["built-in", "workspace"]),
  name: z.string(),
  description: z.string(),
  langs: z.array(lang),
  requiredSections: z.number().int(),
  uri: z.string(),
});

const sectionInfo = z.object({
  id: z.string(),
  required: z.boolean(),
  heading: z.string(),
  level: z.number().int(),
  mustContain: z.string().describe("What the section must contain and why"),
  check: z.string().nullable().describe("The content check the section must pass, if any"),
  emptyAllowedIn: z.array(z.string()).describe("Statuses in which the section may still be empty"),
  body: z.string().describe("The template's starting text for the section"),
});

const READ_ONLY = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;

function total(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}

/** The `pmw lint --format json` entry for a file, with each fixable finding's edits. */
function lintReport(l: LintedFile) {
  const [json] = toJson([{ file: l.file, template: l.result.template, findings: l.result.findings }], l.root);
  const findings = json!.findings.map((f, i) => {
    const edits = l.result.findings[i]!.fix;
    return edits?.length ? { ...f, fix: edits.map((e) => ({ line: e.range.start.line + 1, column: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1, newText: e.newText })) } : f;
  });
  return {
    file: json!.file,
    template: l.result.template,
    isSpec: l.result.isSpec,
    status: l.result.status,
    lang: l.result.lang,
    findings,
    counts: total(l.result.findings),
    sha256: l.raw === null ? null : sha256(l.raw),
  };
}

function result<T extends Record<string, unknown>>(structured: T, summary: string): CallToolResult {
  return { structuredContent: structured, content: [{ type: "text", text: `${summary}\n${JSON.stringify(structured)}` }] };
}

/** Known failures become MCP errors that say what to do; anything else is logged and reported. */
async function guarded(tool: string, log: (s: string) => void, run: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof McpError) throw e;
    if (e instanceof ToolError || e instanceof OutsideRootError || e instanceof ScaffoldError || e instanceof UnsafeWriteError) throw new McpError(ErrorCode.InvalidParams, e.message);
    log(`pmw mcp: ${tool} failed: ${(e as Error).stack ?? String(e)}`);
    throw new McpError(ErrorCode.InternalError, `${tool} failed: ${(e as Error).message}`);
  }
}

function variantOf(t: Template, wanted: Lang | undefined) {
  return (wanted && t.variants.get(wanted)) || t.variants.get("en") || [...t.variants.values()][0]!;
}

function summarizeTemplate(t: Template, wanted: Lang | undefined) {
  const v = variantOf(t, wanted);
  return { id: t.id, kind: t.kind, origin: t.origin, name: v.name, description: v.description, langs: [...t.variants.keys()], requiredSections: t.sections.filter((s) => s.required).length, uri: `pm://templates/${t.id}` };
}

/** The rule's shipped docs page; a rule without one gets its id, name and description, marked as such. */
function ruleDocs(r: Rule): { docs: string; hasDocsPage: boolean } {
  const file = fileURLToPath(ruleDocsUrl(r.name));
  try {
    return { docs: readFileSync(file, "utf8"), hasDocsPage: true };
  } catch {
    return { docs: `# ${r.id} ${r.name}\n\n${localize(r.description, "en")}\n\n(No docs page is shipped for this rule: ${file} is missing.)\n`, hasDocsPage: false };
  }
}

export function createPmServer({ engine, allowWrites }: PmServerOptions, log: (s: string) => void): McpServer {
  const server = new McpServer(
    { name: "pm-workbench", title: "PM Workbench", version: PMW_VERSION },
    {
      instructions:
        "Lints, scaffolds and fixes product specs (PRDs, agent specs, roadmaps) in Markdown with the same engine as `pmw lint` and the editor. Paths are relative to the workspace root. Draft a spec, then call lint_spec until it reports no errors or warnings.",
    },
  );
  const registry = async () => {
    const roots = await engine.currentRoots();
    const { ws } = engine.workspace(roots.primary, roots);
    return ws.registry;
  };
  const writesOff = (tool: string) => new McpError(ErrorCode.InvalidRequest, `${tool} writes files and this server is read-only; restart it as \`pmw mcp --allow-writes\` to allow it`);

  server.registerTool(
    "lint_spec",
    {
      title: "Lint a spec",
      description: "Lints one spec: a file in the workspace, or `text` (unsaved content) linted as if it were `path`. Returns the same findings as `pmw lint --format json`, with the edits of each fixable finding and the file's sha256 for apply_fixes.",
      inputSchema: { path: z.string().min(1).describe("Spec path, relative to the workspace root"), text: z.string().optional().describe("Content to lint instead of the file's; `path` gives the context (template globs, links)") },
      outputSchema: lintShape,
      annotations: READ_ONLY,
    },
    ({ path, text }) =>
      guarded("lint_spec", log, async () => {
        const report = lintReport(await engine.lint(path, text));
        const c = report.counts;
        return result(report, report.isSpec ? `${report.file}: ${c.error} errors, ${c.warning} warnings, ${c.info} info, ${c.hint} hints` : `${report.file}: not a spec (no template in front matter or config); not linted`);
      }),
  );

  server.registerTool(
    "lint_workspace",
    {
      title: "Lint every spec in the workspace",
      description: "Lints every spec under the workspace root (honouring .gitignore and config ignores) and returns one summary per spec (template, status, counts), worst first.",
      inputSchema: {},
      outputSchema: { specs: z.array(specSummary), skipped: z.number().int().describe("Markdown files that are not specs"), errors: z.array(z.string()).describe("Config or read problems; specs under a broken config are not linted"), totals: counts },
      annotations: READ_ONLY,
    },
    () =>
      guarded("lint_workspace", log, async () => {
        const { linted, skipped, errors } = await engine.lintAll();
        const specs = linted.map((l) => ({ file: lintReport(l).file, template: l.result.template, status: l.result.status, counts: total(l.result.findings), fixable: l.result.findings.filter((f) => f.fix?.length).length }));
        const rank = (s: (typeof specs)[number]) => [s.counts.error, s.counts.warning, s.counts.info, s.counts.hint];
        specs.sort((a, b) => {
          const ra = rank(a);
          const rb = rank(b);
          for (let i = 0; i < ra.length; i++) if (ra[i] !== rb[i]) return rb[i]! - ra[i]!;
          return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
        });
        const totals = { error: 0, warning: 0, info: 0, hint: 0 };
        for (const s of specs) for (const k of Object.keys(totals) as Severity[]) totals[k] += s.counts[k];
        return result({ specs, skipped, errors, totals }, `${specs.length} specs: ${totals.error} errors, ${totals.warning} warnings`);
      }),
  );

  server.registerTool(
    "spec_status",
    {
      title: "How complete a spec is",
      description: "Which required sections of its template a spec has, which are missing or weak, and a 0-100 completeness score (what the editor's status view shows).",
      inputSchema: { path: z.string().min(1).describe("Spec path, relative to the workspace root"), text: z.string().optional().describe("Content to judge instead of the file's") },
      outputSchema: {
        file: z.string(),
        isSpec: z.boolean(),
        template: z.string().nullable(),
        templateKnown: z.boolean(),
        status: z.string().nullable(),
        lang,
        required: z.array(z.object({ id: z.string(), heading: z.string(), present: z.boolean(), weak: z.boolean() })),
        present: z.array(z.string()),
        missing: z.array(z.string()),
        completeness: z.number(),
        counts,
        sha256: z.string().nullable(),
      },
      annotations: READ_ONLY,
    },
    ({ path, text }) =>
      guarded("spec_status", log, async () => {
        const l = await engine.lint(path, text);
        const s = specCompleteness(l.result, l.ws.registry);
        const out = { file: lintReport(l).file, ...s, sha256: l.raw === null ? null : sha256(l.raw) };
        return result(out, `${out.file}: ${s.completeness}% complete${s.missing.length ? `, missing ${s.missing.join(", ")}` : ""}`);
      }),
  );

  server.registerTool(
    "list_templates",
    {
      title: "List templates",
      description: "The spec templates of the workspace (built-in and .pm/templates), with their languages and number of required sections.",
      inputSchema: { lang: lang.optional().describe("Language of names and descriptions (default en)") },
      outputSchema: { templates: z.array(templateSummary) },
      annotations: READ_ONLY,
    },
    ({ lang: wanted }) =>
      guarded("list_templates", log, async () => {
        const templates = (await registry()).all().map((t) => summarizeTemplate(t, wanted));
        return result({ templates }, templates.map((t) => t.id).join(", "));
      }),
  );

  server.registerTool(
    "get_template",
    {
      title: "Get a template",
      description: "A template's sections in order: heading, whether it is required, what it must contain, its content check and starting text, in the chosen language.",
      inputSchema: { id: z.string().min(1).describe("Template id, from list_templates"), lang: lang.optional().describe("Language (default en, or the template's only one)") },
      outputSchema: { ...templateSummary.shape, lang, sections: z.array(sectionInfo), source: z.string().describe("The whole template file, as `pmw new` scaffolds it") },
      annotations: READ_ONLY,
    },
    ({ id, lang: wanted }) =>
      guarded("get_template", log, async () => {
        const reg = await registry();
        const t = reg.get(id);
        if (!t) throw new ToolError(`unknown template "${id}"; call list_templates for the ids (${reg.ids().join(", ")})`);
        const v = variantOf(t, wanted);
        const sections = t.sections.map((s) => {
          const text = reg.sectionText(t, s.id, v.lang);
          return { id: s.id, required: s.required, heading: text?.heading ?? s.id, level: text?.level ?? 2, mustContain: text?.why ?? "", check: s.check, emptyAllowedIn: [...s.emptyAllowedIn], body: text?.body ?? "" };
        });
        return result({ ...summarizeTemplate(t, v.lang), lang: v.lang, sections, source: v.source }, `${t.id} (${v.lang}): ${sections.length} sections`);
      }),
  );

  server.registerTool(
    "explain_rule",
    {
      title: "Explain a rule",
      description: "A lint rule's documentation page: what it checks, why it matters, its severity per status and how to fix its findings.",
      inputSchema: { rule: z.string().min(1).describe("Rule name (placeholder) or id (PM004)"), lang: lang.optional().describe("Language of the one-line description") },
      outputSchema: { id: z.string(), name: z.string(), description: z.string(), tags: z.array(z.string()), fixable: z.boolean(), docs: z.string(), hasDocsPage: z.boolean(), uri: z.string() },
      annotations: READ_ONLY,
    },
    ({ rule, lang: wanted }) =>
      guarded("explain_rule", log, async () => {
        const r = findRule(rule);
        if (!r) throw new ToolError(`unknown rule "${rule}"; rules are ${RULES.map((x) => `${x.name} (${x.id})`).join(", ")}`);
        const { docs, hasDocsPage } = ruleDocs(r);
        return { structuredContent: { id: r.id, name: r.name, description: localize(r.description, wanted ?? "en"), tags: [...r.tags], fixable: r.fixable, docs, hasDocsPage, uri: `pm://rules/${r.name}` }, content: [{ type: "text", text: docs }] };
      }),
  );

  const roadmapItem = z.object({
    title: z.string(),
    line: z.number().int(),
    status: z.enum(ITEM_STATUSES),
    owners: z.array(z.string()),
    due: z.string().nullable(),
    tags: z.array(z.string()),
    note: z.string().nullable(),
    overdue: z.boolean(),
    groups: z.array(z.string()),
    spec: z.object({ path: z.string(), exists: z.boolean(), template: z.string().nullable(), status: z.string().nullable(), errors: z.number().int(), warnings: z.number().int() }).nullable(),
    kpi: z.object({ ref: z.string(), text: z.string().nullable(), line: z.number().int().nullable() }).nullable(),
    confidence: z.object({ level: z.enum(CONFIDENCE_LEVELS), percent: z.number().nullable() }).nullable(),
    after: z.array(z.object({ ref: z.string(), title: z.string().nullable(), line: z.number().int().nullable() })),
    size: z.object({ text: z.string(), tshirt: z.string().nullable(), weeks: z.number().nullable() }).nullable(),
    must: z.boolean(),
  });
  const roadmapPhase = z.object({
    title: z.string(),
    line: z.number().int(),
    start: z.string().nullable(),
    end: z.string().nullable(),
    kpis: z.array(z.object({ text: z.string(), target: z.string().nullable(), current: z.string().nullable(), baseline: z.string().nullable(), window: z.string().nullable(), asOf: z.string().nullable(), line: z.number().int() })),
    progress: z.object({ done: z.number().int(), total: z.number().int() }),
    items: z.array(roadmapItem),
    capacity: z.object({ text: z.string(), weeks: z.number().nullable() }).nullable(),
    health: z.enum(PHASE_HEALTHS).nullable(),
  });
  server.registerTool(
    "roadmap",
    {
      title: "Roadmap model",
      description: "Phases, items (status, owners, due dates, overdue), KPIs and progress of a roadmap, with the lint health of the spec each item links and the specs no item links: `pmw roadmap --format json`. Without a path, every roadmap in the workspace.",
      inputSchema: { path: z.string().min(1).optional().describe("Roadmap path relative to the workspace root (default: every ROADMAP.md or roadmap-template file)") },
      outputSchema: { roadmaps: z.array(z.object({ file: z.string(), title: z.string(), phases: z.array(roadmapPhase), orphans: z.array(z.string()) })) },
      annotations: READ_ONLY,
    },
    ({ path }) =>
      guarded("roadmap", log, async () => {
        const roadmaps = await engine.roadmaps(path);
        return result({ roadmaps }, roadmaps.length === 0 ? "no roadmap found (a ROADMAP.md, or a file with template: roadmap)" : roadmaps.map((r) => `${r.file}: ${r.phases.length} phases`).join("; "));
      }),
  );

  server.registerTool(
    "new_spec",
    {
      title: "Create a spec from a template",
      description: "Creates a new spec from a template, as `pmw new` does; never overwrites (a taken name gets -2, -3 ...). Needs the server started with --allow-writes.",
      inputSchema: {
        template: z.string().min(1).describe("Template id, from list_templates"),
        title: z.string().min(1),
        owner: z.string().optional(),
        lang: lang.optional().describe("Language (default: the workspace config's, else en)"),
        dir: z.string().optional().describe("Folder to create it in, relative to the workspace root (default: the root)"),
      },
      outputSchema: lintShape,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
    },
    (args) =>
      guarded("new_spec", log, async () => {
        if (!allowWrites) throw writesOff("new_spec");
        const roots = await engine.currentRoots();
        const { abs: outDir, root } = roots.resolve(args.dir ?? ".");
        const { ws } = engine.workspace(root, roots);
        if (ws.configError) throw new ToolError(`${ws.configError.message}; fix the config, then call again`);
        const { file } = scaffold(ws.registry, { templateId: args.template, title: args.title, ...(args.owner !== undefined ? { owner: args.owner } : {}), lang: args.lang ?? ws.config.data.lang ?? "en", outDir });
        const report = lintReport(await engine.lint(file));
        return result(report, `created ${report.file}: ${report.counts.error} errors, ${report.counts.warning} warnings to address`);
      }),
  );

  server.registerTool(
    "apply_fixes",
    {
      title: "Apply a spec's fixes",
      description: "Applies every fix to a spec file, the same edits as `pmw lint --fix`, and returns what is left. Refuses when the file changed since the read that gave `sha256` (from lint_spec). Needs the server started with --allow-writes.",
      inputSchema: { path: z.string().min(1).describe("Spec path, relative to the workspace root"), sha256: z.string().regex(/^[0-9a-fA-F]{64}$/, "a 64-digit hex sha256 from lint_spec").describe("The file's sha256 from lint_spec") },
      outputSchema: { ...lintShape, changed: z.boolean(), fixed: z.number().int().describe("Findings that are gone") },
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
    },
    ({ path, sha256: expected }) =>
      guarded("apply_fixes", log, async () => {
        if (!allowWrites) throw writesOff("apply_fixes");
        const { before, after, changed } = await engine.applyFixes(path, expected);
        const report = lintReport(after);
        const fixed = Math.max(0, before.result.findings.length - after.result.findings.length);
        return result({ ...report, changed, fixed }, changed ? `${report.file}: fixed ${fixed} findings; ${after.result.findings.length} left` : `${report.file}: nothing to fix`);
      }),
  );

  server.registerResource(
    "template",
    new ResourceTemplate("pm://templates/{id}", {
      list: async () => ({ resources: (await registry()).all().map((t) => ({ uri: `pm://templates/${t.id}`, name: t.id, title: variantOf(t, undefined).name, description: variantOf(t, undefined).description, mimeType: "text/markdown" })) }),
    }),
    { title: "Spec template", description: "A spec template's source, one entry per language", mimeType: "text/markdown" },
    async (uri, { id }) => {
      const reg = await registry();
      const t = reg.get(String(id));
      if (!t) throw new McpError(ErrorCode.InvalidParams, `unknown template "${String(id)}"; list resources for the ids (${reg.ids().join(", ")})`);
      return { contents: [...t.variants.values()].map((v) => ({ uri: uri.href, mimeType: "text/markdown", text: v.source, _meta: { lang: v.lang } })) };
    },
  );

  server.registerResource(
    "rule",
    new ResourceTemplate("pm://rules/{name}", { list: async () => ({ resources: RULES.map((r) => ({ uri: `pm://rules/${r.name}`, name: r.name, title: `${r.id} ${r.name}`, description: localize(r.description, "en"), mimeType: "text/markdown" })) }) }),
    { title: "Lint rule docs", description: "A lint rule's documentation page", mimeType: "text/markdown" },
    async (uri, { name }) => {
      const r = findRule(String(name));
      if (!r) throw new McpError(ErrorCode.InvalidParams, `unknown rule "${String(name)}"; rules are ${RULES.map((x) => x.name).join(", ")}`);
      return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: ruleDocs(r).docs }] };
    },
  );

  server.registerPrompt(
    "draft_spec",
    {
      title: "Draft a spec from a template",
      description: "Draft a new spec from a template and lint it until clean",
      argsSchema: { template: z.string().describe("Template id, e.g. ai-feature-prd"), title: z.string().describe("Title of the spec"), lang: z.string().optional().describe("en or zh-CN") },
    },
    ({ template, title, lang: wanted }) => ({
      messages: [
        {
          role: "user",
          content: {
            type: "text",
            text: [
              `Draft a spec titled "${title}" from the PM Workbench template "${template}"${wanted ? ` in ${wanted}` : ""}.`,
              `1. Call get_template with id "${template}"${wanted ? ` and lang "${wanted}"` : ""} and read what each section must contain.`,
              allowWrites
                ? `2. Call new_spec with template "${template}" and title "${title}" to create the file (it never overwrites), then write the content into it.`
                : `2. Write the spec as a Markdown file in the workspace, starting from the template's source (its front matter names the template).`,
              "3. Fill every required section with real content: no TBD, TODO or vague words; measurable success criteria; explicit red lines and review gates.",
              "4. Call lint_spec on the file. Fix each finding (explain_rule tells why a rule fires; apply_fixes applies the mechanical ones, passing the sha256 from lint_spec).",
              "5. Repeat step 4 until lint_spec reports no errors and no warnings. Do not stop earlier, and do not silence rules.",
              "6. Finish by calling spec_status and report its completeness and anything you could not decide.",
            ].join("\n"),
          },
        },
      ],
    }),
  );

  return server;
}

