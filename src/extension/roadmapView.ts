/**
 * The Roadmap and Specs views: what the server's roadmap model says (phases, progress, items,
 * owners, due dates, the linked spec's health), refreshed when the server reports a change.
 * Ticking an item's checkbox or setting its status asks the server for the edit, which it
 * refuses if the line changed since the view read it.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { RoadmapChangedNotification, RoadmapItemEditRequest, RoadmapRequest, SpecsRequest, type PmItemStatus, type PmRoadmap, type PmRoadmapItem, type PmRoadmapPhase, type PmSpecSummary } from "../protocol";
import { pick } from "./prompts";

type Node =
  | { kind: "roadmap"; roadmap: PmRoadmap }
  | { kind: "phase"; roadmap: PmRoadmap; phase: PmRoadmapPhase }
  | { kind: "item"; roadmap: PmRoadmap; item: PmRoadmapItem }
  | { kind: "spec"; item: PmRoadmapItem };

const STATUS_ICON: Record<PmItemStatus, [string, string | undefined]> = {
  todo: ["circle-large-outline", undefined],
  "in-progress": ["sync", "charts.blue"],
  blocked: ["error", "errorForeground"],
  done: ["pass-filled", "testing.iconPassed"],
  dropped: ["circle-slash", "disabledForeground"],
  bet: ["lightbulb", "charts.yellow"],
};

const STATUSES: PmItemStatus[] = ["todo", "in-progress", "blocked", "done", "dropped"];

function health(errors: number, warnings: number): string {
  if (errors > 0) return vscode.l10n.t("{0} errors", errors);
  if (warnings > 0) return vscode.l10n.t("{0} warnings", warnings);
  return vscode.l10n.t("healthy");
}

function openAt(uri: string, line: number): vscode.Command {
  const position = new vscode.Position(line, 0);
  return { command: "vscode.open", title: vscode.l10n.t("Open"), arguments: [vscode.Uri.parse(uri), { selection: new vscode.Range(position, position) }] };
}

export class RoadmapTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly refreshed = new vscode.EventEmitter<PmRoadmap[]>();
  /** Fires with the model after each reload; tests wait on it. */
  readonly onDidRefresh = this.refreshed.event;
  roadmaps: PmRoadmap[] = [];
  private loading: Promise<PmRoadmap[]> | null = null;
  view: vscode.TreeView<Node> | undefined;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {}

  async reload(): Promise<PmRoadmap[]> {
    this.loading ??= (async () => {
      await this.ready;
      try {
        this.roadmaps = await this.client.sendRequest(RoadmapRequest, {});
      } finally {
        this.loading = null;
      }
      const attention = this.roadmaps.flatMap((r) => r.phases.flatMap((p) => p.items)).filter((i) => i.overdue || i.status === "blocked").length;
      if (this.view) this.view.badge = attention > 0 ? { value: attention, tooltip: vscode.l10n.t("{0} items overdue or blocked", attention) } : undefined;
      void vscode.commands.executeCommand("setContext", "pmWorkbench.hasRoadmap", this.roadmaps.length > 0);
      this.changed.fire(undefined);
      this.refreshed.fire(this.roadmaps);
      return this.roadmaps;
    })();
    return this.loading;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const roadmaps = this.loading ? await this.loading : this.roadmaps.length > 0 ? this.roadmaps : await this.reload();
      return roadmaps.map((roadmap) => ({ kind: "roadmap", roadmap }));
    }
    if (node.kind === "roadmap") return node.roadmap.phases.map((phase) => ({ kind: "phase", roadmap: node.roadmap, phase }));
    if (node.kind === "phase") return node.phase.items.map((item) => ({ kind: "item", roadmap: node.roadmap, item }));
    if (node.kind === "item" && node.item.spec) return [{ kind: "spec", item: node.item }];
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    switch (node.kind) {
      case "roadmap": {
        const t = new vscode.TreeItem(node.roadmap.title, vscode.TreeItemCollapsibleState.Expanded);
        t.description = vscode.workspace.asRelativePath(vscode.Uri.parse(node.roadmap.uri));
        t.iconPath = new vscode.ThemeIcon("milestone");
        t.command = openAt(node.roadmap.uri, 0);
        t.contextValue = "roadmap";
        return t;
      }
      case "phase": {
        const { phase } = node;
        const t = new vscode.TreeItem(phase.title, vscode.TreeItemCollapsibleState.Expanded);
        const dates = phase.start || phase.end ? ` · ${phase.start ?? ""}–${phase.end ?? ""}` : "";
        t.description = `${phase.progress.done}/${phase.progress.total}${dates}`;
        t.iconPath = new vscode.ThemeIcon(phase.progress.total > 0 && phase.progress.done === phase.progress.total ? "pass" : "layers");
        t.command = openAt(node.roadmap.uri, phase.line);
        t.contextValue = "phase";
        return t;
      }
      case "item": {
        const { item } = node;
        const t = new vscode.TreeItem(item.title, item.spec ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        const parts = [...item.owners.map((o) => `@${o}`)];
        if (item.due) parts.push(item.due);
        if (item.overdue) parts.push(vscode.l10n.t("overdue"));
        if (item.status === "blocked") parts.push(vscode.l10n.t("blocked"));
        if (item.spec) parts.push(item.spec.exists ? health(item.spec.errors, item.spec.warnings) : vscode.l10n.t("spec missing"));
        else parts.push(vscode.l10n.t("no spec"));
        t.description = parts.join(" · ");
        const [icon, color] = item.overdue ? ["warning", "list.warningForeground"] : STATUS_ICON[item.status];
        t.iconPath = new vscode.ThemeIcon(icon, color ? new vscode.ThemeColor(color) : undefined);
        t.tooltip = [item.title, `${vscode.l10n.t("status")}: ${item.status}`, item.note ?? ""].filter(Boolean).join("\n");
        t.checkboxState = item.status === "done" ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
        t.command = openAt(node.roadmap.uri, item.line);
        t.contextValue = item.spec?.exists ? "item.withSpec" : "item";
        return t;
      }
      case "spec": {
        const spec = node.item.spec!;
        const t = new vscode.TreeItem(vscode.workspace.asRelativePath(vscode.Uri.parse(spec.uri)), vscode.TreeItemCollapsibleState.None);
        t.description = spec.exists ? [spec.template, spec.status, health(spec.errors, spec.warnings)].filter(Boolean).join(" · ") : vscode.l10n.t("file not found");
        t.iconPath = new vscode.ThemeIcon(!spec.exists || spec.errors > 0 ? "error" : spec.warnings > 0 ? "warning" : "pass", new vscode.ThemeColor(!spec.exists || spec.errors > 0 ? "errorForeground" : spec.warnings > 0 ? "list.warningForeground" : "testing.iconPassed"));
        if (spec.exists) t.command = openAt(spec.uri, 0);
        t.contextValue = "spec";
        return t;
      }
    }
  }

  /** Sets an item's status through the server; returns whether the file was changed. */
  async setStatus(roadmapUri: string, item: PmRoadmapItem, status: PmItemStatus): Promise<boolean> {
    try {
      const edit = await this.client.sendRequest(RoadmapItemEditRequest, { uri: roadmapUri, line: item.line, expectedLineText: item.lineText, status });
      const uri = vscode.Uri.parse(roadmapUri);
      const wasOpenAndDirty = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty);
      const applied = await vscode.workspace.applyEdit(await this.client.protocol2CodeConverter.asWorkspaceEdit(edit));
      // A roadmap edited from the view is saved, unless the user has unsaved edits of their own in it.
      if (applied && !wasOpenAndDirty) await (await vscode.workspace.openTextDocument(uri)).save();
      await this.reload();
      return applied;
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t("Could not set the status of \"{0}\": {1}", item.title, e instanceof Error ? e.message : String(e)));
      await this.reload();
      return false;
    }
  }

  dispose(): void {
    this.changed.dispose();
    this.refreshed.dispose();
  }
}

