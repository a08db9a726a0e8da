/** `pmw roadmap`: phases, items, progress and spec health of roadmaps, as text or JSON. */
import { readFileSync } from "node:fs";
import { dirname, relative, resolve, sep } from "node:path";
import type { LintEnvironment } from "../core/lint";
import { relativePath } from "../core/lint";
import { roadmapJson, roadmapReport, SpecInspector, isRoadmapTemplate, type RoadmapJson } from "../core/roadmapHealth";
import { isRoadmapFileName, type ItemStatus } from "../core/roadmap";
import { renderTimelinePage, renderTimelineSvg } from "../core/timeline";
import type { Lang } from "../core/types";
import { stripBom } from "../core/text";
import { nodeHost } from "../node/fsHost";
import { expandOperands, walkMarkdown } from "../node/files";
import type { Workspace } from "../node/workspace";

export interface RoadmapCommandOptions {
  operands: string[];
  format: "text" | "json" | "html" | "svg";
  /** Labels of the html and svg pictures; default: the first roadmap's language. */
  lang?: Lang;
  /** YYYY-MM-DD: the day overdue and the today marker are reckoned from; default: the date in UTC. */
  today?: string;
  cwd: string;
  workspaceOf: (file: string) => Workspace;
  writeOut: (s: string) => void;
  writeErr: (s: string) => void;
}

const MARK: Record<ItemStatus, string> = { todo: "[ ]", "in-progress": "[/]", blocked: "[!]", done: "[x]", dropped: "[-]", bet: " ~ " };

function readText(file: string): string | null {
  try {
    return stripBom(readFileSync(file, "utf8")).text;
  } catch {
    return null;
  }
}

export function formatRoadmapText(r: RoadmapJson): string {
  const out: string[] = [`${r.file}  ${r.title}`];
  for (const p of r.phases) {
    const dates = p.start ? `  ${p.start}..${p.end}` : "";
    const about = [p.health ? p.health.toUpperCase() : "", p.capacity ? `capacity ${p.capacity.text}` : ""].filter(Boolean).map((s) => `  ${s}`).join("");
    out.push(`  ${p.title}${dates}  ${p.progress.done}/${p.progress.total} done${about}  (line ${p.line})`);
    for (const i of p.items) {
      const bits = [`${MARK[i.status]} ${i.title || "(untitled)"}`];
      if (i.owners.length) bits.push(i.owners.map((o) => `@${o}`).join(" "));
      if (i.due) bits.push(`due ${i.due}${i.overdue ? " OVERDUE" : ""}`);
      if (i.status === "blocked") bits.push("BLOCKED");
      if (i.tags.length) bits.push(i.tags.map((t) => `#${t}`).join(" "));
      if (i.must) bits.push("MUST");
      if (i.kpi) bits.push(`moves ${i.kpi.text ?? `${i.kpi.ref} (not listed)`}`);
      if (i.confidence) bits.push(`confidence ${i.confidence.percent !== null ? `${i.confidence.percent}%` : i.confidence.level}`);
      if (i.size) bits.push(`size ${i.size.text}`);
      for (const a of i.after) bits.push(a.line !== null ? `after "${a.title}" (line ${a.line})` : `after "${a.ref}" UNKNOWN`);
      if (i.spec) bits.push(i.spec.exists ? `spec ${i.spec.path} (${i.spec.status ?? "no status"}, ${i.spec.errors} errors, ${i.spec.warnings} warnings)` : `spec ${i.spec.path} MISSING`);
      else if (i.status !== "bet") bits.push("no spec");
      out.push(`    ${i.line}: ${bits.join("  ")}`);
      if (i.note) out.push(`        ${i.note}`);
    }
    for (const k of p.kpis) {
      const parts = [k.baseline ? `baseline ${k.baseline}` : "", k.target ? `target ${k.target}` : "no target", k.window ? `over ${k.window}` : "", k.current ? `current ${k.current}${k.asOf ? ` as of ${k.asOf}` : ""}` : ""];
      out.push(`    KPI ${k.text}: ${parts.filter(Boolean).join(", ")}`);
    }
  }
  if (r.orphans.length) out.push(`  Specs on no roadmap item: ${r.orphans.join(", ")}`);
  return out.join("\n") + "\n";
}

/** Runs the command; returns the exit code (0, or 2 when a named file cannot be read). */
export function roadmapCommand(o: RoadmapCommandOptions): number {
  const envs = new Map<Workspace, LintEnvironment>();
  const envFor = (file: string): LintEnvironment => {
    const ws = o.workspaceOf(file);
    let env = envs.get(ws);
    if (!env) envs.set(ws, (env = { registry: ws.registry, config: ws.config, host: nodeHost, root: ws.root, ...(o.today ? { today: o.today } : {}) }));
    return env;
  };
  const inspector = new SpecInspector(envFor, readText);
  const shown = (abs: string) => relative(o.cwd, abs).split(sep).join("/") || ".";
  let files: string[];
  let failed = false;
  if (o.operands.length > 0) {
    const { files: found, unmatched } = expandOperands(o.operands, o.cwd);
    if (unmatched.length > 0) {
      o.writeErr(`pmw: no Markdown files match ${unmatched.map((u) => `"${u}"`).join(", ")}\n`);
      return 2;
    }
    // Named files are read as roadmaps; named folders are searched for them.
    const named = new Set(o.operands.map((p) => resolve(o.cwd, p)));
    files = found.filter((f) => named.has(f) || isRoadmapFile(f, inspector, envFor));
  } else {
    files = [...walkMarkdown(o.cwd)].sort().filter((f) => isRoadmapFile(f, inspector, envFor));
  }
  const listings = new Map<string, string[]>();
  const results: RoadmapJson[] = [];
  let firstLang: Lang | undefined;
  for (const file of files) {
    const env = envFor(file);
    if (env.config.isIgnored(relativePath(env.root, file))) continue;
    const text = readText(file);
    if (text === null) {
      o.writeErr(`pmw: ${file}: cannot read the file; check that it exists and is readable.\n`);
      failed = true;
      continue;
    }
    const dir = dirname(file);
    let candidates = listings.get(dir);
    if (!candidates) listings.set(dir, (candidates = [...walkMarkdown(dir)].sort().filter((f) => !env.config.isIgnored(relativePath(env.root, f)))));
    const report = roadmapReport(file, text, env, inspector, candidates);
    firstLang ??= report.doc.lang;
    results.push(roadmapJson(report, shown, 1));
  }
  if (o.format === "html" || o.format === "svg") {
    const options = { lang: o.lang ?? firstLang ?? "en", today: o.today ?? new Date().toISOString().slice(0, 10) };
    o.writeOut(o.format === "html" ? renderTimelinePage(results, options) : renderTimelineSvg(results, options));
  } else if (o.format === "json") o.writeOut(JSON.stringify(results, null, 2) + "\n");
  else if (results.length === 0) o.writeOut(`No roadmap found under ${shown(o.cwd) === "." ? "the current folder" : shown(o.cwd)} (a ROADMAP.md, or a file with template: roadmap).\n`);
  else o.writeOut(results.map(formatRoadmapText).join("\n"));
  return failed ? 2 : 0;
}

function isRoadmapFile(file: string, inspector: SpecInspector, envFor: (f: string) => LintEnvironment): boolean {
  if (isRoadmapFileName(file)) return true;
  const h = inspector.inspect(file);
  return h.isSpec && isRoadmapTemplate(envFor(file), h.template);
}
