/**
 * workspace/symbol: the sections of every spec in the workspace. Files on disk are parsed once
 * (headings only, no lint) and kept until a watched-file change names them or their mtime or size
 * moves; the file list is kept until any watched file changes. Open documents answer from their
 * lint result, so nothing here runs per keystroke.
 */
import { statSync, readFileSync } from "node:fs";
import { basename } from "node:path";
import { SymbolKind, type CancellationToken, type SymbolInformation } from "vscode-languageserver/node";
import { parseDocument, type ParsedDocument } from "../core/document";
import { stripBom } from "../core/text";
import { walkMarkdown } from "../node/files";
import { pathToUri } from "./convert";

export interface SectionSymbol {
  title: string;
  /** Catalog id when known (open documents are matched against their template). */
  id: string | null;
  line: number;
  level: number;
}

interface Cached {
  mtimeMs: number;
  size: number;
  sections: SectionSymbol[];
}

/** Case-insensitive subsequence match, as editors filter symbol names. */
function fuzzyMatch(query: string, name: string): boolean {
  if (!query) return true;
  const q = query.toLowerCase();
  const n = name.toLowerCase();
  let i = 0;
  for (const c of n) if (c === q[i]) i++;
  return i === q.length;
}

export class WorkspaceSymbols {
  private files: string[] | null = null;
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly folders: () => string[],
    /** Whether a parsed file on disk is a spec (names a template, not ignored, not a template). */
    private readonly isSpec: (path: string, doc: ParsedDocument) => boolean,
    /** Whether the client reports file changes; without it the file list is walked per query. */
    private readonly watching: () => boolean,
  ) {}

  /** Forgets the named files (null: everything) and the file list. */
  invalidate(paths: readonly string[] | null): void {
    this.files = null;
    if (paths === null) this.cache.clear();
    else for (const p of paths) this.cache.delete(p);
  }

  query(query: string, open: (path: string) => SectionSymbol[] | null, token: CancellationToken): SymbolInformation[] {
    const out: SymbolInformation[] = [];
    for (const path of this.list()) {
      if (token.isCancellationRequested) break;
      const sections = open(path) ?? this.fromDisk(path);
      if (!sections.length) continue;
      const uri = pathToUri(path);
      const container = basename(path);
      for (const s of sections) {
        const name = s.title || "#".repeat(s.level);
        if (!fuzzyMatch(query, name) && !(s.id && fuzzyMatch(query, s.id))) continue;
        out.push({ name, kind: SymbolKind.String, location: { uri, range: { start: { line: s.line, character: 0 }, end: { line: s.line, character: 0 } } }, containerName: container });
      }
    }
    return out;
  }

  private list(): string[] {
    if (this.files) return this.files;
    const seen = new Set<string>();
    for (const root of this.folders()) for (const p of walkMarkdown(root)) seen.add(p);
    const files = [...seen];
    if (this.watching()) this.files = files;
    return files;
  }

  private fromDisk(path: string): SectionSymbol[] {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return [];
    }
    const hit = this.cache.get(path);
    if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.sections;
    let sections: SectionSymbol[] = [];
    try {
      const doc = parseDocument(path, stripBom(readFileSync(path, "utf8")).text);
      if (this.isSpec(path, doc)) sections = doc.sections.map((s) => ({ title: s.title, id: null, line: s.heading.line, level: s.level }));
    } catch {
      /* unreadable or vanished: no symbols */
    }
    this.cache.set(path, { mtimeMs: stat.mtimeMs, size: stat.size, sections });
    return sections;
  }
}
