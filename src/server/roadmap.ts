/**
 * Roadmap requests: pm/roadmap, pm/roadmapUpdate, pm/specs, pm/roadmapItemEdit, pm/linkSpecEdit,
 * and the pm/roadmapChanged notification. The model and edits come from src/core; this file only
 * finds the files, keeps caches warm between requests and converts paths to URIs. Warm, a
 * request re-reads only what changed: a roadmap whose text is unchanged is not read again, a
 * spec's health is kept until its text changes, and pm/roadmapUpdate sends only changed phases.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { ErrorCodes, LSPErrorCodes, ResponseError, type Connection, type FileEvent, type TextDocuments, type WorkspaceEdit } from "vscode-languageserver/node";
import { parseDocument, type ParsedDocument } from "../core/document";
import { ChunkCache } from "../core/markdown";
import { isRoadmapFileName, itemStatusEdits, linkSpecEdit, readRoadmap, RoadmapEditError, roadmapItems, type ItemStatus, type Roadmap } from "../core/roadmap";
import { roadmapJson, roadmapReport, SpecInspector, type RoadmapReport } from "../core/roadmapHealth";
import { relativePath } from "../core/lint";
import { stripBom } from "../core/text";
import { walkMarkdown } from "../node/files";
import {
  LinkSpecEditRequest,
  RoadmapChangedNotification,
  RoadmapItemEditRequest,
  RoadmapRequest,
  RoadmapUpdateRequest,
  SpecsRequest,
  type PmRoadmap,
  type PmRoadmapPhase,
  type PmSpecSummary,
} from "../protocol";
import { pathToUri, uriToPath } from "./convert";
import type { LineDocument } from "./lineDocument";
import type { Workspaces } from "./workspaces";

const MARKDOWN_FILE = /\.(md|markdown)$/i;
/** Changes within this window produce one pm/roadmapChanged. */
const NOTIFY_DELAY_MS = 150;

export interface RoadmapService {
  /** Files changed on disk (workspace/didChangeWatchedFiles). */
  filesChanged(changes: readonly FileEvent[]): void;
  /** One roadmap with its specs' health (open text when open), or null when it cannot be read. */
  report(path: string): RoadmapReport | null;
  /** Per phase of a report, a key that changes whenever anything shown of that phase may have (as pm/roadmapUpdate uses). */
  phaseKeys(report: RoadmapReport): string[];
}

