/**
 * PM: New Spec from Template. Asks for template, title, owner, language and folder (Escape at
 * any step cancels with nothing written), asks the server to render the spec, then creates the
 * file through the workspace API under the first free name, never over an existing file.
 */
import { execFile } from "node:child_process";
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { NewSpecRequest, SETTINGS_SECTION, TemplatesRequest, type TemplateInfo } from "../protocol";
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

export async function newSpec(client: LanguageClient, target: vscode.Uri | undefined, options: NewSpecOptions = {}): Promise<vscode.Uri | undefined> {
  const folderArg = options.folder ?? target;
  const workspace = workspaceFolderFor(folderArg);
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
  await vscode.workspace.fs.createDirectory(folder);
  const contents = new TextEncoder().encode(rendered.text);
  for (const name of rendered.fileNames) {
    const uri = vscode.Uri.joinPath(folder, name);
    if (await exists(uri)) continue;
    const edit = new vscode.WorkspaceEdit();
    edit.createFile(uri, { overwrite: false, ignoreIfExists: false, contents });
    // False when the name was taken between the check and the create: try the next one.
    if (!(await vscode.workspace.applyEdit(edit))) continue;
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const cursor = new vscode.Position(rendered.cursor.line, rendered.cursor.character);
    editor.selection = new vscode.Selection(cursor, cursor);
    editor.revealRange(new vscode.Range(cursor, cursor), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    return uri;
  }
  void vscode.window.showErrorMessage(vscode.l10n.t("{0} and its numbered variants already exist in {1}; choose another title.", rendered.fileNames[0] ?? "", vscode.workspace.asRelativePath(folder)));
  return undefined;
}
