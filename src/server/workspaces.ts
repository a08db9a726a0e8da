/**
 * Which workspace (config + templates) a file belongs to, loaded the same way the CLI loads it
 * (src/node/workspace.ts), plus the editor settings. Nothing here knows about rules.
 */
import { dirname, join, sep } from "node:path";
import { Config } from "../core/config";
import type { LintEnvironment } from "../core/lint";
import type { Rule } from "../core/rule";
import { nodeHost } from "../node/fsHost";
import { findWorkspaceRoot, loadWorkspace, type Workspace } from "../node/workspace";
import type { PmSettings } from "../protocol";

export interface LoadedWorkspace {
  ws: Workspace;
  env: LintEnvironment;
  /** Bumped whenever config, templates or settings change: cached results from older generations are stale. */
  generation: number;
}

export class Workspaces {
  private folders: string[] = [];
  private readonly loaded = new Map<string, LoadedWorkspace>();
  /** Directory -> workspace root holding .pm/config.jsonc (or null), cached between keystrokes. */
  private readonly rootOfDir = new Map<string, string | null>();
  private settings: PmSettings = {};
  private generation = 1;

  constructor(
    private readonly onRuleError: (rule: Rule, file: string, error: unknown) => void,
    /** Called when a workspace is (re)loaded, with its config/template problems. */
    private readonly onLoaded: (loaded: LoadedWorkspace) => void,
  ) {}

  setFolders(folders: string[]): void {
    this.folders = [...folders].sort((a, b) => b.length - a.length);
    this.invalidate();
  }

  getFolders(): string[] {
    return [...this.folders];
  }

  setSettings(settings: PmSettings): void {
    this.settings = settings;
    this.invalidate();
  }

  getSettings(): PmSettings {
    return this.settings;
  }

  /** Forgets every loaded workspace (config or templates changed). */
  invalidate(): void {
    this.loaded.clear();
    this.rootOfDir.clear();
    this.generation++;
  }

  get currentGeneration(): number {
    return this.generation;
  }

  /** The workspace root for a file: the nearest folder with .pm/config.jsonc, else its workspace folder, else its directory. */
  rootFor(file: string): string {
    const dir = dirname(file);
    let root = this.rootOfDir.get(dir);
    if (root === undefined) {
      root = findWorkspaceRoot(dir);
      this.rootOfDir.set(dir, root);
    }
    if (root) return root;
    return this.folders.find((f) => file === f || file.startsWith(f.endsWith(sep) ? f : f + sep)) ?? dir;
  }

  /** A path for a document that has none on disk (untitled): inside the first workspace folder. */
  virtualPath(name: string): string {
    return join(this.folders[this.folders.length - 1] ?? process.cwd(), name);
  }

  forFile(file: string): LoadedWorkspace {
    return this.forRoot(this.rootFor(file));
  }

  forRoot(root: string): LoadedWorkspace {
    const hit = this.loaded.get(root);
    if (hit) return hit;
    const ws = loadWorkspace(root);
    const setting = this.settings.maxFileSize;
    // The workspace config wins over the editor setting, so the editor and `pmw lint` agree.
    const config = typeof setting === "number" && setting > 0 && ws.config.data.maxFileSize === undefined ? new Config({ ...ws.config.data, maxFileSize: setting }, ws.config.file) : ws.config;
    const env: LintEnvironment = {
      registry: ws.registry,
      config,
      host: nodeHost,
      root: ws.root,
      ...(this.settings.lang ? { lang: this.settings.lang } : {}),
      onRuleError: this.onRuleError,
    };
    const loaded: LoadedWorkspace = { ws, env, generation: this.generation };
    this.loaded.set(root, loaded);
    this.onLoaded(loaded);
    return loaded;
  }

  /** Every root loaded so far plus the workspace folders. */
  knownRoots(): string[] {
    return [...new Set([...this.folders, ...this.loaded.keys()])];
  }

}
