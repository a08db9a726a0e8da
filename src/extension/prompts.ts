/**
 * Every question a command asks goes through here, so the extension-host tests can wait for a
 * prompt to appear (an event, never a sleep) and then answer or cancel it as a user would.
 */
import * as vscode from "vscode";

export type PromptKind = "quickPick" | "input";

const shown = new vscode.EventEmitter<{ kind: PromptKind; title: string }>();
/** Fires when a prompt is shown. */
export const onDidShowPrompt = shown.event;

export async function pick<T extends vscode.QuickPickItem>(title: string, items: readonly T[], options: { placeHolder?: string; activeIndex?: number } = {}): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<T>();
  qp.title = title;
  qp.items = items;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  if (options.placeHolder) qp.placeholder = options.placeHolder;
  const active = items[options.activeIndex ?? 0];
  if (active) qp.activeItems = [active];
  return new Promise<T | undefined>((resolve) => {
    let result: T | undefined;
    qp.onDidAccept(() => {
      result = qp.selectedItems[0] ?? qp.activeItems[0];
      qp.hide();
    });
    qp.onDidHide(() => {
      qp.dispose();
      resolve(result);
    });
    qp.show();
    shown.fire({ kind: "quickPick", title });
  });
}

export async function ask(title: string, options: { value?: string; prompt?: string; validate?: (v: string) => string | undefined }): Promise<string | undefined> {
  const box = vscode.window.createInputBox();
  box.title = title;
  box.value = options.value ?? "";
  if (options.prompt) box.prompt = options.prompt;
  return new Promise<string | undefined>((resolve) => {
    let result: string | undefined;
    box.onDidChangeValue((v) => (box.validationMessage = options.validate?.(v)));
    box.onDidAccept(() => {
      const message = options.validate?.(box.value);
      if (message) {
        box.validationMessage = message;
        return;
      }
      result = box.value;
      box.hide();
    });
    box.onDidHide(() => {
      box.dispose();
      resolve(result);
    });
    box.show();
    shown.fire({ kind: "input", title });
  });
}
