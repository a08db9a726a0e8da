/** Test helpers: an in-memory workspace over the built-in templates, and the built CLI as a process. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { lintText, type LintEnvironment, type LintResult } from "../src/core/lint";
import { Config } from "../src/core/config";
import { memoryHost } from "../src/core/host";
import { TemplateRegistry, type TemplateFile } from "../src/core/templates";
import type { Lang } from "../src/core/types";

declare const PMW_ROOT: string;
export const ROOT = PMW_ROOT;
export const CLI = join(ROOT, "dist", "cli.js");
export const SERVER = join(ROOT, "dist", "server.js");

function templateFiles(dir: string): TemplateFile[] {
  const out: TemplateFile[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...templateFiles(p));
    else if (e.name.endsWith(".md")) out.push({ file: p, text: readFileSync(p, "utf8") });
  }
  return out;
}

let builtIn: TemplateFile[] | null = null;
export function builtInTemplates(): TemplateFile[] {
  builtIn ??= templateFiles(join(ROOT, "templates"));
  return builtIn;
}

export interface MemoryEnvOptions {
  files?: Record<string, string>;
  config?: string;
  workspaceTemplates?: TemplateFile[];
  lang?: Lang;
}

/** An environment rooted at /ws with the given extra files (absolute paths under /ws). */
export function memoryEnv(opts: MemoryEnvOptions = {}): LintEnvironment {
  const { registry } = TemplateRegistry.build(builtInTemplates(), opts.workspaceTemplates ?? []);
  return {
    registry,
    config: opts.config ? Config.parse("/ws/.pm/config.jsonc", opts.config) : Config.defaults(),
    host: memoryHost(opts.files ?? {}),
    root: "/ws",
    today: "2026-01-15",
    ...(opts.lang ? { lang: opts.lang } : {}),
    onRuleError: (rule, _file, error) => {
      throw new Error(`rule ${rule.name} threw: ${String(error)}`);
    },
  };
}

/** Lints an in-memory document at /ws/<name>. */
export function lint(text: string, opts: MemoryEnvOptions & { name?: string } = {}): LintResult {
  return lintText(`/ws/${opts.name ?? "doc.md"}`, text, memoryEnv(opts));
}

/** "rule@line" for each finding (1-based lines): compact and exact. */
export function brief(result: LintResult): string[] {
  return result.findings.map((f) => `${f.rule}@${f.range.start.line + 1}`);
}

export function runCli(args: string[], cwd: string, input?: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: "utf8", input, env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A temporary folder holding `files` (relative path to text), folders created as needed. */
export function tempWorkspace(prefix: string, files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