export function registerRoadmap(connection: Connection, documents: TextDocuments<LineDocument>, workspaces: Workspaces): RoadmapService {
  /** Disk text by path, dropped when the file changes on disk. */
  const diskText = new Map<string, string | null>();
  let listing: string[] | null = null;
  const caches = new Map<string, ChunkCache>();
  /** Specs each roadmap linked when last read: a change to one of them changes the roadmap. */
  const linksOf = new Map<string, Set<string>>();

  const openDoc = (path: string): LineDocument | undefined => documents.get(pathToUri(path));
  const textOf = (path: string): string | null => {
    const doc = openDoc(path);
    if (doc) return stripBom(doc.getText()).text;
    if (!diskText.has(path)) {
      let text: string | null = null;
      try {
        text = stripBom(readFileSync(path, "utf8")).text;
      } catch {
        text = null;
      }
      diskText.set(path, text);
    }
    return diskText.get(path)!;
  };
  // Lint results depend on config and templates: a new workspace generation starts a new cache.
  let inspectorGeneration = -1;
  let cachedInspector: SpecInspector | null = null;
  const specInspector = (): SpecInspector => {
    if (!cachedInspector || inspectorGeneration !== workspaces.currentGeneration) {
      cachedInspector = new SpecInspector((file) => workspaces.forFile(file).env, textOf);
      inspectorGeneration = workspaces.currentGeneration;
      listing = null;
    }
    return cachedInspector;
  };

  const markdownFiles = (): string[] => {
    if (!listing) {
      const all = new Set<string>();
      for (const folder of workspaces.getFolders()) for (const f of walkMarkdown(folder)) all.add(f);
      listing = [...all].sort().filter((f) => {
        const env = workspaces.forFile(f).env;
        return !env.config.isIgnored(relativePath(env.root, f));
      });
    }
    return listing;
  };

  /** The last read of each roadmap, kept while its source (open document version or disk text), the day and the workspace are the same. */
  const lastRead = new Map<string, { source: LineDocument | string; today: string; generation: number; doc: ParsedDocument; roadmap: Roadmap }>();

  /** The roadmap document parsed and read: open text through its chunk cache (only edited chunks re-parse), else the file. */
  const readFor = (path: string): { doc: ParsedDocument; roadmap: Roadmap } | null => {
    const open = openDoc(path);
    const source = open ?? textOf(path);
    if (source === null) {
      lastRead.delete(path);
      return null;
    }
    const env = workspaces.forFile(path).env;
    const today = env.today ?? new Date().toISOString().slice(0, 10);
    const hit = lastRead.get(path);
    if (hit && hit.source === source && hit.today === today && hit.generation === workspaces.currentGeneration) return hit;
    let doc: ParsedDocument;
    if (typeof source === "string") doc = parseDocument(path, source);
    else {
      let cache = caches.get(path);
      if (!cache) caches.set(path, (cache = new ChunkCache()));
      cache.nextGeneration();
      doc = parseDocument(path, source.source, cache);
    }
    const entry = { source, today, generation: workspaces.currentGeneration, doc, roadmap: readRoadmap(doc, path, { root: env.root, today }) };
    lastRead.set(path, entry);
    return entry;
  };

  const reportFor = (path: string): RoadmapReport | null => {
    const read = readFor(path);
    if (!read) return null;
    const env = workspaces.forFile(path).env;
    const report = roadmapReport(path, read.doc, env, specInspector(), markdownFiles(), read.roadmap);
    linksOf.set(path, new Set(roadmapItems(report.roadmap).flatMap((i) => (i.spec ? [i.spec.path] : []))));
    return report;
  };

  /** What the phases last sent for each roadmap were made of (to tell which changed), under their result id. */
  const sent = new Map<string, { resultId: string; phases: string[] }>();
  let nextResultId = 1;
  /**
   * A phase's payload follows from its own lines (items, groups, KPIs), where it starts, the
   * health of the specs its items link, what its `after:` and `kpi:` references resolve to
   * (possibly in another phase) and the day (overdue): equal keys, equal payloads.
   */
  const phaseKeys = (report: RoadmapReport): string[] => {
    const today = workspaces.forFile(report.roadmap.file).env.today ?? new Date().toISOString().slice(0, 10);
    const { phases } = report.roadmap;
    const lines = report.doc.lines;
    return phases.map((phase, i) => {
      const end = phases[i + 1]?.line ?? lines.length;
      const health = phase.items.map((item) => {
        const h = item.spec ? report.specs.get(item.spec.path) : undefined;
        // The path too: a link may resolve through text outside the phase (a reference definition).
        return item.spec && h ? `${item.spec.path}:${h.exists}:${h.template}:${h.status}:${h.errors}:${h.warnings}` : "";
      });
      const refs = phase.items.map((item) => {
        if (!item.kpi && item.after.length === 0) return "";
        const kpi = item.kpi?.target ? `${item.kpi.target.line}:${item.kpi.target.text}` : "";
        return `${kpi}\u0001${item.after.map((a) => (a.target ? `${a.target.line}:${a.target.title}` : "")).join("\u0001")}`;
      });
      return `${today}\u0000${phase.line}\u0000${health.join(",")}\u0000${refs.join(",")}\u0000${lines.slice(phase.line, end).join("\n")}`;
    });
  };

  /**
   * The model sent for a report, recorded under a new result id. Phases whose key is in `skip`
   * at the same index are not built (null): the client holds them already.
   */
  const toPayload = (report: RoadmapReport, skip: readonly string[] | null = null): Omit<PmRoadmap, "phases"> & { phases: Array<PmRoadmapPhase | null> } => {
    const keys = phaseKeys(report);
    const changed = report.roadmap.phases.filter((_, i) => skip?.[i] !== keys[i]);
    const json = roadmapJson({ ...report, roadmap: { ...report.roadmap, phases: changed } }, pathToUri, 0);
    const lines = report.doc.lines;
    const built = json.phases.map((p) => ({
      ...p,
      items: p.items.map((i) => ({ ...i, lineText: lines[i.line] ?? "", spec: i.spec ? { uri: i.spec.path, exists: i.spec.exists, template: i.spec.template, status: i.spec.status, errors: i.spec.errors, warnings: i.spec.warnings } : null })),
    }));
    let next = 0;
    const phases = keys.map((k, i) => (skip?.[i] === k ? null : built[next++]!));
    const resultId = String(nextResultId++);
    sent.set(report.roadmap.file, { resultId, phases: keys });
    return { uri: json.file, title: json.title, phases, orphans: json.orphans, resultId };
  };
  /** The whole model (no phase skipped). */
  const fullPayload = (report: RoadmapReport): PmRoadmap => toPayload(report) as PmRoadmap;

  const roadmapFiles = (): string[] => markdownFiles().filter((f) => specInspector().isRoadmap(f));

  connection.onRequest(RoadmapRequest, (params): PmRoadmap[] => {
    const uri = params?.textDocument?.uri;
    if (uri) {
      const path = uriToPath(uri);
      if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `pm/roadmap: ${uri} is not a file URI.`);
      const report = reportFor(path);
      if (!report) throw new ResponseError(ErrorCodes.InvalidParams, `pm/roadmap: cannot read ${path}; check that the file exists.`);
      return [fullPayload(report)];
    }
    const out: PmRoadmap[] = [];
    for (const f of roadmapFiles()) {
      const r = reportFor(f);
      if (r) out.push(fullPayload(r));
    }
    return out;
  });

  connection.onRequest(RoadmapUpdateRequest, (params) => {
    const path = uriToPath(params.textDocument.uri);
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `pm/roadmapUpdate: ${params.textDocument.uri} is not a file URI.`);
    const before = sent.get(path);
    const report = reportFor(path);
    if (!report) throw new ResponseError(ErrorCodes.InvalidParams, `pm/roadmapUpdate: cannot read ${path}; check that the file exists.`);
    return { roadmap: toPayload(report, before && before.resultId === params.previousResultId ? before.phases : null) };
  });

  connection.onRequest(SpecsRequest, (): PmSpecSummary[] => {
    const linked = new Set<string>();
    for (const f of roadmapFiles()) {
      const r = reportFor(f);
      if (r) for (const i of roadmapItems(r.roadmap)) if (i.spec) linked.add(i.spec.path);
    }
    const out: PmSpecSummary[] = [];
    for (const f of markdownFiles()) {
      const h = specInspector().inspect(f);
      if (!h.isSpec || specInspector().isRoadmap(f)) continue;
      out.push({ uri: pathToUri(f), title: h.title, template: h.template, status: h.status, owner: h.owner, errors: h.errors, warnings: h.warnings, onRoadmap: linked.has(f) });
    }
    return out.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  });

  /** The roadmap's current text, parsed, for an edit request. */
  const editTarget = (uri: string) => {
    const path = uriToPath(uri);
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `${uri} is not a file URI.`);
    const read = readFor(path);
    if (!read) throw new ResponseError(ErrorCodes.InvalidParams, `${path}: cannot read the roadmap; check that the file exists.`);
    return { path, ...read };
  };
  const asResponseError = (e: unknown): never => {
    if (e instanceof RoadmapEditError) throw new ResponseError(e.kind === "stale" ? LSPErrorCodes.ContentModified : ErrorCodes.InvalidParams, e.message);
    throw e;
  };

  connection.onRequest(RoadmapItemEditRequest, (params): WorkspaceEdit => {
    const { path, doc, roadmap } = editTarget(params.uri);
    try {
      return { changes: { [params.uri]: itemStatusEdits(doc, roadmap, path, params.line, params.expectedLineText, params.status as ItemStatus) } };
    } catch (e) {
      return asResponseError(e);
    }
  });

  connection.onRequest(LinkSpecEditRequest, (params): WorkspaceEdit => {
    const { path, doc, roadmap } = editTarget(params.uri);
    const specPath = uriToPath(params.specUri);
    if (!specPath) throw new ResponseError(ErrorCodes.InvalidParams, `pm/linkSpecEdit: specUri ${params.specUri} is not a file URI.`);
    const label = params.label?.trim() || (specInspector().inspect(specPath).title ?? basename(specPath).replace(MARKDOWN_FILE, ""));
    try {
      return { changes: { [params.uri]: [linkSpecEdit(doc, roadmap, path, params.line, params.expectedLineText, specPath, label)] } };
    } catch (e) {
      return asResponseError(e);
    }
  });

  // ---- change notifications -----------------------------------------------------------------

  const pendingUris = new Set<string>();
  let refreshAll = false;
  let timer: NodeJS.Timeout | null = null;
  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = null;
      const uris = refreshAll ? [] : [...pendingUris];
      pendingUris.clear();
      refreshAll = false;
      void connection.sendNotification(RoadmapChangedNotification, { uris });
    }, NOTIFY_DELAY_MS);
  };
  /** Roadmaps affected by a change to `path`: itself when it is one, and those linking it. */
  const affected = (path: string, text: string | null): void => {
    let hit = false;
    if (linksOf.has(path) || isRoadmapFileName(path) || (text !== null && /^template:\s*["']?roadmap\b/m.test(text))) {
      pendingUris.add(pathToUri(path));
      hit = true;
    }
    for (const [roadmap, specs] of linksOf) {
      if (specs.has(path)) {
        pendingUris.add(pathToUri(roadmap));
        hit = true;
      }
    }
    if (hit) schedule();
  };

  documents.onDidChangeContent((e) => {
    const path = uriToPath(e.document.uri);
    if (!path || !MARKDOWN_FILE.test(path)) return;
    const idx = e.document.index;
    const head: string[] = [];
    for (let l = 0; l < Math.min(idx.lineCount, 40); l++) head.push(idx.line(l));
    affected(path, head.join("\n"));
  });
  documents.onDidClose((e) => {
    const path = uriToPath(e.document.uri);
    if (path) {
      caches.delete(path);
      lastRead.delete(path);
    }
  });

  return {
    report: reportFor,
    phaseKeys,
    filesChanged(changes) {
      for (const c of changes) {
        const path = uriToPath(c.uri);
        if (!path) continue;
        diskText.delete(path);
        lastRead.delete(path);
        cachedInspector?.forget(path);
        // Created (1) or deleted (3): the file list, and so orphans, changed.
        if (c.type !== 2 || !MARKDOWN_FILE.test(path)) {
          listing = null;
          refreshAll = true;
          schedule();
        } else affected(path, null);
      }
    },
  };
}
