/**
 * The lint engine as the MCP tools use it: the same workspace loading, lint and fix code as
 * `pmw lint`, confined to the client's roots, with workspaces kept warm between calls and
 * reloaded when their config or templates change on disk.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { CONFIG_PATH } from "../core/config";
import { fixAll } from "../core/fix";
import { lintText, relativePath, type LintEnvironment, type LintResult } from "../core/lint";
import { roadmapJson, roadmapReport, SpecInspector, type RoadmapJson } from "../core/roadmapHealth";
import { restoreBom, stripBom } from "../core/text";
import { nodeHost } from "../node/fsHost";
import { replaceFileAtomic, walkMarkdown } from "../node/files";
import { loadWorkspace, type Workspace } from "../node/workspace";
import type { Roots } from "./roots";

export class ToolError extends Error {}

export function sha256(text: string): string {
  return createHash("sha256").update(text, "utf8").digest("hex");
}

/** A cheap fingerprint of what loadWorkspace reads: config and workspace templates (size, mtime). */
function workspaceStamp(root: string): string {
  const parts: string[] = [];
  const add = (p: string) => {
    try {
      const s = statSync(p);
      parts.push(`${p}:${s.size}:${s.mtimeMs}`);
      if (s.isDirectory()) for (const e of readdirSync(p).sort()) add(join(p, e));
    } catch {
      parts.push(`${p}:-`);
    }
  };
  add(join(root, CONFIG_PATH));
  add(join(root, ".pm", "templates"));
  return parts.join("|");
}

export interface LintedFile {
  file: string;
  root: string;
  ws: Workspace;
  /** File contents as read (with any BOM), null when linting given text. */
  raw: string | null;
  text: string;
  bom: boolean;
  result: LintResult;
  env: LintEnvironment;
}

export class Engine {
  private readonly workspaces = new Map<string, { stamp: string; ws: Workspace; env: LintEnvironment }>();

  constructor(
    private readonly roots: () => Promise<Roots>,
    private readonly log: (line: string) => void,
  ) {}

  async currentRoots(): Promise<Roots> {
    return this.roots();
  }

  /** The workspace of a file: the nearest folder with .pm/config.jsonc up to its root, else the root. */
  private workspaceRootOf(file: string, root: string): string {
    for (let dir = dirname(file); ; dir = dirname(dir)) {
      if (existsSync(join(dir, CONFIG_PATH))) return dir;
      if (dir === root || dirname(dir) === dir || !dir.startsWith(root)) return root;
    }
  }

  workspace(wsRoot: string, roots: Roots): { ws: Workspace; env: LintEnvironment } {
    const stamp = workspaceStamp(wsRoot);
    const cached = this.workspaces.get(wsRoot);
    if (cached && cached.stamp === stamp) return cached;
    const ws = loadWorkspace(wsRoot);
    for (const e of ws.errors) this.log(`pmw mcp: ${e.message}`);
    const env: LintEnvironment = {
      registry: ws.registry,
      config: ws.config,
      host: roots.guard(nodeHost),
      root: ws.root,
      onRuleError: (rule, file, error) => this.log(`pmw mcp: rule ${rule.name} failed on ${file} and was skipped: ${(error as Error).stack ?? String(error)}`),
    };
    const entry = { stamp, ws, env };
    this.workspaces.set(wsRoot, entry);
    return entry;
  }

  /** Lints a file inside the roots, or `text` as if it were that file. */
  async lint(path: string, text?: string): Promise<LintedFile> {
    const roots = await this.roots();
    const { abs, root } = roots.resolve(path);
    const { ws, env } = this.workspace(this.workspaceRootOf(abs, root), roots);
    if (ws.configError) throw new ToolError(`${ws.configError.message}; fix the config, then call again`);
    let raw: string | null = null;
    if (text === undefined) {
      try {
        raw = readFileSync(abs, "utf8");
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        throw new ToolError(code === "ENOENT" ? `${path}: no such file; pass a path relative to the workspace root ${root}, or pass text` : `${path}: cannot read: ${(e as Error).message}`);
      }
    }
    const stripped = stripBom(raw ?? text ?? "");
    const result = lintText(abs, stripped.text, env);
    return { file: abs, root, ws, raw, text: stripped.text, bom: stripped.bom, result, env };
  }

