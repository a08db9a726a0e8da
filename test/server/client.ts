/**
 * A minimal LSP client for protocol tests: starts dist/server.js over stdio, answers the
 * server's requests (configuration, registerCapability, progress), and lets tests wait for
 * events (published diagnostics) instead of sleeping.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, realpathSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from "vscode-jsonrpc/node";
import type { ClientCapabilities, Diagnostic, InitializeResult, PublishDiagnosticsParams, TextDocumentContentChangeEvent, TextEdit, WorkspaceEdit } from "vscode-languageserver-protocol";
import { TextDocument } from "vscode-languageserver-textdocument";
import { SERVER } from "../helpers";

export interface ClientOptions {
  /** Workspace folder (absolute). */
  root: string;
  /** Answer to workspace/configuration for "pmWorkbench". */
  settings?: Record<string, unknown>;
  /** Advertise pull diagnostics (textDocument/diagnostic). */
  pull?: boolean;
  initializationOptions?: Record<string, unknown>;
  capabilities?: ClientCapabilities;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
}

export function defaultCapabilities(pull: boolean): ClientCapabilities {
  return {
    textDocument: {
      synchronization: { dynamicRegistration: false },
      publishDiagnostics: { versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
      codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix", "source", "source.fixAll"] } }, isPreferredSupport: true, dataSupport: true },
      completion: { completionItem: { snippetSupport: true } },
      hover: { contentFormat: ["markdown", "plaintext"] },
      documentSymbol: { hierarchicalDocumentSymbolSupport: true },
      foldingRange: {},
      ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
    },
    workspace: {
      configuration: true,
      workspaceFolders: true,
      workspaceEdit: { documentChanges: true },
      didChangeWatchedFiles: { dynamicRegistration: true },
      didChangeConfiguration: { dynamicRegistration: true },
      ...(pull ? { diagnostics: { refreshSupport: true } } : {}),
    },
    window: { workDoneProgress: true },
  };
}

type Waiter = { match: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly proc: ChildProcess;
  readonly conn: MessageConnection;
  readonly logs: string[] = [];
  readonly registrations: string[] = [];
  /** Latest published diagnostics per URI. */
  readonly published = new Map<string, PublishDiagnosticsParams>();
  readonly configurationRequests: unknown[] = [];
  refreshRequests = 0;
  settings: Record<string, unknown>;
  private waiters: Waiter[] = [];
  private stderr = "";
  private readonly docs = new Map<string, TextDocument>();
  readonly exited: Promise<number | null>;

  constructor(readonly options: ClientOptions) {
    this.settings = options.settings ?? {};
    this.proc = spawn(process.execPath, [SERVER, "--stdio"], { cwd: options.root, stdio: ["pipe", "pipe", "pipe"], env: { ...process.env, ...options.env } });
    this.proc.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.proc.on("exit", (code) => resolve(code)));
    this.conn = createMessageConnection(new StreamMessageReader(this.proc.stdout!), new StreamMessageWriter(this.proc.stdin!));
    this.conn.onRequest("workspace/configuration", (params: { items: Array<{ section?: string }> }) => {
      this.configurationRequests.push(params);
      return params.items.map((i) => (i.section === "pmWorkbench" ? this.settings : null));
    });
    this.conn.onRequest("client/registerCapability", (params: { registrations: Array<{ method: string }> }) => {
      for (const r of params.registrations) this.registrations.push(r.method);
      return null;
    });
    this.conn.onRequest("client/unregisterCapability", () => null);
    this.conn.onRequest("window/workDoneProgress/create", () => null);
    this.conn.onRequest("workspace/diagnostic/refresh", () => {
      this.refreshRequests++;
      return null;
    });
    this.conn.onNotification("window/logMessage", (p: { message: string }) => {
      this.logs.push(p.message);
    });
    this.conn.onNotification("textDocument/publishDiagnostics", (p: PublishDiagnosticsParams) => {
      this.published.set(p.uri, p);
      const ready = this.waiters.filter((w) => w.match(p));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    this.conn.listen();
  }

  async initialize(): Promise<InitializeResult> {
    const uri = pathToFileURL(this.options.root).href;
    const result = await this.conn.sendRequest<InitializeResult>("initialize", {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: "ws" }],
      capabilities: this.options.capabilities ?? defaultCapabilities(this.options.pull ?? false),
      ...(this.options.initializationOptions ? { initializationOptions: this.options.initializationOptions } : {}),
    });
    await this.conn.sendNotification("initialized", {});
    return result;
  }

  /** Resolves with the next published diagnostics for `uri` that satisfy `match` (e.g. a version). */
  nextDiagnostics(uri: string, match: (p: PublishDiagnosticsParams) => boolean = () => true, timeoutMs = 10000): Promise<PublishDiagnosticsParams> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; server stderr: ${this.stderr}; logs: ${this.logs.join("\n")}`)), timeoutMs);
      this.waiters.push({
        match: (p) => p.uri === uri && match(p),
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }

  /** Opens a document and waits for its pushed diagnostics. */
  async open(uri: string, text: string, version = 1): Promise<Diagnostic[]> {
    const wait = this.nextDiagnostics(uri, (p) => p.version === undefined || p.version === version);
    this.openNoWait(uri, text, version);
    return (await wait).diagnostics;
  }

  openNoWait(uri: string, text: string, version = 1): void {
    this.docs.set(uri, TextDocument.create(uri, "markdown", version, text));
    this.conn.sendNotification("textDocument/didOpen", { textDocument: { uri, languageId: "markdown", version, text } }).catch(() => undefined); // the server may be gone when a test ends
  }

  /** Sends incremental changes and waits for the diagnostics of the new version. */
  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<Diagnostic[]> {
    const version = this.changeNoWait(uri, changes);
    return (await this.nextDiagnostics(uri, (p) => p.version === version)).diagnostics;
  }

  changeNoWait(uri: string, changes: TextDocumentContentChangeEvent[]): number {
    const doc = this.docs.get(uri);
    if (!doc) throw new Error(`${uri} is not open`);
    const version = doc.version + 1;
    this.docs.set(uri, TextDocument.update(doc, changes, version));
    this.conn.sendNotification("textDocument/didChange", { textDocument: { uri, version }, contentChanges: changes }).catch(() => undefined); // the server may be gone when a test ends
    return version;
  }

  text(uri: string): string {
    return this.docs.get(uri)!.getText();
  }

  version(uri: string): number {
    return this.docs.get(uri)!.version;
  }

  /**
   * Applies a workspace edit to the open document the way an editor does: a versioned
   * TextDocumentEdit for another version is refused.
   */
  applyEdit(edit: WorkspaceEdit): { applied: boolean; version: number } {
    const perUri: Array<{ uri: string; version: number | null; edits: TextEdit[] }> = [];
    for (const c of edit.documentChanges ?? []) {
      if ("textDocument" in c) perUri.push({ uri: c.textDocument.uri, version: c.textDocument.version, edits: c.edits as TextEdit[] });
    }
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) perUri.push({ uri, version: null, edits });
    for (const p of perUri) {
      const doc = this.docs.get(p.uri);
      if (!doc || (p.version !== null && p.version !== doc.version)) return { applied: false, version: doc?.version ?? -1 };
    }
    let version = -1;
    for (const p of perUri) {
      const doc = this.docs.get(p.uri)!;
      const text = TextDocument.applyEdits(doc, p.edits);
      version = this.changeNoWait(p.uri, [{ text }]);
    }
    return { applied: true, version };
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest<R>(method, params);
  }

  notify(method: string, params: unknown): Promise<void> {
    return this.conn.sendNotification(method, params);
  }

  async shutdown(): Promise<number | null> {
    await this.conn.sendRequest("shutdown");
    await this.conn.sendNotification("exit");
    const code = await this.exited;
    this.conn.dispose();
    return code;
  }

  /** Kills the server if a test failed before shutdown. */
  dispose(): void {
    if (this.proc.exitCode === null) this.proc.kill();
    this.conn.dispose();
  }

  get serverStderr(): string {
    return this.stderr;
  }
}

/** A fresh workspace folder with the given files (paths relative to it). */
export function makeWorkspace(files: Record<string, string>): string {
  const root = realpathSync(mkdtempSync(join(tmpdir(), "pmw-server-")));
  for (const [rel, text] of Object.entries(files)) {
    const p = join(root, rel);
    mkdirSync(dirname(p), { recursive: true });
    writeFileSync(p, text);
  }
  return root;
}

export function uriOf(path: string): string {
  return pathToFileURL(path).href;
}

/** Starts a server on a workspace with `files`, initialized. */
export async function startClient(files: Record<string, string> = {}, opts: Omit<ClientOptions, "root"> = {}): Promise<{ client: TestClient; root: string; uri: (rel: string) => string }> {
  const root = makeWorkspace(files);
  const client = new TestClient({ root, ...opts });
  await client.initialize();
  return { client, root, uri: (rel) => uriOf(join(root, rel)) };
}
