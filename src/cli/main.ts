/** `pmw`: lint specs in CI, scaffold new ones, list templates and rules. */
import { readFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { lintText, relativePath, type LintEnvironment } from "../core/lint";
import { fixAll } from "../core/fix";
import { PmError } from "../core/errors";
import { localize } from "../core/i18n";
import { RULES } from "../core/rules";
import { restoreBom, stripBom } from "../core/text";
import { LANGS, type Finding, type Lang } from "../core/types";
import { nodeHost } from "../node/fsHost";
import { expandOperands, replaceFileAtomic } from "../node/files";
import { findWorkspaceRoot, loadWorkspace, type Workspace } from "../node/workspace";
import { scaffold } from "../node/scaffold";
import { formatStylish, toJson, toSarif, type FileReport } from "./format";
import { roadmapCommand } from "./roadmap";
import { isRealDate } from "../core/roadmap";

declare const PMW_VERSION: string;

const USAGE = `Usage: pmw <command> [options]

Commands:
  lint [paths|globs...]    Lint specs (default: the current folder, honouring .gitignore)
      --format stylish|json|sarif   Output format (default: stylish)
      --fix                         Apply fixes to the files, then report what is left
      --strict                      Warnings fail the run too
      --max-warnings N              Fail when there are more than N warnings
      --lang en|zh-CN               Language of messages (default: each document's)
      --config FILE                 Config file (default: .pm/config.jsonc at the workspace root)
  new TEMPLATE --title "..." [--owner NAME] [--lang en|zh-CN] [--out DIR]
                           Create a spec from a template (never overwrites)
  roadmap [FILE...]        Phases, items, progress and spec health of roadmaps
                           (default: every roadmap under the current folder)
      --format text|json|html|svg   Output format (default: text); html is a self-contained
                                    page of the timeline, svg an image of it
      --lang en|zh-CN               Labels of html and svg (default: the roadmap's language)
      --today YYYY-MM-DD            The day overdue items and the today marker are reckoned from
  templates                List templates
  rules                    List rules
  lsp --stdio              Start the language server
  mcp [--root DIR] [--allow-writes]
                           Start the MCP server for coding agents (stdio)

Exit codes: 0 clean, 1 findings at the failing level, 2 usage or config error.`;

class UsageError extends Error {}

function parse(args: string[], options: ParseArgsConfig["options"]) {
  try {
    return parseArgs({ args, options: options ?? {}, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}

function langOption(v: unknown, flag = "--lang"): Lang | undefined {
  if (v === undefined) return undefined;
  if (!(LANGS as readonly string[]).includes(String(v))) throw new UsageError(`${flag} must be one of ${LANGS.join(", ")}, not "${String(v)}"`);
  return v as Lang;
}

function workspaceFor(cwd: string, configFile: string | undefined) {
  if (configFile) {
    const abs = resolve(cwd, configFile);
    return loadWorkspace(basename(dirname(abs)) === ".pm" ? dirname(dirname(abs)) : cwd, abs);
  }
  return loadWorkspace(findWorkspaceRoot(cwd) ?? cwd);
}

/**
 * The workspace of each linted file: the nearest folder above it with .pm/config.jsonc, as the
 * language server does, else the one found from the current folder. `--config` pins one for all.
 */
function workspaceResolver(cwd: string, configFile: string | undefined): (file: string) => Workspace {
  const fallback = workspaceFor(cwd, configFile);
  if (configFile) return () => fallback;
  const byRoot = new Map<string, Workspace>([[fallback.root, fallback]]);
  return (file) => {
    const root = findWorkspaceRoot(dirname(file)) ?? fallback.root;
    let ws = byRoot.get(root);
    if (!ws) byRoot.set(root, (ws = loadWorkspace(root)));
    return ws;
  };
}

function reportErrors(errors: PmError[]): void {
  for (const e of errors) process.stderr.write(`pmw: ${e.message}\n`);
}

function lint(args: string[], cwd: string): number {
  const { values, positionals } = parse(args, {
    format: { type: "string", default: "stylish" },
    fix: { type: "boolean", default: false },
    strict: { type: "boolean", default: false },
    "max-warnings": { type: "string" },
    lang: { type: "string" },
    config: { type: "string" },
  });
  const format = String(values["format"]);
  if (!["stylish", "json", "sarif"].includes(format)) throw new UsageError(`--format must be stylish, json or sarif, not "${format}"`);
  const maxWarningsRaw = values["max-warnings"];
  const maxWarnings = maxWarningsRaw === undefined ? Infinity : Number(maxWarningsRaw);
  if (!Number.isInteger(maxWarnings) && maxWarnings !== Infinity) throw new UsageError(`--max-warnings must be a whole number, not "${String(maxWarningsRaw)}"`);
  if (maxWarnings < 0) throw new UsageError("--max-warnings must be 0 or more");
  const lang = langOption(values["lang"]);

  const { files, unmatched } = expandOperands(positionals, cwd);
  if (unmatched.length > 0) {
    process.stderr.write(`pmw: no Markdown files match ${unmatched.map((u) => `"${u}"`).join(", ")}\n`);
    return 2;
  }
  const workspaceOf = workspaceResolver(cwd, values["config"] as string | undefined);
  const seen = new Set<Workspace>();
  let workspaceErrors = false;
  const envs = new Map<Workspace, LintEnvironment>();
  const envFor = (ws: Workspace): LintEnvironment => {
    let env = envs.get(ws);
    if (!env) {
      env = {
        registry: ws.registry,
        config: ws.config,
        host: nodeHost,
        root: ws.root,
        ...(lang ? { lang } : {}),
        onRuleError: (rule, file, error) => process.stderr.write(`pmw: rule ${rule.name} failed on ${file} and was skipped: ${(error as Error).stack ?? String(error)}\n`),
      };
      envs.set(ws, env);
    }
    return env;
  };
  const reports: FileReport[] = [];
  let skipped = 0;
  let writeFailed = false;
  for (const file of files) {
    const ws = workspaceOf(file);
    if (!seen.has(ws)) {
      seen.add(ws);
      reportErrors(ws.errors);
      if (ws.errors.length > 0) workspaceErrors = true;
    }
    // A workspace whose config is broken is not linted with defaults: that would hide its settings.
    if (ws.configError) continue;
    const env = envFor(ws);
    if (ws.config.isIgnored(relativePath(ws.root, file))) continue;
    let raw: string;
    try {
      raw = readFileSync(file, "utf8");
    } catch (e) {
      process.stderr.write(`pmw: ${file}: cannot read: ${(e as Error).message}\n`);
      writeFailed = true;
      continue;
    }
    const { text, bom } = stripBom(raw);
    let result = lintText(file, text, env);
    if (!result.isSpec) {
      skipped++;
      continue;
    }
    if (values["fix"] && result.findings.some((f) => f.fix?.length)) {
      const fixed = fixAll(text, (t) => lintText(file, t, env).findings);
      if (fixed.text !== text) {
        try {
          replaceFileAtomic(file, restoreBom(fixed.text, bom), raw);
          result = lintText(file, fixed.text, env);
        } catch (e) {
          process.stderr.write(`pmw: ${(e as Error).message}; file left unchanged\n`);
          writeFailed = true;
        }
      }
    }
    reports.push({ file, template: result.template, findings: result.findings });
  }

  if (format === "json") process.stdout.write(JSON.stringify(toJson(reports, cwd), null, 2) + "\n");
  else if (format === "sarif") process.stdout.write(JSON.stringify(toSarif(reports, cwd, PMW_VERSION, lang ?? "en"), null, 2) + "\n");
  else process.stdout.write(formatStylish(reports, cwd, skipped));

  const all: Finding[] = reports.flatMap((r) => r.findings);
  const errors = all.filter((f) => f.severity === "error").length;
  const warnings = all.filter((f) => f.severity === "warning").length;
  if (workspaceErrors || writeFailed) return 2;
  if (errors > 0 || (values["strict"] && warnings > 0) || warnings > maxWarnings) return 1;
  return 0;
}

function newCommand(args: string[], cwd: string): number {
  const { values, positionals } = parse(args, {
    title: { type: "string" },
    owner: { type: "string" },
    lang: { type: "string" },
    out: { type: "string" },
    config: { type: "string" },
  });
  const templateId = positionals[0];
  if (!templateId || positionals.length > 1) throw new UsageError('pmw new takes one template id, e.g. pmw new ai-feature-prd --title "Smart replies"');
  if (values["title"] === undefined) throw new UsageError('pmw new needs --title "..."');
  const ws = workspaceFor(cwd, values["config"] as string | undefined);
  reportErrors(ws.errors);
  if (ws.configError) return 2;
  const lang = langOption(values["lang"]) ?? ws.config.data.lang ?? "en";
  const outDir = resolve(cwd, (values["out"] as string | undefined) ?? ".");
  const { file } = scaffold(ws.registry, { templateId, title: String(values["title"]), ...(values["owner"] !== undefined ? { owner: String(values["owner"]) } : {}), lang, outDir });
  process.stdout.write(`${file}\n`);
  return 0;
}

function roadmap(args: string[], cwd: string): number {
  const { values, positionals } = parse(args, { format: { type: "string", default: "text" }, lang: { type: "string" }, today: { type: "string" }, config: { type: "string" } });
  const format = String(values["format"]);
  const today = values["today"] as string | undefined;
  if (today !== undefined && !isRealDate(today)) throw new UsageError(`--today must be a date as YYYY-MM-DD, not "${today}"`);
  if (format !== "text" && format !== "json" && format !== "html" && format !== "svg") throw new UsageError(`--format must be text, json, html or svg, not "${format}"`);
  const lang = langOption(values["lang"]);
  const workspaceOf = workspaceResolver(cwd, values["config"] as string | undefined);
  return roadmapCommand({ operands: positionals, format, ...(lang ? { lang } : {}), ...(today ? { today } : {}), cwd, workspaceOf, writeOut: (s) => process.stdout.write(s), writeErr: (s) => process.stderr.write(s) });
}

function templatesCommand(cwd: string): number {
  const ws = workspaceFor(cwd, undefined);
  reportErrors(ws.errors);
  for (const t of ws.registry.all()) {
    const langs = [...t.variants.keys()].join(", ");
    const any = t.variants.get("en") ?? [...t.variants.values()][0]!;
    const required = t.sections.filter((s) => s.required).length;
    process.stdout.write(`${t.id.padEnd(18)} ${any.name}  [${langs}]  ${required} required section${required === 1 ? "" : "s"}${t.origin === "workspace" ? "  (workspace)" : ""}\n`);
  }
  return ws.errors.length > 0 ? 2 : 0;
}

function rulesCommand(lang: Lang): number {
  for (const r of RULES) process.stdout.write(`${r.id}  ${r.name.padEnd(18)} ${r.fixable ? "fixable " : "        "} ${localize(r.description, lang)}\n`);
  return 0;
}

export function main(argv: string[], cwd = process.cwd()): number {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "lint":
        return lint(rest, cwd);
      case "new":
        return newCommand(rest, cwd);
      case "roadmap":
        return roadmap(rest, cwd);
      case "templates":
        return templatesCommand(cwd);
      case "rules":
        return rulesCommand(langOption(parse(rest, { lang: { type: "string" } }).values["lang"]) ?? "en");
      case "lsp":
        // The server is bundled beside this file; loading it takes over stdio.
        require(join(__dirname, "server.js"));
        return -1;
      case "mcp":
        // Bundled apart (dist/mcp.js) so the MCP SDK loads only for this command.
        (require(join(__dirname, "mcp.js")) as { runMcp(args: string[], cwd: string): void }).runMcp(rest, cwd);
        return -1;
      case "--version":
      case "-v":
        process.stdout.write(`${PMW_VERSION}\n`);
        return 0;
      case undefined:
      case "help":
      case "--help":
      case "-h":
        process.stdout.write(USAGE + "\n");
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${command}"`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`pmw: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof PmError) {
      process.stderr.write(`pmw: ${e.message}\n`);
      return 2;
    }
    process.stderr.write(`pmw: ${(e as Error).message}\n`);
    return 2;
  }
}

if (require.main === module) {
  // A closed pipe (pmw templates | head -2) ends output; it is not an error worth a stack trace.
  process.stdout.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
  const code = main(process.argv.slice(2));
  if (code >= 0) process.exitCode = code;
}