  /** Every spec under the roots that the workspace config does not ignore, as `pmw lint` walks them. */
  async lintAll(): Promise<{ linted: LintedFile[]; skipped: number; errors: string[] }> {
    const roots = await this.roots();
    const linted: LintedFile[] = [];
    const errors: string[] = [];
    let skipped = 0;
    for (const root of roots.folders) {
      for (const file of walkMarkdown(root)) {
        if (!roots.rootOf(file)) continue;
        const { ws, env } = this.workspace(this.workspaceRootOf(file, root), roots);
        if (ws.configError) {
          if (!errors.includes(ws.configError.message)) errors.push(ws.configError.message);
          continue;
        }
        if (ws.config.isIgnored(relativePath(ws.root, file))) continue;
        let raw: string;
        try {
          raw = readFileSync(file, "utf8");
        } catch (e) {
          errors.push(`${file}: cannot read: ${(e as Error).message}`);
          continue;
        }
        const { text, bom } = stripBom(raw);
        const result = lintText(file, text, env);
        if (!result.isSpec) skipped++;
        else linted.push({ file, root, ws, raw, text, bom, result, env });
      }
    }
    return { linted, skipped, errors };
  }

  /**
   * Applies every fix to a file, as `pmw lint --fix` does, only when the file still has the
   * content hash the caller read; the write is atomic and re-checks the content just before it.
   */
  async applyFixes(path: string, expectedSha256: string): Promise<{ before: LintedFile; after: LintedFile; changed: boolean }> {
    const before = await this.lint(path);
    const raw = before.raw!;
    const actual = sha256(raw);
    if (actual !== expectedSha256.toLowerCase()) {
      throw new ToolError(`${path}: changed since it was read (sha256 ${actual}, expected ${expectedSha256}); call lint_spec again and review the new findings before fixing`);
    }
    if (!before.result.isSpec) throw new ToolError(`${path}: not a spec (no template in front matter or config); nothing to fix`);
    const fixed = fixAll(before.text, (t) => lintText(before.file, t, before.env).findings);
    if (fixed.text === before.text) return { before, after: before, changed: false };
    const newRaw = restoreBom(fixed.text, before.bom);
    try {
      replaceFileAtomic(before.file, newRaw, raw);
    } catch (e) {
      throw new ToolError(`${(e as Error).message}; file left unchanged`);
    }
    const after: LintedFile = { ...before, raw: newRaw, text: fixed.text, result: lintText(before.file, fixed.text, before.env) };
    return { before, after, changed: true };
  }

  /**
   * The roadmap model of one file, or of every roadmap under the roots (a ROADMAP.md or a file
   * whose template is a roadmap), with the health of the specs its items link: `pmw roadmap --format json`.
   */
  async roadmaps(path?: string): Promise<RoadmapJson[]> {
    const roots = await this.roots();
    const rootFor = (file: string) => roots.rootOf(file) ?? roots.primary;
    const envFor = (file: string) => this.workspace(this.workspaceRootOf(file, rootFor(file)), roots).env;
    const readText = (file: string) => (roots.rootOf(file) ? nodeHost.readText(file) : null);
    const inspector = new SpecInspector(envFor, readText);
    let files: string[];
    if (path !== undefined) {
      const { abs } = roots.resolve(path);
      if (readText(abs) === null) throw new ToolError(`${path}: no such file or not readable; pass a roadmap path relative to the workspace root, or no path for every roadmap`);
      files = [abs];
    } else {
      files = roots.folders.flatMap((r) => [...walkMarkdown(r)].sort()).filter((f) => roots.rootOf(f) && inspector.isRoadmap(f));
    }
    const out: RoadmapJson[] = [];
    for (const file of files) {
      const env = envFor(file);
      if (path === undefined && env.config.isIgnored(relativePath(env.root, file))) continue;
      const text = readText(file)!;
      const candidates = [...walkMarkdown(dirname(file))].sort().filter((f) => roots.rootOf(f) && !env.config.isIgnored(relativePath(env.root, f)));
      const root = rootFor(file);
      out.push(roadmapJson(roadmapReport(file, text, env, inspector, candidates), (abs) => relative(root, abs).split(sep).join("/") || ".", 1));
    }
    return out;
  }
}
