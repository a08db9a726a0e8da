/**
 * The extension's entry point, kept tiny: the extension host loads and activates it while other
 * extensions wait, so the language client and everything built on it (dist/workbench.js, most
 * of it vscode-languageclient) is loaded on the next turn of the event loop instead. Commands and
 * views that triggered activation wait for the returned promise, so nothing is missed.
 */
import path from "node:path";
import type * as vscode from "vscode";
import type { PmWorkbenchApi } from "./workbench";

export type { PmWorkbenchApi };

type Workbench = typeof import("./workbench");
let workbench: Workbench | undefined;

export function activate(context: vscode.ExtensionContext): Promise<PmWorkbenchApi> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        // A computed path, so the bundler leaves dist/workbench.js as its own file.
        const started = performance.now();
        workbench = require(path.join(__dirname, "workbench.js")) as Workbench;
        resolve(workbench.activate(context, performance.now() - started));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    }),
  );
}

export function deactivate(): Promise<void> | undefined {
  return workbench?.deactivate();
}
