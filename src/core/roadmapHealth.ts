/**
 * A roadmap with the health of the specs it links: each linked spec linted as `pmw lint` lints
 * it (cached by text, so a warm read lints nothing), and the specs under the roadmap's folder
 * that no item links. Also the JSON contract `pmw roadmap --format json` prints.
 */
import { dirname, sep } from "node:path";
import { parseDocument, type ParsedDocument } from "./document";
import { lintText, type LintEnvironment } from "./lint";
import { isRoadmapFileName, readRoadmap, roadmapItems, type Confidence, type ItemStatus, type Kpi, type PhaseHealth, type Roadmap } from "./roadmap";
import type { Status } from "./types";

export interface SpecHealth {
  exists: boolean;
  /** Whether the file is a spec (names a template or is mapped to one). */
  isSpec: boolean;
  template: string | null;
  status: Status | null;
  title: string | null;
  owner: string | null;
  errors: number;
  warnings: number;
}

const MISSING: SpecHealth = { exists: false, isSpec: false, template: null, status: null, title: null, owner: null, errors: 0, warnings: 0 };

/** Whether a lint result's template is a roadmap (by id or by the template's kind). */
export function isRoadmapTemplate(env: LintEnvironment, template: string | null): boolean {
  if (!template) return false;
  return template === "roadmap" || env.registry.get(template)?.kind === "roadmap";
}

/**
 * Lints specs on demand and remembers the result by file text. `textOf` lets an editor pass
 * open-document text; otherwise the host reads the file.
 */
export class SpecInspector {
  private readonly cache = new Map<string, { text: string; health: SpecHealth }>();

  constructor(
    private readonly envFor: (file: string) => LintEnvironment,
    private readonly textOf: (file: string) => string | null = (file) => envFor(file).host.readText(file),
  ) {}

  inspect(file: string): SpecHealth {
    const text = this.textOf(file);
    if (text === null) {
      this.cache.delete(file);
      return MISSING;
    }
    const hit = this.cache.get(file);
    if (hit && hit.text === text) return hit.health;
    const env = this.envFor(file);
    const r = lintText(file, text, env);
    const fm = r.doc.frontMatter.data;
    const str = (v: unknown) => (typeof v === "string" && v.trim() ? v.trim() : null);
    const health: SpecHealth = {
      exists: true,
      isSpec: r.isSpec,
      template: r.template,
      status: r.status,
      title: str(fm["title"]) ?? r.sections.find((s) => s.level === 1)?.title ?? null,
      owner: str(fm["owner"]),
      errors: r.findings.filter((f) => f.severity === "error").length,
      warnings: r.findings.filter((f) => f.severity === "warning").length,
    };
    this.cache.set(file, { text, health });
    return health;
  }

  /** Whether a file is a roadmap (so it is not counted as an orphan spec). */
  isRoadmap(file: string): boolean {
    if (isRoadmapFileName(file)) return true;
    const h = this.inspect(file);
    return h.isSpec && isRoadmapTemplate(this.envFor(file), h.template);
  }

  forget(file: string): void {
    this.cache.delete(file);
  }
}

export interface RoadmapReport {
  roadmap: Roadmap;
  doc: ParsedDocument;
  /** Health by linked spec path (absolute). */
  specs: Map<string, SpecHealth>;
  /** Absolute paths of specs under the roadmap's folder that no item links. */
  orphans: string[];
}

/**
 * The roadmap of one file (its text, or the document already parsed) with its specs' health. `candidates` are the Markdown files of the
 * workspace (absolute paths) that may be orphan specs; only those under the roadmap's folder count.
 */
