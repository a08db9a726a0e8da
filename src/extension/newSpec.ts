/**
 * PM: New Spec from Template. Asks for template, title, owner, language and folder (Escape at
 * any step cancels with nothing written), asks the server to render the spec, then creates the
 * file through the workspace API under the first free name, never over an existing file.
 * The asking and the writing are separate steps so the Roadmap view can create a spec and link
 * it into an item in one edit.
 */
import { execFile } from "node:child_process";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { NewSpecRequest, SETTINGS_SECTION, TemplatesRequest, type NewSpec, type TemplateInfo } from "../protocol";
import { messageLanguage } from "./client";
import { ask, pick } from "./prompts";
import { pathInside } from "./workspacePath";

/** Answers a caller (a test, another extension) may give instead of being asked. */
export interface NewSpecOptions {
  template?: string;
  title?: string;
  owner?: string;
  lang?: "en" | "zh-CN";
  /** Folder to create the spec in; default the `pmWorkbench.specsFolder` of the workspace. */
  folder?: vscode.Uri;
  /** A file whose workspace folder the spec belongs to when no folder is given (the roadmap it is linked from). */
  beside?: vscode.Uri;
}

const LANG_LABELS: Record<string, string> = { en: "English", "zh-CN": "简体中文" };

function gitUserName(cwd: string | undefined): Promise<string> {
  return new Promise((resolve) => {
    execFile("git", ["config", "--get", "user.name"], { cwd, timeout: 2000, windowsHide: true }, (error, stdout) => resolve(error ? "" : stdout.trim()));
  });
}

function workspaceFolderFor(uri: vscode.Uri | undefined): vscode.WorkspaceFolder | undefined {
  return (uri && vscode.workspace.getWorkspaceFolder(uri)) ?? vscode.workspace.workspaceFolders?.[0];
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A spec the user has described (every prompt answered) and the server has rendered; nothing written yet. */
export interface SpecPlan {
  folder: vscode.Uri;
  title: string;
  rendered: NewSpec;
}

/** Asks every question and renders the spec; undefined when the user cancelled. Writes nothing. */
export async function planNewSpec(client: LanguageClient, target: vscode.Uri | undefined, options: NewSpecOptions = {}): Promise<SpecPlan | undefined> {
  const folderArg = options.folder ?? target;
  const workspace = workspaceFolderFor(folderArg ?? options.beside);
  if (!workspace) {
    void vscode.window.showErrorMessage(vscode.l10n.t("Open a folder first: new specs are created inside a workspace folder."));
    return undefined;
  }
  const uiLang = messageLanguage() ?? "en";
  const templates = await client.sendRequest(TemplatesRequest, { uri: (folderArg ?? workspace.uri).toString(), lang: uiLang });

  let template: TemplateInfo | undefined = templates.find((t) => t.id === options.template);
  if (!template) {
    const items = templates.map((t) => ({
      label: t.name,
      description: t.origin === "workspace" ? `${t.id} · ${vscode.l10n.t("workspace")}` : t.id,
      detail: `${t.description} (${t.langs.map((l) => LANG_LABELS[l] ?? l).join(" · ")})`,
      template: t,
    }));
    template = (await pick(vscode.l10n.t("New spec: template"), items, { placeHolder: vscode.l10n.t("Pick the template to start from") }))?.template;
    if (!template) return undefined;
  }

  const title = options.title ?? (await ask(vscode.l10n.t("New spec: title"), { prompt: vscode.l10n.t("The spec's title; the file name is made from it"), validate: (v) => (v.trim() ? undefined : vscode.l10n.t("A title is required")) }));
  if (title === undefined) return undefined;

  let owner = options.owner;
  if (owner === undefined) {
    const configured = vscode.workspace.getConfiguration(SETTINGS_SECTION, workspace.uri).get<string>("defaultOwner", "");
    owner = await ask(vscode.l10n.t("New spec: owner"), { value: configured || (await gitUserName(workspace.uri.fsPath)), prompt: vscode.l10n.t("Who owns the spec (front matter `owner`)") });
    if (owner === undefined) return undefined;
  }

  let lang = options.lang;
  if (!lang) {
    const langs = template.langs;
    if (langs.length === 1) lang = langs[0];
    else {
      const items = langs.map((l) => ({ label: LANG_LABELS[l] ?? l, description: l, lang: l }));
      lang = (await pick(vscode.l10n.t("New spec: language"), items, { activeIndex: Math.max(0, langs.indexOf(uiLang)) }))?.lang;
    }
    if (!lang) return undefined;
  }

  let folder = folderArg;
  if (!folder) {
    const configured = vscode.workspace.getConfiguration(SETTINGS_SECTION, workspace.uri).get<string>("specsFolder", "docs/specs");
    const typed = await ask(vscode.l10n.t("New spec: folder"), {
      value: configured,
      prompt: vscode.l10n.t("Folder inside {0} to create the spec in", workspace.name),
      validate: (v) => (pathInside(workspace.uri, v) ? undefined : vscode.l10n.t("Use a folder inside the workspace, such as docs/specs")),
    });
    if (typed === undefined) return undefined;
    folder = pathInside(workspace.uri, typed)!;
  }

  const rendered = await client.sendRequest(NewSpecRequest, { folderUri: folder.toString(), template: template.id, title, owner, lang });
  return { folder, title, rendered };
}

/** The first of the plan's file names that does not exist yet; undefined (and says so) when all do. */
export async function freeSpecUri(plan: SpecPlan, skip = 0): Promise<vscode.Uri | undefined> {
  for (const name of plan.rendered.fileNames.slice(skip)) {
    const uri = vscode.Uri.joinPath(plan.folder, name);
    if (!(await exists(uri))) return uri;
  }
  void vscode.window.showErrorMessage(vscode.l10n.t("{0} and its numbered variants already exist in {1}; choose another title.", plan.rendered.fileNames[0] ?? "", vscode.workspace.asRelativePath(plan.folder)));
  return undefined;
}

/** Adds the creation of the planned spec at `uri` to `edit` (never over an existing file). */
export function addSpecCreation(edit: vscode.WorkspaceEdit, plan: SpecPlan, uri: vscode.Uri): void {
  edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents: new TextEncoder().encode(plan.rendered.text) });
}

/** Opens a created spec with the cursor on the first line to fill in. */
export async function showNewSpec(plan: SpecPlan, uri: vscode.Uri): Promise<void> {
  const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
  const cursor = new vscode.Position(plan.rendered.cursor.line, plan.rendered.cursor.character);
  editor.selection = new vscode.Selection(cursor, cursor);
  editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

export async function newSpec(client: LanguageClient, target: vscode.Uri | undefined, options: NewSpecOptions = {}): Promise<vscode.Uri | undefined> {
  const plan = await planNewSpec(client, target, options);
  if (!plan) return undefined;
  await vscode.workspace.fs.createDirectory(plan.folder);
  for (let tried = 0; ; tried++) {
    const uri = await freeSpecUri(plan, tried);
    if (!uri) return undefined;
    tried = plan.rendered.fileNames.findIndex((n) => vscode.Uri.joinPath(plan.folder, n).toString() === uri.toString());
    const edit = new vscode.WorkspaceEdit();
    addSpecCreation(edit, plan, uri);
    // False when the name was taken between the check and the create: try the next one.
    if (!(await vscode.workspace.applyEdit(edit))) continue;
    await showNewSpec(plan, uri);
    return uri;
  }
}
