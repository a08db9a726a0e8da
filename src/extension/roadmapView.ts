/**
 * The Roadmap and Specs views: what the server's roadmap model says (phases, progress, items,
 * owners, due dates, the linked spec's health and its findings), refreshed when the server
 * reports a change. Ticking an item's checkbox, setting its status or linking a new spec asks
 * the server for the edit, which it refuses if the line changed since the view read it.
 * Filtering (by owner, tag or status) and grouping (by phase or owner) happen here: they only
 * choose what of the model to show.
 */
import * as vscode from "vscode";
import { DocumentDiagnosticReportKind, DocumentDiagnosticRequest, type LanguageClient, type WorkspaceEdit } from "vscode-languageclient/node";
import { LinkSpecEditRequest, RoadmapItemEditRequest, RoadmapRequest, RoadmapUpdateRequest, SpecsRequest, type PmItemStatus, type PmRoadmap, type PmRoadmapItem, type PmRoadmapPhase, type PmSpecSummary, type RoadmapChangedParams } from "../protocol";
import { addSpecCreation, freeSpecUri, planNewSpec, showNewSpec, type NewSpecOptions } from "./newSpec";
import { pick } from "./prompts";

type Node =
  | { kind: "roadmap"; roadmap: PmRoadmap }
  | { kind: "phase"; roadmap: PmRoadmap; phase: PmRoadmapPhase; items: PmRoadmapItem[] }
  | { kind: "owner"; roadmap: PmRoadmap; owner: string | null; items: PmRoadmapItem[] }
  | { kind: "item"; roadmap: PmRoadmap; item: PmRoadmapItem }
  | { kind: "spec"; roadmap: PmRoadmap; item: PmRoadmapItem }
  | { kind: "finding"; specUri: string; diagnostic: vscode.Diagnostic };

export type RoadmapFilter = { kind: "owner" | "tag" | "status"; value: string };
export type RoadmapGrouping = "phase" | "owner";

const FILTER_KINDS: ReadonlySet<string> = new Set(["owner", "tag", "status"]);

function matches(item: PmRoadmapItem, filter: RoadmapFilter | null): boolean {
  if (!filter) return true;
  if (filter.kind === "owner") return item.owners.includes(filter.value);
  if (filter.kind === "tag") return item.tags.includes(filter.value);
  return item.status === filter.value;
}

function filterLabel(filter: RoadmapFilter): string {
  return filter.kind === "owner" ? `@${filter.value}` : filter.kind === "tag" ? `#${filter.value}` : `${vscode.l10n.t("status")}: ${filter.value}`;
}

/** done / neither dropped nor a bet, as the server counts a phase's progress. */
function progressOf(items: readonly PmRoadmapItem[]): string {
  return `${items.filter((i) => i.status === "done").length}/${items.filter((i) => i.status !== "dropped" && i.status !== "bet").length}`;
}

const STATUS_ICON: Record<PmItemStatus, [string, string | undefined]> = {
  todo: ["circle-large-outline", undefined],
  "in-progress": ["sync", "charts.blue"],
  blocked: ["error", "errorForeground"],
  done: ["pass-filled", "testing.iconPassed"],
  dropped: ["circle-slash", "disabledForeground"],
  bet: ["lightbulb", "charts.yellow"],
};

const STATUSES = Object.keys(STATUS_ICON) as PmItemStatus[];