export class SpecsTree implements vscode.TreeDataProvider<PmSpecSummary> {
  private readonly changed = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
  ) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(node?: PmSpecSummary): Promise<PmSpecSummary[]> {
    if (node) return [];
    await this.ready;
    return (await this.client.sendRequest(SpecsRequest, {})) ?? [];
  }

  getTreeItem(spec: PmSpecSummary): vscode.TreeItem {
    const uri = vscode.Uri.parse(spec.uri);
    const t = new vscode.TreeItem(spec.title ?? vscode.workspace.asRelativePath(uri), vscode.TreeItemCollapsibleState.None);
    const parts = [spec.template, spec.status, spec.owner ? `@${spec.owner}` : null, health(spec.errors, spec.warnings)];
    if (!spec.onRoadmap) parts.push(vscode.l10n.t("not on a roadmap"));
    t.description = parts.filter(Boolean).join(" · ");
    t.tooltip = vscode.workspace.asRelativePath(uri);
    t.resourceUri = uri;
    t.iconPath = new vscode.ThemeIcon(spec.errors > 0 ? "error" : spec.warnings > 0 ? "warning" : "pass", new vscode.ThemeColor(spec.errors > 0 ? "errorForeground" : spec.warnings > 0 ? "list.warningForeground" : "testing.iconPassed"));
    t.command = openAt(spec.uri, 0);
    return t;
  }
}

export function registerRoadmapViews(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): RoadmapTree {
  const roadmap = new RoadmapTree(client, ready);
  const specs = new SpecsTree(client, ready);
  const view = vscode.window.createTreeView("pmWorkbench.roadmap", { treeDataProvider: roadmap, showCollapseAll: true, manageCheckboxStateManually: true });
  roadmap.view = view;
  context.subscriptions.push(
    roadmap,
    view,
    vscode.window.createTreeView("pmWorkbench.specs", { treeDataProvider: specs }),
    view.onDidChangeCheckboxState(async (e) => {
      for (const [node, state] of e.items) {
        if (node.kind !== "item") continue;
        await roadmap.setStatus(node.roadmap.uri, node.item, state === vscode.TreeItemCheckboxState.Checked ? "done" : "todo");
      }
    }),
    vscode.commands.registerCommand("pmWorkbench.roadmap.refresh", async () => {
      specs.refresh();
      return roadmap.reload();
    }),
    vscode.commands.registerCommand("pmWorkbench.roadmap.setStatus", async (node?: Node, status?: PmItemStatus) => {
      if (node?.kind !== "item") return false;
      const chosen = status ?? (await pick(vscode.l10n.t("Set item status"), STATUSES.map((s) => ({ label: s, description: s === node.item.status ? vscode.l10n.t("current") : "", status: s })), { activeIndex: STATUSES.indexOf(node.item.status) }))?.status;
      return chosen ? roadmap.setStatus(node.roadmap.uri, node.item, chosen) : false;
    }),
    vscode.commands.registerCommand("pmWorkbench.roadmap.openSpec", async (node?: Node) => {
      const spec = node?.kind === "item" || node?.kind === "spec" ? node.item.spec : null;
      if (spec?.exists) await vscode.window.showTextDocument(vscode.Uri.parse(spec.uri));
    }),
  );
  void ready.then(() => {
    context.subscriptions.push(
      client.onNotification(RoadmapChangedNotification, () => {
        specs.refresh();
        void roadmap.reload();
      }),
    );
  });
  return roadmap;
}
