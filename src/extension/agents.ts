/**
 * PM Workbench for coding agents in VS Code: the `pmw mcp` server offered to agent mode through
 * an MCP server definition provider, and three language-model tools answered by the language
 * server (never the engine directly). Both are optional: an editor without these APIs gets
 * neither and the rest of the extension works as before.
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { SpecStatusRequest, TemplatesRequest } from "../protocol";
import { messageLanguage } from "./client";
import { pathInside } from "./workspacePath";

export const MCP_PROVIDER_ID = "pmWorkbench.mcp";

interface PathInput {
  path: string;
}

function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error("Open a workspace folder first: paths are read relative to it.");
  const uri = pathInside(folder.uri, path);
  if (!uri) throw new Error(`${path}: give a path inside the workspace, relative to its folder`);
  return uri;
}

const text = (value: unknown) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(JSON.stringify(value, null, 2))]);

/** Diagnostics come from the server once the document is open; wait for its first report. */
async function diagnosticsOf(uri: vscode.Uri, client: LanguageClient): Promise<vscode.Diagnostic[]> {
  const doc = await vscode.workspace.openTextDocument(uri);
  const status = await client.sendRequest(SpecStatusRequest, { textDocument: { uri: doc.uri.toString() } });
  const total = status ? status.counts.error + status.counts.warning + status.counts.info + status.counts.hint : 0;
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === "pm-workbench");
  if (current().length >= total) return current();
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      listener.dispose();
      resolve(current());
    }, 5000);
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString()) || current().length < total) return;
      clearTimeout(timer);
      listener.dispose();
      resolve(current());
    });
  });
}

export function registerAgentSupport(context: vscode.ExtensionContext, client: LanguageClient, ready: Promise<void>): { mcp: boolean; tools: string[] } {
  const registered = { mcp: false, tools: [] as string[] };
  const lm = (vscode as { lm?: typeof vscode.lm }).lm;
  if (typeof lm?.registerMcpServerDefinitionProvider === "function" && typeof vscode.McpStdioServerDefinition === "function") {
    const changed = new vscode.EventEmitter<void>();
    context.subscriptions.push(
      changed,
      lm.registerMcpServerDefinitionProvider(MCP_PROVIDER_ID, {
        onDidChangeMcpServerDefinitions: changed.event,
        provideMcpServerDefinitions: () => [
          // The editor's own Node runs the bundled CLI; in an Electron host it must run as Node.
          new vscode.McpStdioServerDefinition("PM Workbench", process.execPath, [context.asAbsolutePath("dist/cli.js"), "mcp"], { ELECTRON_RUN_AS_NODE: "1" }, context.extension.packageJSON.version as string),
        ],
      }),
    );
    registered.mcp = true;
  }
  if (typeof lm?.registerTool === "function") {
    const tool = <T>(name: string, invoke: (input: T) => Promise<vscode.LanguageModelToolResult>) => {
      context.subscriptions.push(
        lm.registerTool<T>(name, {
          invoke: async (options) => {
            await ready;
            return invoke(options.input);
          },
        }),
      );
      registered.tools.push(name);
    };
    tool<PathInput>("pmWorkbench_lintSpec", async ({ path }) => {
      const uri = workspaceUri(path);
      const findings = (await diagnosticsOf(uri, client)).map((d) => ({
        rule: typeof d.code === "object" ? String(d.code.value) : String(d.code ?? ""),
        severity: ["error", "warning", "info", "hint"][d.severity],
        message: d.message,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
      }));
      return text({ file: path, findings });
    });
    tool<PathInput>("pmWorkbench_specStatus", async ({ path }) => text(await client.sendRequest(SpecStatusRequest, { textDocument: { uri: workspaceUri(path).toString() } })));
    tool<Record<string, never>>("pmWorkbench_listTemplates", async () => {
      const folder = vscode.workspace.workspaceFolders?.[0];
      return text(await client.sendRequest(TemplatesRequest, { ...(folder ? { uri: folder.uri.toString() } : {}), lang: messageLanguage() ?? "en" }));
    });
  }
  return registered;
}
