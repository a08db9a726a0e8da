/**
 * Starts the bundled language server for Markdown documents. The editor's display language is
 * passed as the message language unless the user picked one, so diagnostics read like the UI.
 */
import * as vscode from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from "vscode-languageclient/node";
import { SETTINGS_SECTION } from "../protocol";

/** The message language to send: the `pmWorkbench.language` setting, `editor` meaning VS Code's own. */
export function messageLanguage(): "en" | "zh-CN" | undefined {
  const chosen = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>("language", "editor");
  if (chosen === "en" || chosen === "zh-CN") return chosen;
  if (chosen === "document") return undefined;
  return vscode.env.language.toLowerCase().startsWith("zh") ? "zh-CN" : "en";
}

/** Settings as the server reads them (`PmSettings`), from the user's `pmWorkbench.*`. */
function serverSettings(): Record<string, unknown> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const lang = messageLanguage();
  const maxFileSize = config.get<number>("maxFileSize");
  return { ...(lang ? { lang } : {}), ...(typeof maxFileSize === "number" ? { maxFileSize } : {}) };
}

export function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath("dist/server.js");
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio, args: [] },
    debug: { module, transport: TransportKind.stdio, args: [], options: { execArgv: ["--nolazy", "--inspect=6009"] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "markdown" },
      { scheme: "untitled", language: "markdown" },
    ],
    outputChannel: output,
    synchronize: { configurationSection: SETTINGS_SECTION },
    middleware: {
      workspace: {
        // The server asks for `pmWorkbench`; answer with the resolved values, not the raw setting.
        configuration: async (params, token, next) => {
          const answers = await next(params, token);
          if (!Array.isArray(answers)) return answers;
          return params.items.map((item, i) => (item.section === SETTINGS_SECTION ? serverSettings() : answers[i]));
        },
      },
    },
  };
  return new LanguageClient("pmWorkbench", "PM Workbench", serverOptions, clientOptions);
}
