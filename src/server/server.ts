/**
 * The language server: a thin adapter from LSP to src/core. Documents are linted by lintText with
 * one chunk cache per open document (only edited chunks re-parse); results are cached per document
 * version and workspace generation and feed diagnostics, code actions, completion, hover, symbols,
 * folding and pm/specStatus.
 */
import { readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type ClientCapabilities,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceDocumentDiagnosticReport,
} from "vscode-languageserver/node";
import { lintText, relativePath, type LintResult } from "../core/lint";
import type { Rule } from "../core/rule";
import { specCompleteness } from "../core/specStatus";
import { stripBom } from "../core/text";
import { LANGS, type Lang } from "../core/types";
import { walkMarkdown } from "../node/files";
import { DIAGNOSTIC_SOURCE, FIX_ALL_KIND, SETTINGS_SECTION, SpecStatusRequest, type PmInitializationOptions, type PmSettings, type SpecStatus } from "../protocol";
import { ChunkCache } from "../core/markdown";
import { codeActions } from "./codeActions";
import { complete } from "./completion";
import { errorDiagnostic, pathToUri, toDiagnostic, uriToPath } from "./convert";
import { hover } from "./hover";
import { registerSpecRequests } from "./specRequests";
import { LineDocument } from "./lineDocument";
import { documentSymbols, foldingRanges } from "./outline";
import { WorkspaceSymbols, type SectionSymbol } from "./workspaceSymbols";
import { Workspaces, type LoadedWorkspace } from "./workspaces";
import { registerRoadmap } from "./roadmap";
import { registerTimeline } from "./timeline";

declare const PMW_VERSION: string;

interface LintEntry {
  version: number;
  generation: number;
  epoch: number;
  path: string;
  loaded: LoadedWorkspace;
  result: LintResult;
  diagnostics: Diagnostic[];
}

interface DocState {
  cache: ChunkCache;
  last: LintEntry | null;
}

const MARKDOWN_FILE = /\.(md|markdown)$/i;
const WORKSPACE_FILE = /[\\/]\.pm[\\/](config\.jsonc|templates[\\/].*\.md)$/;

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, "request cancelled");
}

/** Lets queued messages (a $/cancelRequest) in before continuing a long loop. */
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The client's list is in order of preference; a client that sends none gets plain text. */
function prefersMarkdown(formats: readonly string[] | undefined): boolean {
  const md = formats?.indexOf("markdown") ?? -1;
  const plain = formats?.indexOf("plaintext") ?? -1;
  return md >= 0 && (plain < 0 || md < plain);
}

