/**
 * The active spec's status in the status bar (`agent-prd · review · 11/14`, errors, warnings),
 * asked of the server whenever the active editor or its diagnostics change. Hidden for Markdown
 * that is not a spec.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { SpecStatusRequest, type SpecStatus } from "../protocol";

export class SpecStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem("pmWorkbench.specStatus", vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[] = [];
  private generation = 0;
  private readonly changed = new vscode.EventEmitter<SpecStatus | null>();
  /** Fires after each refresh with what is shown (null: hidden); tests wait on it. */
  readonly onDidRefresh = this.changed.event;
  current: SpecStatus | null = null;

  constructor(
    private readonly client: LanguageClient,
    ready: Promise<void>,
  ) {
    this.item.name = vscode.l10n.t("PM Workbench: spec status");
    this.item.command = "pmWorkbench.statusMenu";
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor(() => void this.refresh()),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = vscode.window.activeTextEditor?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) void this.refresh();
      }),
    );
    void ready.then(() => this.refresh());
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    const doc = vscode.window.activeTextEditor?.document;
    let status: SpecStatus | null = null;
    if (doc && doc.languageId === "markdown" && this.client.isRunning()) {
      try {
        status = await this.client.sendRequest(SpecStatusRequest, { textDocument: { uri: doc.uri.toString() } });
      } catch {
        status = null;
      }
    }
    // A newer refresh started while this one waited: its answer wins.
    if (generation !== this.generation) return;
    this.current = status?.isSpec ? status : null;
    this.render(this.current);
    this.changed.fire(this.current);
  }

  private render(status: SpecStatus | null): void {
    if (!status) {
      this.item.hide();
      return;
    }
    const sections = `${status.present.length}/${status.required.length}`;
    const parts = [status.template ?? "?", status.status ?? vscode.l10n.t("no status"), sections];
    const problems = `$(error) ${status.counts.error} $(warning) ${status.counts.warning}`;
    this.item.text = `$(checklist) ${parts.join(" · ")}  ${problems}`;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendText(vscode.l10n.t("{0} of {1} required sections present ({2}% complete).", status.present.length, status.required.length, status.completeness));
    if (status.missing.length > 0) {
      tooltip.appendText("\n\n" + vscode.l10n.t("Missing: {0}", status.required.filter((r) => !r.present).map((r) => r.heading).join(", ")));
    }
    tooltip.appendText("\n\n" + vscode.l10n.t("Click to insert missing sections or change the status."));
    this.item.tooltip = tooltip;
    this.item.backgroundColor = status.counts.error > 0 ? new vscode.ThemeColor("statusBarItem.errorBackground") : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
