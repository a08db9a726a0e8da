/**
 * PM: Show Roadmap Timeline: the server's picture of a roadmap in a webview beside the editor,
 * re-requested as the roadmap or its specs change. The page is written once; after that the
 * server answers with only the phases, or the cards, that changed and the webview's script swaps
 * those in. The
 * script also reports clicks by item number; what a number opens is decided here, from the
 * server's answer.
 */
import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { RoadmapRequest, RoadmapTimelineRequest, type PmRoadmapTimeline, type PmTimelineItemTarget, type RoadmapChangedParams } from "../protocol";
import { messageLanguage } from "./client";

export const SHOW_TIMELINE_COMMAND = "pmWorkbench.showRoadmapTimeline";
const VIEW_TYPE = "pmWorkbench.roadmapTimeline";
/** Roadmap files by URI, for the editor-title button on roadmaps not named ROADMAP.md. */
const ROADMAP_URIS_CONTEXT = "pmWorkbench.roadmapUris";

type Lang = "en" | "zh-CN";
const uiLang = (): Lang => messageLanguage() ?? (vscode.env.language.toLowerCase().startsWith("zh") ? "zh-CN" : "en");

interface CardMessage {
  type: "openItem" | "openSpec";
  item: number;
}

class TimelinePanel implements vscode.Disposable {
  private readonly disposables: vscode.Disposable[] = [];
  /** The picture the webview shows: its result id and what each card opens. */
  private shown: { resultId: string; items: PmTimelineItemTarget[] } | null = null;
  /** The result id of the page written into `webview.html`: what a reloaded webview shows. */
  private pageResultId: string | null = null;
  private inFlight: Promise<void> | null = null;
  private again = false;
  /** The next request asks for the whole page (the webview reloaded, or lost track). */
  private wantPage = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    public uri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly media: vscode.Uri,
    onDispose: () => void,
  ) {
    panel.onDidDispose(() => {
      this.dispose();
      onDispose();
    }, null, this.disposables);
    panel.webview.onDidReceiveMessage((m: unknown) => void this.open(m), null, this.disposables);
  }

  /** Renders again; calls made while a request is out are folded into one more request. */
  refresh(): Promise<void> {
    if (this.inFlight) {
      this.again = true;
      return this.inFlight;
    }
    this.inFlight = (async () => {
      try {
        do {
          this.again = false;
          await this.render();
        } while (this.again);
      } finally {
        this.inFlight = null;
      }
    })();
    return this.inFlight;
  }

  private async render(): Promise<void> {
    const previousResultId = this.wantPage ? null : (this.shown?.resultId ?? null);
    this.wantPage = false;
    let next;
    try {
      next = await this.client.sendRequest(RoadmapTimelineRequest, { textDocument: { uri: this.uri.toString() }, lang: uiLang(), previousResultId });
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t("Cannot show the roadmap timeline: {0}", e instanceof Error ? e.message : String(e)));
      return;
    }
    this.panel.title = vscode.l10n.t("Timeline: {0}", next.title);
    if (next.kind === "phases" && this.shown) {
      const items = this.shown.items;
      for (const p of next.phases) {
        if (p.kind === "cards") {
          if (p.items) items.splice(p.firstItem, p.replacedItems ?? p.items.length, ...p.items);
          if (p.linesMoved) for (let n = p.firstItem; n < p.firstItem + p.linesMoved.items; n++) items[n] = { ...items[n]!, line: items[n]!.line + p.linesMoved.by };
          for (const c of p.cards) items[c.item] = c.target;
        } else items.splice(p.firstItem, p.replacedItems, ...p.items);
      }
      this.shown = { resultId: next.resultId, items };
      const phases = next.phases.map((p) => (p.kind === "cards" ? { kind: p.kind, index: p.index, head: p.head, lane: p.lane, splice: p.splice, cards: p.cards.map(({ at, html }) => ({ at, html })) } : { kind: p.kind, index: p.index, html: p.html, lane: p.lane }));
      await this.panel.webview.postMessage({ type: "phases", head: next.head, phases, total: next.total });
      return;
    }
    if (next.kind !== "page") return;
    const first = this.shown === null;
    this.shown = { resultId: next.resultId, items: next.items };
    // The first time the page is written; afterwards only its body is replaced (keeps the scroll position).
    // A webview hidden and shown again reloads that first page; its script then says "ready" and gets the latest page.
    if (first) {
      this.pageResultId = next.resultId;
      this.panel.webview.html = this.page(next);
    } else await this.panel.webview.postMessage({ type: "page", html: next.html });
  }

  private page(t: PmRoadmapTimeline): string {
    const webview = this.panel.webview;
    const nonce = randomBytes(18).toString("base64");
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.media, "timeline.js"));
    const csp = [`default-src 'none'`, `style-src 'nonce-${nonce}'`, `img-src ${webview.cspSource} data:`, `script-src 'nonce-${nonce}'`].join("; ");
    return [
      "<!DOCTYPE html>",
      `<html lang="${uiLang()}">`,
      `<head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${csp}">`,
      `<meta name="viewport" content="width=device-width, initial-scale=1">`,
      `<style nonce="${nonce}">body{margin:0;padding:0}${t.css}</style></head>`,
      `<body><div id="root">${t.html}</div><script nonce="${nonce}" src="${script.toString()}"></script></body>`,
      "</html>",
    ].join("\n");
  }

  private async open(message: unknown): Promise<void> {
    const m = message as { type?: CardMessage["type"] | "ready" | "resync"; item?: unknown } | null;
    // A reloaded page shows what was written into webview.html; one that could not apply an update shows something older still.
    if (m?.type === "ready" || m?.type === "resync") {
      if (m.type === "resync" || (this.shown && this.shown.resultId !== this.pageResultId)) {
        this.wantPage = true;
        await this.refresh();
      }
      return;
    }
    const target = typeof m?.item === "number" ? this.shown?.items[m.item] : undefined;
    if (!target) return;
    if (m?.type === "openSpec" && target.specUri) {
      const spec = vscode.Uri.parse(target.specUri);
      if (spec.scheme === "file") await vscode.window.showTextDocument(spec, { viewColumn: this.editorColumn() });
      return;
    }
    if (m?.type !== "openItem") return;
    const position = new vscode.Position(target.line, 0);
    await vscode.window.showTextDocument(this.uri, { viewColumn: this.editorColumn(), selection: new vscode.Range(position, position) });
  }

  /** The column of an editor already showing the roadmap, else the first one: never the panel's own. */
  private editorColumn(): vscode.ViewColumn {
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri.toString());
    return visible?.viewColumn ?? vscode.ViewColumn.One;
  }

  dispose(): void {
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** The roadmap the command is about: the argument, the active editor's file when it is a roadmap, else one the user picks. */
async function chooseRoadmap(client: LanguageClient, arg: unknown): Promise<vscode.Uri | undefined> {
  if (arg instanceof vscode.Uri) return arg;
  const nodeUri = (arg as { roadmap?: { uri?: unknown } } | undefined)?.roadmap?.uri;
  if (typeof nodeUri === "string") return vscode.Uri.parse(nodeUri);
  const roadmaps = await client.sendRequest(RoadmapRequest, {});
  void vscode.commands.executeCommand("setContext", ROADMAP_URIS_CONTEXT, roadmaps.map((r) => r.uri));
  const active = vscode.window.activeTextEditor?.document.uri.toString();
  const current = roadmaps.find((r) => r.uri === active);
  if (current) return vscode.Uri.parse(current.uri);
  if (roadmaps.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("No roadmap in this workspace: a ROADMAP.md, or a file with template: roadmap."));
    return undefined;
  }
  if (roadmaps.length === 1) return vscode.Uri.parse(roadmaps[0]!.uri);
  const picked = await vscode.window.showQuickPick(
    roadmaps.map((r) => ({ label: r.title, description: vscode.workspace.asRelativePath(vscode.Uri.parse(r.uri)), uri: r.uri })),
    { placeHolder: vscode.l10n.t("Roadmap to show") },
  );
  return picked ? vscode.Uri.parse(picked.uri) : undefined;
}

