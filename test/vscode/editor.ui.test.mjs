// What a PM does in a real VS Code with the packaged extension: see a spec's findings, apply a
// quick fix, create specs from a template (twice, nothing overwritten), expand a snippet and
// watch the status bar follow.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { goToLine, openFile, openWorkbench, runCommand, SHOTS, specStatusText, step } from "./harness.mjs";

let wb;
before(async () => {
  wb = await openWorkbench();
});
after(async () => {
  await wb?.close();
});

const problemsRow = (page, text) => page.locator(".markers-panel .monaco-list-row", { hasText: text }).first();
const SMART_REPLY = "prd/smart-reply.md";

test("a spec with gaps shows its findings in the Problems view", async () => {
  const { page } = wb;
  await step(page, "problems", async () => {
    await openFile(page, SMART_REPLY);
    await runCommand(page, "View: Focus Problems");
    await problemsRow(page, 'Missing required section "Data contract"').waitFor({ timeout: 30_000 });
    await problemsRow(page, 'Missing required section "Cost and latency budget"').waitFor();
    await page.screenshot({ path: path.join(wb.workspace, "..", "pmw-problems.png") }).catch(() => undefined);
  });
});

test("a quick fix inserts the missing section once, the finding goes and the status bar counts it", async () => {
  const { page, workspace } = wb;
  await step(page, "quick-fix", async () => {
    await openFile(page, SMART_REPLY);
    const before = await specStatusText(page, "ai-feature-prd · review ·");
    const sections = (t) => Number(/· (\d+)\/\d+/.exec(t)?.[1]);
    // Missing-section findings sit on the title line.
    await goToLine(page, readFileSync(path.join(workspace, SMART_REPLY), "utf8").split("\n").findIndex((l) => l.startsWith("# ")) + 1);
    await page.keyboard.press("Control+.");
    const fix = page.locator(".action-widget .monaco-list-row", { hasText: 'Insert missing section "Data contract"' }).first();
    await fix.waitFor();
    await fix.click();
    // The edit lands asynchronously: save once the editor shows it (the tab turns dirty).
    await page.locator(".tab.active.dirty", { hasText: "smart-reply.md" }).waitFor();
    await page.keyboard.press("Control+S");
    await page.locator(".tab.active:not(.dirty)", { hasText: "smart-reply.md" }).waitFor();
    const text = readFileSync(path.join(workspace, SMART_REPLY), "utf8");
    assert.equal(text.match(/^## Data contract$/gm)?.length, 1);
    await runCommand(page, "View: Focus Problems");
    await problemsRow(page, 'Missing required section "Cost and latency budget"').waitFor();
    assert.equal(await problemsRow(page, 'Missing required section "Data contract"').count(), 0);
    await page.locator(".statusbar-item", { hasText: new RegExp(`ai-feature-prd · review · ${sections(before) + 1}/`) }).first().waitFor();
  });
});

test("a snippet expands by its prefix and the status bar follows", async () => {
  const { page, workspace } = wb;
  await step(page, "snippet", async () => {
    await openFile(page, SMART_REPLY);
    const before = await specStatusText(page, "ai-feature-prd · review ·");
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("pm-cost");
    await page.keyboard.press("Control+Space");
    await page.locator(".suggest-widget .monaco-list-row", { hasText: "pm-cost" }).first().waitFor();
    await page.keyboard.press("Enter");
    await page.keyboard.press("Escape");
    await page.locator(".tab.active.dirty", { hasText: "smart-reply.md" }).waitFor();
    await page.keyboard.press("Control+S");
    await page.locator(".tab.active:not(.dirty)", { hasText: "smart-reply.md" }).waitFor();
    const text = readFileSync(path.join(workspace, SMART_REPLY), "utf8");
    assert.match(text, /^## Cost and latency budget\n\n- \*\*Cost per completed task:\*\* \$0\.04 \(all model and tool calls\)$/m);
    assert.doesNotMatch(text, /\$\{|\$\d+$/m);
    const count = (t) => Number(/· (\d+)\/\d+/.exec(t)?.[1]);
    await page.locator(".statusbar-item", { hasText: new RegExp(`ai-feature-prd · review · ${count(before) + 1}/`) }).first().waitFor();
  });
});

async function newSpecThroughPalette(page, title) {
  await runCommand(page, "PM: New Spec from Template...");
  const input = page.locator(".quick-input-widget input");
  await page.locator(".quick-input-widget .quick-input-title", { hasText: "New spec: template" }).waitFor();
  await input.fill("One-pager");
  await page.locator(".quick-input-list .monaco-list-row", { hasText: "one-pager" }).first().waitFor();
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget .quick-input-title", { hasText: "New spec: title" }).waitFor();
  await input.fill(title);
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget .quick-input-title", { hasText: "New spec: owner" }).waitFor();
  await input.fill("alice");
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget .quick-input-title", { hasText: "New spec: language" }).waitFor();
  await input.fill("English");
  await page.keyboard.press("Enter");
  await page.locator(".quick-input-widget .quick-input-title", { hasText: "New spec: folder" }).waitFor();
  assert.equal(await input.inputValue(), "docs/specs");
  await page.keyboard.press("Enter");
}

test("New Spec from Template asks each question, opens the spec at its first section, and never overwrites", async () => {
  const { page, workspace } = wb;
  const folder = path.join(workspace, "docs", "specs");
  await step(page, "new-spec", async () => {
    await newSpecThroughPalette(page, "Checkout assistant");
    await page.locator(".tab.active", { hasText: "checkout-assistant.md" }).waitFor();
    const first = readFileSync(path.join(folder, "checkout-assistant.md"), "utf8");
    assert.match(first, /^title: "?Checkout assistant"?$/m);
    assert.match(first, /^owner: "?alice"?$/m);
    const lines = first.split("\n");
    // The revision history comes filled in: the first section to fill is the problem.
    const heading = lines.indexOf("## Problem");
    assert.ok(lines.indexOf("## Revision history") >= 0 && lines.indexOf("## Revision history") < heading);
    let cursor = heading + 1;
    while (lines[cursor].trim() === "") cursor++;
    await page.locator(".statusbar-item", { hasText: new RegExp(`Ln ${cursor + 1}, Col 1\\b`) }).first().waitFor();

    await newSpecThroughPalette(page, "Checkout assistant");
    await page.locator(".tab.active", { hasText: "checkout-assistant-2.md" }).waitFor();
    assert.deepEqual(readdirSync(folder).sort(), ["checkout-assistant-2.md", "checkout-assistant.md"]);
    assert.equal(readFileSync(path.join(folder, "checkout-assistant.md"), "utf8"), first);
  });
});

test("Escape during New Spec writes nothing", async () => {
  const { page, workspace } = wb;
  await step(page, "new-spec-cancel", async () => {
    const folder = path.join(workspace, "docs", "specs");
    const before = readdirSync(folder).sort();
    await runCommand(page, "PM: New Spec from Template...");
    await page.locator(".quick-input-widget .quick-input-title", { hasText: "New spec: template" }).waitFor();
    await page.keyboard.press("Enter");
    await page.locator(".quick-input-widget .quick-input-title", { hasText: "New spec: title" }).waitFor();
    await page.keyboard.type("Never written");
    await page.keyboard.press("Escape");
    await page.locator(".quick-input-widget").waitFor({ state: "hidden" });
    assert.deepEqual(readdirSync(folder).sort(), before);
    assert.equal(existsSync(path.join(folder, "never-written.md")), false);
  });
});

test("no page errors from the extension", () => {
  assert.deepEqual(wb.errors.filter((e) => /pm-workbench|pmWorkbench/i.test(e)), []);
});

test("the PM Workbench sidebar shows the roadmap's phases with progress, and the specs", async () => {
  const { page } = wb;
  await step(page, "roadmap-view", async () => {
    const icon = page.locator('.activitybar [aria-label^="PM Workbench"]').first();
    await icon.waitFor({ timeout: 30_000 });
    await icon.click();
    const row = (text) => page.locator(".monaco-list-row", { hasText: text }).first();
    await row("Now (Nov-Dec 2026)").waitFor({ timeout: 30_000 });
    await row("Next (Q1 2027)").waitFor();
    await row("Smart reply pilot with 20 agents").waitFor();
    assert.match(await row("Now (Nov-Dec 2026)").innerText(), /\b1\/5\b/);
    await page.screenshot({ path: path.join(SHOTS, "roadmap-view.png") });
  });
});