export function roadmapReport(file: string, source: string | ParsedDocument, env: LintEnvironment, inspector: SpecInspector, candidates: readonly string[], read?: Roadmap): RoadmapReport {
  const parsed = typeof source === "string" ? parseDocument(file, source) : source;
  // `read`: the roadmap of this very document, already read (an editor keeps it while the text is unchanged).
  const roadmap = read ?? readRoadmap(parsed, file, { root: env.root, today: env.today ?? new Date().toISOString().slice(0, 10) });
  const specs = new Map<string, SpecHealth>();
  for (const item of roadmapItems(roadmap)) if (item.spec && !specs.has(item.spec.path)) specs.set(item.spec.path, inspector.inspect(item.spec.path));
  const folder = dirname(file) + sep;
  const orphans: string[] = [];
  for (const c of candidates) {
    if (c === file || !c.startsWith(folder) || specs.has(c)) continue;
    const h = inspector.inspect(c);
    if (h.isSpec && !isRoadmapTemplate(env, h.template) && !isRoadmapFileName(c)) orphans.push(c);
  }
  return { roadmap, doc: parsed, specs, orphans };
}

// ---- the JSON contract -----------------------------------------------------------------

export interface RoadmapSpecJson {
  path: string;
  exists: boolean;
  template: string | null;
  status: string | null;
  errors: number;
  warnings: number;
}

export interface RoadmapItemJson {
  title: string;
  line: number;
  status: ItemStatus;
  owners: string[];
  due: string | null;
  tags: string[];
  note: string | null;
  overdue: boolean;
  groups: string[];
  spec: RoadmapSpecJson | null;
  /** The KPI it moves: the reference as written, and the KPI's text and line when the roadmap lists it. */
  kpi: { ref: string; text: string | null; line: number | null } | null;
  confidence: Confidence | null;
  /** What it waits for: each reference with the item's title and line, both null when unknown or ambiguous. */
  after: Array<{ ref: string; title: string | null; line: number | null }>;
  size: { text: string; tshirt: string | null; weeks: number | null } | null;
  /** Listed under a "Must finish" label. */
  must: boolean;
}

/** A KPI as the model reads it, without where its target is written (`line` is 1-based here). */
export type RoadmapKpiJson = Omit<Kpi, "span">;

export interface RoadmapPhaseJson {
  title: string;
  line: number;
  start: string | null;
  end: string | null;
  kpis: RoadmapKpiJson[];
  progress: { done: number; total: number };
  items: RoadmapItemJson[];
  capacity: { text: string; weeks: number | null } | null;
  health: PhaseHealth | null;
}

export interface RoadmapJson {
  file: string;
  title: string;
  phases: RoadmapPhaseJson[];
  orphans: string[];
}

/**
 * The contract object. `path` turns an absolute path into the one shown (relative to the
 * current folder in the CLI, a URI in the editor); `lineBase` is 1 for the CLI, 0 for LSP.
 */
export function roadmapJson(report: RoadmapReport, path: (abs: string) => string, lineBase: 0 | 1): RoadmapJson {
  const { roadmap, specs } = report;
  return {
    file: path(roadmap.file),
    title: roadmap.title,
    phases: roadmap.phases.map((p) => ({
      title: p.title,
      line: p.line + lineBase,
      start: p.start,
      end: p.end,
      kpis: p.kpis.map((k) => ({ text: k.text, target: k.target, current: k.current, baseline: k.baseline, window: k.window, asOf: k.asOf, line: k.line + lineBase })),
      progress: { ...p.progress },
      items: p.items.map((i) => {
        const h = i.spec ? specs.get(i.spec.path) : undefined;
        return {
          title: i.title,
          line: i.line + lineBase,
          status: i.status,
          owners: [...i.owners],
          due: i.due,
          tags: [...i.tags],
          note: i.note,
          overdue: i.overdue,
          groups: [...i.groups],
          spec: i.spec && h ? { path: path(i.spec.path), exists: h.exists, template: h.template, status: h.status, errors: h.errors, warnings: h.warnings } : null,
          kpi: i.kpi ? { ref: i.kpi.ref, text: i.kpi.target?.text ?? null, line: i.kpi.target ? i.kpi.target.line + lineBase : null } : null,
          confidence: i.confidence ? { ...i.confidence } : null,
          after: i.after.map((a) => ({ ref: a.ref, title: a.target?.title ?? null, line: a.target ? a.target.line + lineBase : null })),
          size: i.size ? { ...i.size } : null,
          must: i.must,
        };
      }),
      capacity: p.capacity ? { text: p.capacity.text, weeks: p.capacity.weeks } : null,
      health: p.health,
    })),
    orphans: report.orphans.map(path),
  };
}