export function registerTimelineView(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, onRoadmapChanged: vscode.Event<RoadmapChangedParams>): void {
  const media = vscode.Uri.joinPath(context.extensionUri, "media");
  let current: TimelinePanel | undefined;

  const show = async (arg?: unknown) => {
    await ready;
    const uri = await chooseRoadmap(client, arg);
    if (!uri) return;
    if (current) {
      current.uri = uri;
      current.panel.reveal(vscode.ViewColumn.Beside, true);
    } else {
      const panel = vscode.window.createWebviewPanel(VIEW_TYPE, vscode.l10n.t("Roadmap Timeline"), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [media], retainContextWhenHidden: false });
      panel.iconPath = vscode.Uri.joinPath(media, "pm-workbench.svg");
      current = new TimelinePanel(panel, uri, client, media, () => (current = undefined));
    }
    await current.refresh();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(SHOW_TIMELINE_COMMAND, show),
    // Typing in the roadmap: ask at once, not after the server's debounced notification.
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (current && e.contentChanges.length > 0 && e.document.uri.toString() === current.uri.toString()) void current.refresh();
    }),
    { dispose: () => current?.panel.dispose() },
  );
  context.subscriptions.push(
    onRoadmapChanged(({ uris }) => {
      if (current && (uris.length === 0 || uris.includes(current.uri.toString()))) void current.refresh();
    }),
  );
  void ready.then(() => {
    void client.sendRequest(RoadmapRequest, {}).then(
      (roadmaps) => vscode.commands.executeCommand("setContext", ROADMAP_URIS_CONTEXT, roadmaps.map((r) => r.uri)),
      () => undefined,
    );
  });
}
