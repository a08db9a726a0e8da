/**
 * The commands a PM runs on the active spec. Each asks the server for the edit and applies it as
 * one undoable workspace edit; the versions sent let the server refuse an edit computed for an
 * older text.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { FIX_ALL_KIND, MissingSectionsRequest, SetSpecStatusRequest, SpecStatusRequest, SpecStatusValuesRequest, type SpecStatus } from "../protocol";
import { pick } from "./prompts";

function activeMarkdown(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === "markdown") return editor;
  void vscode.window.showInformationMessage(vscode.l10n.t("Open a Markdown spec first."));
  return undefined;
}

async function specStatusOf(client: LanguageClient, doc: vscode.TextDocument): Promise<SpecStatus | null> {
  const status = await client.sendRequest(SpecStatusRequest, { textDocument: { uri: doc.uri.toString() } });
  if (!status?.isSpec) {
    void vscode.window.showInformationMessage(vscode.l10n.t("{0} is not a spec: add `template:` to its front matter (for example `template: ai-feature-prd`).", vscode.workspace.asRelativePath(doc.uri)));
    return null;
  }
  return status;
}

async function applyServerEdits(client: LanguageClient, doc: vscode.TextDocument, edits: Parameters<LanguageClient["protocol2CodeConverter"]["asTextEdits"]>[0]): Promise<boolean> {
  const edit = new vscode.WorkspaceEdit();
  edit.set(doc.uri, (await client.protocol2CodeConverter.asTextEdits(edits)) ?? []);
  return vscode.workspace.applyEdit(edit);
}

/** Inserts the given missing sections (all when `sections` is undefined). Returns whether anything was inserted. */
export async function insertMissingSections(client: LanguageClient, doc: vscode.TextDocument, sections: string[] | undefined): Promise<boolean> {
  const edits = await client.sendRequest(MissingSectionsRequest, { textDocument: { uri: doc.uri.toString(), version: doc.version }, ...(sections ? { sections } : {}) });
  return applyServerEdits(client, doc, edits);
}

/** PM: Insert Missing Section... Returns the ids inserted, or undefined when cancelled. */
export async function insertMissingSection(client: LanguageClient, sectionId?: string): Promise<string[] | undefined> {
  const editor = activeMarkdown();
  if (!editor) return undefined;
  const status = await specStatusOf(client, editor.document);
  if (!status) return undefined;
  const missing = status.required.filter((r) => !r.present);
  if (missing.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Every required section is present."));
    return [];
  }
  let ids = sectionId ? [sectionId] : undefined;
  if (!ids) {
    const chosen = await pick(vscode.l10n.t("Insert missing section"), missing.map((r) => ({ label: r.heading, description: r.id, id: r.id })));
    if (!chosen) return undefined;
    ids = [chosen.id];
  }
  return (await insertMissingSections(client, editor.document, ids)) ? ids : undefined;
}

/** PM: Fix All Missing Sections. */
export async function fixAllMissingSections(client: LanguageClient): Promise<string[] | undefined> {
  const editor = activeMarkdown();
  if (!editor) return undefined;
  const status = await specStatusOf(client, editor.document);
  if (!status) return undefined;
  if (status.missing.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t("Every required section is present."));
    return [];
  }
  return (await insertMissingSections(client, editor.document, undefined)) ? status.missing : undefined;
}

/** PM: Set Spec Status... Returns the status set, or undefined when cancelled. */
export async function setSpecStatus(client: LanguageClient, value?: string): Promise<string | undefined> {
  const editor = activeMarkdown();
  if (!editor) return undefined;
  const doc = editor.document;
  let status = value;
  if (!status) {
    const [values, current] = await Promise.all([client.sendRequest(SpecStatusValuesRequest), client.sendRequest(SpecStatusRequest, { textDocument: { uri: doc.uri.toString() } })]);
    const items = values.map((v) => ({ label: v, description: v === current?.status ? vscode.l10n.t("current") : "", value: v }));
    status = (await pick(vscode.l10n.t("Set spec status"), items, { activeIndex: Math.max(0, values.indexOf(current?.status ?? "")) }))?.value;
    if (!status) return undefined;
  }
  try {
    const edits = await client.sendRequest(SetSpecStatusRequest, { textDocument: { uri: doc.uri.toString(), version: doc.version }, status });
    return (await applyServerEdits(client, doc, edits)) ? status : undefined;
  } catch (e) {
    void vscode.window.showErrorMessage(e instanceof Error ? e.message : String(e));
    return undefined;
  }
}

/** The status bar's menu: missing sections to insert, fix all, set status. */
export async function statusMenu(client: LanguageClient): Promise<void> {
  const editor = activeMarkdown();
  if (!editor) return;
  const status = await specStatusOf(client, editor.document);
  if (!status) return;
  type Entry = vscode.QuickPickItem & { run: () => Thenable<unknown> };
  const entries: Entry[] = status.required
    .filter((r) => !r.present)
    .map((r) => ({ label: `$(add) ${vscode.l10n.t("Insert {0}", r.heading)}`, description: r.id, run: () => insertMissingSections(client, editor.document, [r.id]) }));
  if (status.missing.length > 1) entries.push({ label: `$(checklist) ${vscode.l10n.t("Fix all missing sections ({0})", status.missing.length)}`, run: () => fixAllMissingSections(client) });
  entries.push({ label: `$(wand) ${vscode.l10n.t("Fix all")}`, description: vscode.l10n.t("every fixable problem"), run: () => vscode.commands.executeCommand("editor.action.codeAction", { kind: FIX_ALL_KIND, apply: "first" }) });
  entries.push({ label: `$(tag) ${vscode.l10n.t("Set spec status...")}`, description: status.status ?? "", run: () => setSpecStatus(client) });
  const chosen = await pick(vscode.l10n.t("{0} · {1} of {2} required sections", status.template ?? "", status.present.length, status.required.length), entries);
  await chosen?.run();
}
