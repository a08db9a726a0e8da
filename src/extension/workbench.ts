/**
 * PM Workbench for VS Code: a client of the PM Workbench language server and nothing more.
 * Everything it shows or edits about specs it asks the server for (src/protocol.ts). Loaded by
 * main.ts right after activation returns (dist/workbench.js).
 */
import * as vscode from "vscode";
import type { LanguageClient } from "vscode-languageclient/node";
import { RoadmapChangedNotification, type RoadmapChangedParams } from "../protocol";
import { registerAgentSupport } from "./agents";
import { createClient } from "./client";
import { fixAllMissingSections, insertMissingSection, setSpecStatus, statusMenu } from "./commands";
import { newSpec, type NewSpecOptions } from "./newSpec";
import { onDidShowPrompt } from "./prompts";
import { registerRoadmapViews, type RoadmapTree } from "./roadmapView";
import { SpecStatusBar } from "./statusBar";
import { registerTimelineView } from "./timelineView";

/** What `activate` returns: for tests in the extension host and for other extensions. */
export interface PmWorkbenchApi {
  client: LanguageClient;
  /** What agent support this editor offered: the MCP server definition, the language-model tools. */
  agents: { mcp: boolean; tools: string[] };
  /** Resolves once the language server is running. */
  ready: Promise<void>;
  statusBar: SpecStatusBar;
  roadmap: RoadmapTree;
  onDidShowPrompt: typeof onDidShowPrompt;
}

let client: LanguageClient | undefined;

/** `loadedInMs`: how long loading this bundle took (main.ts measures it), for the log. */
export function activate(context: vscode.ExtensionContext, loadedInMs: number): PmWorkbenchApi {
  const output = vscode.window.createOutputChannel("PM Workbench", { log: true });
  const started = performance.now();
  client = createClient(context, output);
  const running = client;
  // The server starts in the background and commands wait for it.
  const ready = running.start();
  void ready.then(() => output.info(`client loaded in ${loadedInMs.toFixed(0)} ms; server ready ${(performance.now() - started).toFixed(0)} ms later`));
  const statusBar = new SpecStatusBar(running, ready);

  const command = (id: string, run: (...args: never[]) => unknown) =>
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: never[]) => {
        await ready;
        return run(...args);
      }),
    );
  command("pmWorkbench.newSpec", (arg?: vscode.Uri | NewSpecOptions) => (arg instanceof vscode.Uri ? newSpec(running, arg) : newSpec(running, undefined, arg ?? {})));
  command("pmWorkbench.newRoadmap", () => newSpec(running, undefined, { template: "roadmap" }));
  command("pmWorkbench.insertMissingSection", (sectionId?: string) => insertMissingSection(running, typeof sectionId === "string" ? sectionId : undefined));
  command("pmWorkbench.fixAllMissingSections", () => fixAllMissingSections(running));
  command("pmWorkbench.setSpecStatus", (status?: string) => setSpecStatus(running, typeof status === "string" ? status : undefined));
  command("pmWorkbench.statusMenu", () => statusMenu(running));
  command("pmWorkbench.restartServer", async () => {
    await running.restart();
    await statusBar.refresh();
  });
  command("pmWorkbench.showOutput", () => output.show(true));
  context.subscriptions.push(statusBar, output);
  const agents = registerAgentSupport(context, running, ready);
  // One handler per notification method (a second registration would replace the first), shared by every view.
  const roadmapChanged = new vscode.EventEmitter<RoadmapChangedParams>();
  context.subscriptions.push(roadmapChanged);
  void ready.then(() => context.subscriptions.push(running.onNotification(RoadmapChangedNotification, (params) => roadmapChanged.fire(params))));
  const roadmap = registerRoadmapViews(context, running, ready, roadmapChanged.event);
  registerTimelineView(context, running, ready, roadmapChanged.event);
  return { client: running, ready, statusBar, roadmap, agents, onDidShowPrompt };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