function health(errors: number, warnings: number): string {
  if (errors > 0) return errors === 1 ? vscode.l10n.t("1 error") : vscode.l10n.t("{0} errors", errors);
  if (warnings > 0) return warnings === 1 ? vscode.l10n.t("1 warning") : vscode.l10n.t("{0} warnings", warnings);
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
  private filterState: RoadmapFilter | null;
  private groupingState: RoadmapGrouping;

  constructor(
    private readonly client: LanguageClient,
    private readonly ready: Promise<void>,
    private readonly memento?: vscode.Memento,
  ) {
    this.filterState = memento?.get<RoadmapFilter>("pmWorkbench.roadmap.filter") ?? null;
    this.groupingState = memento?.get<RoadmapGrouping>("pmWorkbench.roadmap.groupBy") ?? "phase";
    this.showViewState();
  }

  get filter(): RoadmapFilter | null {
    return this.filterState;
  }

  get grouping(): RoadmapGrouping {
    return this.groupingState;
  }

  /** Shows only the items matching `filter` (null: every item). */
  setFilter(filter: RoadmapFilter | null): void {
    this.filterState = filter;
    void this.memento?.update("pmWorkbench.roadmap.filter", filter ?? undefined);
    this.showViewState();
    this.changed.fire(undefined);
  }

  setGrouping(grouping: RoadmapGrouping): void {
    this.groupingState = grouping;
    void this.memento?.update("pmWorkbench.roadmap.groupBy", grouping);
    this.showViewState();
    this.changed.fire(undefined);
  }

  /** Context keys for the title bar's toggles, and the active filter in the view's header. */
  private showViewState(): void {
    const filter = this.filterState;
    void vscode.commands.executeCommand("setContext", "pmWorkbench.roadmap.filtered", filter !== null);
    void vscode.commands.executeCommand("setContext", "pmWorkbench.roadmap.groupBy", this.groupingState);
    if (!this.view) return;
    this.view.description = filter ? filterLabel(filter) : "";
    if (!filter) {
      this.view.message = "";
      return;
    }
    const all = this.roadmaps.flatMap((r) => r.phases.flatMap((p) => p.items));
    this.view.message = vscode.l10n.t("Filtered by {0}: {1} of {2} items. Clear the filter from the title bar.", filterLabel(filter), all.filter((i) => matches(i, filter)).length, all.length);
  }

  /** Owners, tags and statuses on the roadmaps, with how many items have each. */
  facets(): Array<{ filter: RoadmapFilter; count: number }> {
    const counts = new Map<string, { filter: RoadmapFilter; count: number }>();
    const add = (kind: RoadmapFilter["kind"], value: string) => {
      const key = `${kind}\u0000${value}`;
      const hit = counts.get(key);
      if (hit) hit.count++;
      else counts.set(key, { filter: { kind, value }, count: 1 });
    };
    for (const item of this.roadmaps.flatMap((r) => r.phases.flatMap((p) => p.items))) {
      for (const o of item.owners) add("owner", o);
      for (const t of item.tags) add("tag", t);
      add("status", item.status);
    }
    const order = { owner: 0, tag: 1, status: 2 };
    return [...counts.values()].sort((a, b) => order[a.filter.kind] - order[b.filter.kind] || (a.filter.kind === "status" ? STATUSES.indexOf(a.filter.value as PmItemStatus) - STATUSES.indexOf(b.filter.value as PmItemStatus) : a.filter.value.localeCompare(b.filter.value)));
  }

  /**
   * Asks the server for the model again; with `uris`, only those roadmaps and only their changed
   * phases (pm/roadmapUpdate). Reloads run one after another, so each shows the state as of its call.
   */
  reload(uris: readonly string[] = []): Promise<PmRoadmap[]> {
    const next = (this.loading ?? Promise.resolve(this.roadmaps)).catch(() => this.roadmaps).then(() => this.fetch(uris));
    this.loading = next;
    void next.finally(() => {
      if (this.loading === next) this.loading = null;
    }).catch(() => undefined);
    return next;
  }

  private async fetch(uris: readonly string[]): Promise<PmRoadmap[]> {
    await this.ready;
    const known = new Map(this.roadmaps.map((r) => [r.uri, r]));
    if (uris.length > 0 && uris.every((u) => known.has(u))) {
      try {
        for (const uri of uris) {
          const held = known.get(uri)!;
          const { roadmap } = await this.client.sendRequest(RoadmapUpdateRequest, { textDocument: { uri }, previousResultId: held.resultId });
          known.set(uri, { ...roadmap, phases: roadmap.phases.map((p, i) => p ?? held.phases[i]!) });
        }
        this.roadmaps = [...known.values()];
      } catch {
        // A roadmap that can no longer be read (deleted, renamed): list them all again.
        this.roadmaps = await this.client.sendRequest(RoadmapRequest, {});
      }
    } else this.roadmaps = await this.client.sendRequest(RoadmapRequest, {});
    const attention = this.roadmaps.flatMap((r) => r.phases.flatMap((p) => p.items)).filter((i) => i.overdue || i.status === "blocked").length;
    if (this.view) this.view.badge = attention > 0 ? { value: attention, tooltip: vscode.l10n.t("{0} items overdue or blocked", attention) } : undefined;
    void vscode.commands.executeCommand("setContext", "pmWorkbench.hasRoadmap", this.roadmaps.length > 0);
    this.showViewState();
    this.changed.fire(undefined);
    this.refreshed.fire(this.roadmaps);
    return this.roadmaps;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const roadmaps = this.loading ? await this.loading : this.roadmaps.length > 0 ? this.roadmaps : await this.reload();
      return roadmaps.map((roadmap) => ({ kind: "roadmap", roadmap }));
    }
    const { filterState: filter } = this;
    if (node.kind === "roadmap") {
      const { roadmap } = node;
      if (this.groupingState === "owner") {
        const byOwner = new Map<string | null, PmRoadmapItem[]>();
        for (const item of roadmap.phases.flatMap((p) => p.items).filter((i) => matches(i, filter))) {
          for (const owner of item.owners.length > 0 ? item.owners : [null]) {
            const list = byOwner.get(owner);
            if (list) list.push(item);
            else byOwner.set(owner, [item]);
          }
        }
        // Named owners alphabetically, then the items nobody owns.
        const owners = [...byOwner.keys()].sort((a, b) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
        return owners.map((owner) => ({ kind: "owner", roadmap, owner, items: byOwner.get(owner)! }));
      }
      return roadmap.phases.map((phase) => ({ kind: "phase" as const, roadmap, phase, items: phase.items.filter((i) => matches(i, filter)) })).filter((p) => !filter || p.items.length > 0);
    }
    if (node.kind === "phase" || node.kind === "owner") return node.items.map((item) => ({ kind: "item", roadmap: node.roadmap, item }));
    if (node.kind === "item" && node.item.spec) return [{ kind: "spec", roadmap: node.roadmap, item: node.item }];
    if (node.kind === "spec" && node.item.spec?.exists) return (await this.findings(node.item.spec.uri)).map((diagnostic) => ({ kind: "finding", specUri: node.item.spec!.uri, diagnostic }));
    return [];
  }

  /** The spec's errors and warnings, from the server (the same findings the editor and `pmw lint` show). */
  async findings(specUri: string): Promise<vscode.Diagnostic[]> {
    await this.ready;
    const report = await this.client.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri: specUri } });
    if (report.kind !== DocumentDiagnosticReportKind.Full) return [];
    const diagnostics = await this.client.protocol2CodeConverter.asDiagnostics(report.items);
    return diagnostics.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning).sort((a, b) => a.severity - b.severity || a.range.start.line - b.range.start.line);
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
      case "owner": {
        const t = new vscode.TreeItem(node.owner === null ? vscode.l10n.t("No owner") : `@${node.owner}`, vscode.TreeItemCollapsibleState.Expanded);
        t.description = progressOf(node.items);
        t.iconPath = new vscode.ThemeIcon(node.owner === null ? "question" : "person");
        t.contextValue = "owner";
        return t;
      }
      case "phase": {
        const { phase } = node;
        const t = new vscode.TreeItem(phase.title, vscode.TreeItemCollapsibleState.Expanded);
        const dates = phase.start || phase.end ? ` · ${phase.start ?? ""}–${phase.end ?? ""}` : "";
        // Filtered, the progress is that of the items shown.
        t.description = `${this.filterState ? progressOf(node.items) : `${phase.progress.done}/${phase.progress.total}`}${dates}`;
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
        // A bet is not a task to tick off (the roadmap writes it without a checkbox either).
        if (item.status !== "bet") t.checkboxState = item.status === "done" ? vscode.TreeItemCheckboxState.Checked : vscode.TreeItemCheckboxState.Unchecked;
        t.command = openAt(node.roadmap.uri, item.line);
        t.contextValue = item.spec?.exists ? "item.withSpec" : item.spec ? "item.missingSpec" : "item.noSpec";
        return t;
      }
      case "spec": {
        const spec = node.item.spec!;
        const t = new vscode.TreeItem(vscode.workspace.asRelativePath(vscode.Uri.parse(spec.uri)), spec.exists && spec.errors + spec.warnings > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        t.description = spec.exists ? [spec.template, spec.status, health(spec.errors, spec.warnings)].filter(Boolean).join(" · ") : vscode.l10n.t("file not found");
        t.iconPath = new vscode.ThemeIcon(!spec.exists || spec.errors > 0 ? "error" : spec.warnings > 0 ? "warning" : "pass", new vscode.ThemeColor(!spec.exists || spec.errors > 0 ? "errorForeground" : spec.warnings > 0 ? "list.warningForeground" : "testing.iconPassed"));
        if (spec.exists) t.command = openAt(spec.uri, 0);
        t.contextValue = spec.exists ? "spec" : "spec.missing";
        return t;
      }
      case "finding": {
        const d = node.diagnostic;
        const t = new vscode.TreeItem(d.message, vscode.TreeItemCollapsibleState.None);
        const code = typeof d.code === "object" ? d.code.value : d.code;
        t.description = [code, vscode.l10n.t("line {0}", d.range.start.line + 1)].filter((p) => p !== undefined && p !== "").join(" · ");
        const error = d.severity === vscode.DiagnosticSeverity.Error;
        t.iconPath = new vscode.ThemeIcon(error ? "error" : "warning", new vscode.ThemeColor(error ? "errorForeground" : "list.warningForeground"));
        t.tooltip = d.message;
        t.command = openAt(node.specUri, d.range.start.line);
        t.contextValue = "finding";
        return t;
      }
    }
  }

  /** Applies a server edit to a roadmap and saves it, unless the user has unsaved edits of their own in it. */
  private async applyToRoadmap(roadmapUri: string, edit: vscode.WorkspaceEdit): Promise<boolean> {
    const uri = vscode.Uri.parse(roadmapUri);
    const wasOpenAndDirty = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString() && d.isDirty);
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied && !wasOpenAndDirty) await (await vscode.workspace.openTextDocument(uri)).save();
    return applied;
  }

  /** Sets an item's status through the server; returns whether the file was changed. */
  async setStatus(roadmapUri: string, item: PmRoadmapItem, status: PmItemStatus): Promise<boolean> {
    try {
      const edit = await this.client.sendRequest(RoadmapItemEditRequest, { uri: roadmapUri, line: item.line, expectedLineText: item.lineText, status });
      const applied = await this.applyToRoadmap(roadmapUri, await this.client.protocol2CodeConverter.asWorkspaceEdit(edit));
      await this.reload([roadmapUri]);
      return applied;
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t("Could not set the status of \"{0}\": {1}", item.title, e instanceof Error ? e.message : String(e)));
      await this.reload();
      return false;
    }
  }

  /**
   * Creates a spec from a template (the prompts of New Spec from Template) and links it into the
   * item, as one edit: the new file and the item line. Refused, with nothing written, when the
   * item's line changed since the view read it; nothing is written when a prompt is cancelled.
   */
  async createAndLinkSpec(roadmapUri: string, item: PmRoadmapItem, options: NewSpecOptions = {}): Promise<vscode.Uri | undefined> {
    // In a multi-root workspace the spec goes in the roadmap's folder, not the first one.
    const plan = await planNewSpec(this.client, undefined, { beside: vscode.Uri.parse(roadmapUri), ...options });
    if (!plan) return undefined;
    const specUri = await freeSpecUri(plan);
    if (!specUri) return undefined;
    let link: WorkspaceEdit;
    try {
      link = await this.client.sendRequest(LinkSpecEditRequest, { uri: roadmapUri, line: item.line, expectedLineText: item.lineText, specUri: specUri.toString(), label: plan.title });
    } catch (e) {
      void vscode.window.showErrorMessage(vscode.l10n.t("Did not create a spec for \"{0}\": {1}", item.title, e instanceof Error ? e.message : String(e)));
      await this.reload();
      return undefined;
    }
    const edit = new vscode.WorkspaceEdit();
    addSpecCreation(edit, plan, specUri);
    for (const [uri, edits] of (await this.client.protocol2CodeConverter.asWorkspaceEdit(link)).entries()) for (const e of edits) if (e instanceof vscode.TextEdit) edit.replace(uri, e.range, e.newText);
    await vscode.workspace.fs.createDirectory(plan.folder);
    if (!(await this.applyToRoadmap(roadmapUri, edit))) {
      void vscode.window.showErrorMessage(vscode.l10n.t("Could not create {0} and link it: the file may have appeared meanwhile. Nothing was changed.", vscode.workspace.asRelativePath(specUri)));
      return undefined;
    }
    await showNewSpec(plan, specUri);
    await this.reload();
    return specUri;
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

export function registerRoadmapViews(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>, onRoadmapChanged: vscode.Event<RoadmapChangedParams>): RoadmapTree {
  const roadmap = new RoadmapTree(client, ready, context.workspaceState);
  const specs = new SpecsTree(client, ready);
  const view = vscode.window.createTreeView("pmWorkbench.roadmap", { treeDataProvider: roadmap, showCollapseAll: true, manageCheckboxStateManually: true });
  roadmap.view = view;
  roadmap.setGrouping(roadmap.grouping);
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
    vscode.commands.registerCommand("pmWorkbench.roadmap.filter", async (kind?: string, value?: string) => {
      if (typeof kind === "string" && FILTER_KINDS.has(kind) && typeof value === "string") {
        roadmap.setFilter({ kind: kind as RoadmapFilter["kind"], value });
        return roadmap.filter;
      }
      if (roadmap.roadmaps.length === 0) await roadmap.reload();
      type Choice = vscode.QuickPickItem & { filter?: RoadmapFilter | null };
      const heading: Record<RoadmapFilter["kind"], string> = { owner: vscode.l10n.t("Owners"), tag: vscode.l10n.t("Tags"), status: vscode.l10n.t("Statuses") };
      const choices: Choice[] = [];
      if (roadmap.filter) choices.push({ label: `$(clear-all) ${vscode.l10n.t("Clear filter")}`, description: filterLabel(roadmap.filter), filter: null });
      let last: string | null = null;
      for (const { filter, count } of roadmap.facets()) {
        if (filter.kind !== last) choices.push({ label: heading[filter.kind], kind: vscode.QuickPickItemKind.Separator });
        last = filter.kind;
        choices.push({ label: filterLabel(filter), description: vscode.l10n.t("{0} items", count), filter });
      }
      const chosen = await pick(vscode.l10n.t("Filter the roadmap"), choices, { placeHolder: vscode.l10n.t("Show only the items of an owner, a tag or a status"), activeIndex: choices.findIndex((c) => c.kind !== vscode.QuickPickItemKind.Separator) });
      if (chosen?.filter !== undefined) roadmap.setFilter(chosen.filter);
      return roadmap.filter;
    }),
    vscode.commands.registerCommand("pmWorkbench.roadmap.clearFilter", () => roadmap.setFilter(null)),
    vscode.commands.registerCommand("pmWorkbench.roadmap.groupByOwner", () => roadmap.setGrouping("owner")),
    vscode.commands.registerCommand("pmWorkbench.roadmap.groupByPhase", () => roadmap.setGrouping("phase")),
    vscode.commands.registerCommand("pmWorkbench.roadmap.createSpec", async (node?: Node, options?: NewSpecOptions) => {
      if (node?.kind !== "item") return undefined;
      await ready;
      return roadmap.createAndLinkSpec(node.roadmap.uri, node.item, options ?? {});
    }),
    vscode.commands.registerCommand("pmWorkbench.roadmap.openSpec", async (node?: Node) => {
      const spec = node?.kind === "item" || node?.kind === "spec" ? node.item.spec : null;
      if (spec?.exists) await vscode.window.showTextDocument(vscode.Uri.parse(spec.uri));
    }),
  );
  context.subscriptions.push(
    onRoadmapChanged((params) => {
      specs.refresh();
      void roadmap.reload(params.uris);
    }),
  );
  return roadmap;
}