function sanitizeSettings(raw: unknown): PmSettings {
  const out: PmSettings = {};
  if (!raw || typeof raw !== "object") return out;
  const r = raw as Record<string, unknown>;
  if (typeof r["lang"] === "string" && (LANGS as readonly string[]).includes(r["lang"])) out.lang = r["lang"] as Lang;
  if (typeof r["maxFileSize"] === "number" && Number.isFinite(r["maxFileSize"]) && r["maxFileSize"] > 0) out.maxFileSize = r["maxFileSize"];
  return out;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments<LineDocument>(LineDocument);
  const states = new Map<string, DocState>();
  const loggedRuleErrors = new Set<string>();
  /** Config/template error diagnostics currently shown, by root: the URIs they are on. */
  const configDiagnostics = new Map<string, Set<string>>();
  let caps: ClientCapabilities = {};
  let settingsLoaded = true;
  let settingsReady: Promise<void> = Promise.resolve();
  let push = true;
  let pull = false;
  let initOptions: PmInitializationOptions = {};
  /** Bumped when files on disk change: results that read other files (links) are stale. */
  let epoch = 0;
  const diskCache = new Map<string, { resultId: string; diagnostics: Diagnostic[] }>();

  const log = (message: string) => connection.console.error(message);

  const workspaces = new Workspaces(
    (rule: Rule, file: string, error: unknown) => {
      if (loggedRuleErrors.has(rule.name)) return;
      loggedRuleErrors.add(rule.name);
      log(`pm-workbench: rule ${rule.name} failed on ${file} and was skipped (logged once): ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    },
    (loaded) => publishConfigErrors(loaded),
  );

  function publishConfigErrors(loaded: LoadedWorkspace): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const e of loaded.ws.errors) {
      const uri = pathToUri(e.file);
      byUri.set(uri, [...(byUri.get(uri) ?? []), errorDiagnostic(e)]);
    }
    const before = configDiagnostics.get(loaded.ws.root) ?? new Set<string>();
    for (const uri of before) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    for (const [uri, diagnostics] of byUri) void connection.sendDiagnostics({ uri, diagnostics });
    configDiagnostics.set(loaded.ws.root, new Set(byUri.keys()));
  }

  function docPath(doc: LineDocument): string {
    return uriToPath(doc.uri) ?? workspaces.virtualPath(basename(doc.uri.replace(/[?#].*$/, "")) || "untitled.md");
  }

  function isMarkdown(doc: LineDocument): boolean {
    return doc.languageId === "markdown" || MARKDOWN_FILE.test(doc.uri.replace(/[?#].*$/, ""));
  }

  function diagnosticsOf(result: LintResult, loaded: LoadedWorkspace, path: string, uri: string): Diagnostic[] {
    if (!result.isSpec) return [];
    if (loaded.env.config.isIgnored(relativePath(loaded.ws.root, path))) return [];
    return result.findings.map((f) => toDiagnostic(f, uri));
  }

  /** Lints an open document, reusing the result for the same version and workspace generation. */
  function lintDoc(doc: LineDocument): LintEntry | null {
    if (!isMarkdown(doc)) return null;
    let st = states.get(doc.uri);
    if (!st) {
      st = { cache: new ChunkCache(), last: null };
      states.set(doc.uri, st);
    }
    const path = docPath(doc);
    const loaded = workspaces.forFile(path);
    const last = st.last;
    if (last && last.version === doc.version && last.generation === loaded.generation && last.epoch === epoch) return last;
    st.cache.nextGeneration();
    const result = lintText(path, doc.source, loaded.env, st.cache);
    const entry: LintEntry = { version: doc.version, generation: loaded.generation, epoch, path, loaded, result, diagnostics: diagnosticsOf(result, loaded, path, doc.uri) };
    st.last = entry;
    return entry;
  }

  /** Lints a file on disk (not open in the editor). */
  function lintFile(path: string): { loaded: LoadedWorkspace; result: LintResult } | null {
    let text: string;
    try {
      text = stripBom(readFileSync(path, "utf8")).text;
    } catch {
      return null;
    }
    const loaded = workspaces.forFile(path);
    return { loaded, result: lintText(path, text, loaded.env) };
  }

  function openDocByPath(path: string): LineDocument | undefined {
    for (const doc of documents.all()) if (uriToPath(doc.uri) === path) return doc;
    return undefined;
  }

  function resultIdOf(entry: LintEntry): string {
    return `${entry.generation}.${entry.epoch}.v${entry.version}`;
  }

  // ---- push diagnostics -------------------------------------------------------------------

  const pending = new Set<string>();
  function scheduleLint(uri: string): void {
    if (!push || pending.has(uri)) return;
    pending.add(uri);
    if (!settingsLoaded) {
      // The first lint waits for the editor's settings, so messages never flip language.
      void settingsReady.then(() => {
        pending.delete(uri);
        scheduleLint(uri);
      });
      return;
    }
    // Coalesces a burst of changes already queued: only the newest version is linted.
    setImmediate(() => {
      pending.delete(uri);
      const doc = documents.get(uri);
      if (!doc) return;
      try {
        const entry = lintDoc(doc);
        void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: entry?.diagnostics ?? [] });
      } catch (e) {
        log(`pm-workbench: could not lint ${uri}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    });
  }

  function relintAll(): void {
    if (push) for (const doc of documents.all()) scheduleLint(doc.uri);
    if (pull && caps.workspace?.diagnostics?.refreshSupport) void connection.languages.diagnostics.refresh().catch(() => undefined);
  }

  documents.onDidChangeContent((e) => scheduleLint(e.document.uri));
  documents.onDidClose((e) => {
    states.delete(e.document.uri);
    if (push) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  // ---- lifecycle ----------------------------------------------------------------------------

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    caps = params.capabilities;
    initOptions = (params.initializationOptions ?? {}) as PmInitializationOptions;
    const mode = initOptions.diagnosticMode ?? "auto";
    const clientPulls = caps.textDocument?.diagnostic !== undefined;
    push = mode === "push" || mode === "both" || (mode === "auto" && !clientPulls);
    pull = mode === "pull" || mode === "both" || (mode === "auto" && clientPulls);
    const folders = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
    if (folders.length === 0 && params.rootUri) {
      const p = uriToPath(params.rootUri);
      if (p) folders.push(p);
    }
    if (folders.length === 0 && params.rootPath) folders.push(params.rootPath);
    workspaces.setFolders(folders);
    if (!caps.workspace?.configuration && initOptions.settings) workspaces.setSettings(sanitizeSettings(initOptions.settings));
    if (caps.workspace?.configuration) {
      settingsLoaded = false;
      let ready: () => void = () => undefined;
      settingsReady = new Promise<void>((resolve) => (ready = resolve)).then(() => {
        settingsLoaded = true;
      });
      settingsResolve = ready;
    }
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
        completionProvider: { triggerCharacters: [" ", "#", ":"] },
        hoverProvider: true,
        documentSymbolProvider: true,
        workspaceSymbolProvider: true,
        foldingRangeProvider: true,
        ...(pull ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: true, workspaceDiagnostics: true } } : {}),
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: "pm-workbench", version: PMW_VERSION },
    };
  });

  let settingsResolve: () => void = () => undefined;

  async function refreshSettings(): Promise<void> {
    if (!caps.workspace?.configuration) return;
    let raw: unknown;
    try {
      // A client that never answers must not stall linting: fall back to defaults after 2 s.
      raw = await Promise.race([connection.workspace.getConfiguration(SETTINGS_SECTION), new Promise((resolve) => setTimeout(() => resolve(undefined), 2000).unref())]);
    } catch (e) {
      log(`pm-workbench: could not read settings: ${String(e)}`);
      return;
    } finally {
      settingsResolve();
    }
    const next = sanitizeSettings(raw);
    if (JSON.stringify(next) === JSON.stringify(workspaces.getSettings())) return;
    workspaces.setSettings(next);
    for (const root of workspaces.getFolders()) workspaces.forRoot(root);
    relintAll();
  }

  connection.onInitialized(() => {
    if (caps.workspace?.didChangeWatchedFiles?.dynamicRegistration) {
      void connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: "**/.pm/config.jsonc" }, { globPattern: "**/.pm/templates/**/*.md" }, { globPattern: "**/*.{md,markdown}" }],
      });
    }
    if (caps.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION });
    }
    if (caps.workspace?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
        const added = e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== null);
        workspaces.setFolders([...workspaces.getFolders().filter((f) => !removed.has(f)), ...added]);
        symbols.invalidate(null);
        relintAll();
      });
    }
    // Config and template problems show up at once, not only when a spec is opened.
    for (const root of workspaces.getFolders()) workspaces.forRoot(root);
    void refreshSettings();
  });

  connection.onDidChangeConfiguration(() => {
    if (caps.workspace?.configuration) void refreshSettings();
  });

  const roadmaps = registerRoadmap(connection, documents, workspaces);
  registerTimeline(connection, roadmaps, workspaces);

  connection.onDidChangeWatchedFiles((params) => {
    roadmaps.filesChanged(params.changes);
    let workspaceChanged = false;
    for (const change of params.changes) {
      const p = uriToPath(change.uri) ?? change.uri;
      if (WORKSPACE_FILE.test(p)) workspaceChanged = true;
    }
    epoch++;
    diskCache.clear();
    symbols.invalidate(params.changes.map((c) => uriToPath(c.uri) ?? c.uri));
    if (workspaceChanged) {
      const roots = workspaces.knownRoots();
      workspaces.invalidate();
      // Reload now so config errors appear (or clear) without waiting for a lint.
      for (const root of roots) workspaces.forRoot(root);
    }
    relintAll();
  });

  /** Open documents answer from their lint result; files on disk from the symbol cache. */
  const symbols = new WorkspaceSymbols(
    () => workspaces.getFolders(),
    (path, doc) => {
      const loaded = workspaces.forFile(path);
      const rel = relativePath(loaded.ws.root, path);
      if (loaded.env.config.isIgnored(rel) || doc.frontMatter.data["pm-template"] !== undefined) return false;
      const t = doc.frontMatter.data["template"];
      return (typeof t === "string" && t.trim() !== "") || loaded.env.config.forFile(rel).template !== null;
    },
    () => caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
  );
  const openSymbolSource = (path: string): SectionSymbol[] | null => {
    const doc = openDocByPath(path);
    const entry = doc ? lintDoc(doc) : null;
    if (!entry) return null;
    return !entry.result.isSpec ? [] : entry.result.sections.map((s) => ({ title: s.title, id: s.id, line: s.heading.line, level: s.level }));
  };

  // ---- pull diagnostics ---------------------------------------------------------------------

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    await settingsReady;
    if (token.isCancellationRequested) throw cancelled();
    const doc = documents.get(params.textDocument.uri);
    if (doc) {
      const entry = lintDoc(doc);
      if (!entry) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
      if (token.isCancellationRequested) throw cancelled();
      const resultId = resultIdOf(entry);
      if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
      return { kind: DocumentDiagnosticReportKind.Full, resultId, items: entry.diagnostics };
    }
    const path = uriToPath(params.textDocument.uri);
    if (!path || !MARKDOWN_FILE.test(path)) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const r = diskReport(path, params.textDocument.uri, new Map());
    if (!r) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    if (r.kind === DocumentDiagnosticReportKind.Unchanged) return { kind: r.kind, resultId: r.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: r.resultId ?? "", items: r.items };
  });

  /** Report for a file that is not open: unchanged when its mtime, size and the workspace are. */
  function diskReport(path: string, uri: string, previous: Map<string, string>): WorkspaceDocumentDiagnosticReport | null {
    let stat;
    try {
      stat = statSync(path);
    } catch {
      return null;
    }
    const loaded = workspaces.forFile(path);
    const resultId = `${loaded.generation}.${epoch}.${stat.mtimeMs}.${stat.size}`;
    if (previous.get(uri) === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, uri, version: null, resultId };
    const cached = diskCache.get(path);
    if (cached?.resultId === resultId) return { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: cached.diagnostics };
    const linted = lintFile(path);
    if (!linted) return null;
    const diagnostics = diagnosticsOf(linted.result, linted.loaded, path, uri);
    diskCache.set(path, { resultId, diagnostics });
    return { kind: DocumentDiagnosticReportKind.Full, uri, version: null, resultId, items: diagnostics };
  }

  connection.languages.diagnostics.onWorkspace(async (params, token) => {
    await settingsReady;
    const previous = new Map(params.previousResultIds.map((p) => [p.uri, p.value]));
    const items: WorkspaceDocumentDiagnosticReport[] = [];
    const seen = new Set<string>();
    let lastYield = Date.now();
    for (const root of workspaces.getFolders()) {
      for (const path of walkMarkdown(root)) {
        if (seen.has(path)) continue;
        seen.add(path);
        if (Date.now() - lastYield > 10) {
          await yieldToEventLoop();
          lastYield = Date.now();
        }
        if (token.isCancellationRequested) throw cancelled();
        try {
          const doc = openDocByPath(path);
          if (doc) {
            const entry = lintDoc(doc);
            if (!entry) continue;
            const resultId = resultIdOf(entry);
            items.push(previous.get(doc.uri) === resultId ? { kind: DocumentDiagnosticReportKind.Unchanged, uri: doc.uri, version: doc.version, resultId } : { kind: DocumentDiagnosticReportKind.Full, uri: doc.uri, version: doc.version, resultId, items: entry.diagnostics });
          } else {
            const r = diskReport(path, pathToUri(path), previous);
            if (r) items.push(r);
          }
        } catch (e) {
          log(`pm-workbench: could not lint ${path}: ${String(e)}`);
        }
      }
    }
    return { items };
  });

  // ---- features -----------------------------------------------------------------------------

  const messageLang = (entry: LintEntry): Lang => workspaces.getSettings().lang ?? entry.result.lang;

  function entryFor(uri: string, token?: CancellationToken): LintEntry | null {
    if (token?.isCancellationRequested) return null;
    const doc = documents.get(uri);
    return doc ? lintDoc(doc) : null;
  }

  connection.onCodeAction((params, token) => {
    const doc = documents.get(params.textDocument.uri);
    const entry = entryFor(params.textDocument.uri, token);
    if (!doc || !entry) return [];
    return codeActions({
      uri: doc.uri,
      version: doc.version,
      text: stripBom(doc.getText()).text,
      result: entry.result,
      lang: messageLang(entry),
      diagnostics: params.context.diagnostics,
      only: params.context.only,
      documentChanges: caps.workspace?.workspaceEdit?.documentChanges === true,
      lint: (text) => lintText(entry.path, text, entry.loaded.env).findings,
    });
  });

  connection.onCompletion((params, token) => {
    const entry = entryFor(params.textDocument.uri, token);
    if (!entry) return [];
    const item = caps.textDocument?.completion?.completionItem;
    const format = { snippets: item?.snippetSupport === true, markdown: prefersMarkdown(item?.documentationFormat) };
    return complete(entry.result, entry.result.doc.lines, params.position, entry.loaded.ws.registry, messageLang(entry), format);
  });

  connection.onHover((params, token) => {
    const entry = entryFor(params.textDocument.uri, token);
    if (!entry || !entry.result.isSpec) return null;
    return hover(entry.result, params.position, entry.loaded.ws.registry, messageLang(entry), prefersMarkdown(caps.textDocument?.hover?.contentFormat));
  });

  connection.onWorkspaceSymbol((params, token) => symbols.query(params.query, openSymbolSource, token));

  connection.onDocumentSymbol((params, token) => {
    const entry = entryFor(params.textDocument.uri, token);
    return entry ? documentSymbols(entry.result) : [];
  });

  connection.onFoldingRanges((params, token) => {
    const entry = entryFor(params.textDocument.uri, token);
    return entry ? foldingRanges(entry.result) : [];
  });

  connection.onRequest(SpecStatusRequest, (params, token): SpecStatus | null => {
    if (token.isCancellationRequested) throw cancelled();
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    let linted: { loaded: LoadedWorkspace; result: LintResult } | null = null;
    if (doc) linted = lintDoc(doc);
    else {
      const path = uriToPath(uri);
      if (path && MARKDOWN_FILE.test(path)) linted = lintFile(path);
    }
    if (!linted) return null;
    return { uri, ...specCompleteness(linted.result, linted.loaded.ws.registry) };
  });

  registerSpecRequests(connection, {
    document: (uri) => documents.get(uri),
    lint: (doc) => lintDoc(doc),
    workspaceFor: (folder) => workspaces.forFile(join(folder, "new-spec.md")),
    today: () => new Date().toISOString().slice(0, 10),
  });

  documents.listen(connection);
  connection.listen();
}
