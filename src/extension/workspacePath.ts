/** Paths a user or an agent types, resolved only when they stay inside a workspace folder. */
import * as vscode from "vscode";

/** `typed` (relative, `/` or `\` separated) under `root`, or undefined for `..`, an absolute path or a drive. */
export function pathInside(root: vscode.Uri, typed: string): vscode.Uri | undefined {
  const parts = typed.replace(/\\/g, "/").split("/").filter((p) => p !== "" && p !== ".");
  if (parts.some((p) => p === "..") || /^([a-zA-Z]:|\/)/.test(typed.trim())) return undefined;
  return vscode.Uri.joinPath(root, ...parts);
}
