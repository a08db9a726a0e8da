/**
 * Loads what a workspace declares: `.pm/config.jsonc`, `.pm/templates/*.md` and the built-in
 * templates shipped beside dist/. Shared by the CLI and the language server so both see the
 * same configuration.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { Config, CONFIG_PATH } from "../core/config";
import { PmError } from "../core/errors";
import { TemplateRegistry, type TemplateFile } from "../core/templates";

/** Folder holding templates/, docs/, schemas/: the package root (dist/.. when bundled). */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 4; i++) {
    if (existsSync(join(dir, "templates")) && existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  return resolve(__dirname, "..");
}

function readTemplateDir(dir: string): TemplateFile[] {
  if (!existsSync(dir)) return [];
  const out: TemplateFile[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && entry.name.endsWith(".md")) out.push({ file: p, text: readFileSync(p, "utf8") });
    }
  };
  walk(dir);
  return out;
}

const docsHref = new Map<string, string>();

/** file:// URL of the rule's shipped docs page, docs/rules/<name>.md in the package root. */
export function ruleDocsUrl(ruleName: string): string {
  let href = docsHref.get(ruleName);
  if (href === undefined) {
    href = pathToFileURL(join(packageRoot(), "docs", "rules", `${ruleName}.md`)).href;
    docsHref.set(ruleName, href);
  }
  return href;
}

let builtInCache: TemplateFile[] | null = null;
export function builtInTemplateFiles(): TemplateFile[] {
  builtInCache ??= readTemplateDir(join(packageRoot(), "templates"));
  return builtInCache;
}

export interface Workspace {
  root: string;
  config: Config;
  registry: TemplateRegistry;
  /** Config and template problems; the workspace still works with defaults for what failed. */
  errors: PmError[];
  /** Set when the config itself failed to load. */
  configError: PmError | null;
}

/** The folder at or above `start` that holds .pm/config.jsonc, or null. */
export function findWorkspaceRoot(start: string): string | null {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, CONFIG_PATH))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/**
 * Loads config and templates for `root`. With `configFile`, that file is the config. A broken
 * config is returned as `configError` (callers decide: the CLI exits 2, the server shows it).
 */
export function loadWorkspace(root: string, configFile?: string): Workspace {
  const errors: PmError[] = [];
  let config = Config.defaults();
  let configError: PmError | null = null;
  const file = configFile ? resolve(configFile) : join(root, CONFIG_PATH);
  if (configFile && !existsSync(file)) {
    configError = new PmError(file, 1, 1, "config file not found; check the --config path");
  } else if (existsSync(file)) {
    try {
      config = Config.parse(file, readFileSync(file, "utf8"));
    } catch (e) {
      configError = e instanceof PmError ? e : new PmError(file, 1, 1, (e as Error).message);
    }
  }
  if (configError) errors.push(configError);
  const { registry, errors: templateErrors } = TemplateRegistry.build(builtInTemplateFiles(), readTemplateDir(join(root, ".pm", "templates")));
  for (const e of templateErrors) errors.push(e);
  return { root, config, registry, errors, configError };
}
