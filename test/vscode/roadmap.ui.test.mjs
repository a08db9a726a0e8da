// The Roadmap view as a PM uses it in a real VS Code: the title bar's filter (and clearing it),
// grouping by owner, a linked spec's findings under its item. The last step saves the picture
// of the view the README shows (test-results/vscode/roadmap-view.png).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { openWorkbench, ROOT, SHOTS, step } from "./harness.mjs";

let wb;
before(async () => {
  wb = await openWorkbench();
});
after(async () => {
  await wb?.close();
});

const view = (page) => page.locator(".pane", { has: page.locator(".pane-header", { hasText: "Roadmap" }) }).first();
const row = (page, text) => view(page).locator(".monaco-list-row", { hasText: text }).first();
/** A row whose label starts with `label` (an owner group, not the items that mention the owner). */
const groupRow = (page, label) => view(page).locator(".monaco-list-row", { has: page.locator(".label-name", { hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`) }) }).first();
/** Clicks one of the Roadmap view's title-bar actions (shown while the pointer is over the view). */
async function titleAction(page, label) {
  await view(page).locator(".pane-header").hover();
  await view(page).locator(`.pane-header .action-label[aria-label^="${label}"]`).click();
}

test("the Roadmap view shows the phases with progress and dates", async () => {
  const { page } = wb;
  await step(page, "roadmap-open", async () => {
    const icon = page.locator('.activitybar [aria-label^="PM Workbench"]').first();
    await icon.waitFor({ timeout: 30_000 });
    await icon.click();
    await row(page, "Now (Nov-Dec 2026)").waitFor({ timeout: 30_000 });
    assert.match(await row(page, "Now (Nov-Dec 2026)").innerText(), /1\/5 · 2026-11-01–2026-12-31/);
    await row(page, "Smart reply pilot with 20 agents").waitFor();
  });
});

test("a filter by owner from the title bar hides the other items, and clearing it restores them", async () => {
  const { page } = wb;
  await step(page, "roadmap-filter", async () => {
    await titleAction(page, "Filter by Owner, Tag or Status");
    await page.locator(".quick-input-widget .quick-input-title", { hasText: "Filter the roadmap" }).waitFor();
    await page.locator(".quick-input-widget input").fill("@ken.li");
    await page.locator(".quick-input-list .monaco-list-row", { hasText: "@ken.li" }).first().waitFor();
    await page.keyboard.press("Enter");
    await view(page).getByText("Filtered by @ken.li: 3 of 11 items.").waitFor();
    await row(page, "Smart reply pilot with 20 agents").waitFor({ state: "detached" });
    await row(page, "Claim document upload by chat").waitFor();
    assert.equal(await row(page, "Later (H2 2027)").count(), 0);
    await titleAction(page, "Clear Filter");
    await row(page, "Smart reply pilot with 20 agents").waitFor();
    await row(page, "Later (H2 2027)").waitFor();
    assert.equal(await view(page).getByText("Filtered by").count(), 0);
  });
});

test("group by owner from the title bar, then back to phases", async () => {
  const { page } = wb;
  await step(page, "roadmap-group", async () => {
    await titleAction(page, "Group by Owner");
    await groupRow(page, "@ken.li").waitFor();
    assert.match(await groupRow(page, "@ken.li").innerText(), /1\/3/);
    await groupRow(page, "No owner").waitFor();
    await titleAction(page, "Group by Phase");
    await row(page, "Now (Nov-Dec 2026)").waitFor();
  });
});

test("a linked spec's health shows on its item, with its findings under the spec", async () => {
  const { page } = wb;
  await step(page, "roadmap-spec", async () => {
    // Give the tree the room a PM would: the Specs view folded, the sidebar wider.
    const specs = page.locator(".pane-header", { hasText: /^Specs/ }).first();
    if ((await specs.getAttribute("aria-expanded")) === "true") await specs.click();
    const sidebar = await page.locator(".part.sidebar").boundingBox();
    await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + sidebar.height / 2);
    await page.mouse.down();
    await page.mouse.move(700, sidebar.y + sidebar.height / 2, { steps: 5 });
    await page.mouse.up();
    const item = row(page, "Smart reply pilot with 20 agents");
    assert.match(await item.innerText(), /@tom\.becker · 2026-12-10 · blocked · 11 warnings/);
    await item.locator(".monaco-tl-twistie").click();
    const spec = row(page, "prd/smart-reply.md");
    await spec.locator(".monaco-tl-twistie").click();
    await row(page, 'Placeholder "TBD" left in the spec').waitFor();
    assert.match(await row(page, "SME loan application assistant").innerText(), /· 1 error$/);
    assert.match(await row(page, 'Placeholder "TBD" left in the spec').innerText(), /PM004 · line 29/);
    // Clicking the item opens the roadmap at its line.
    await item.locator(".label-name").click();
    await page.locator(".tab.active", { hasText: "ROADMAP.md" }).waitFor();
    const line = readFileSync(path.join(ROOT, "examples", "ROADMAP.md"), "utf8").split("\n").findIndex((l) => l.includes("Smart reply pilot with 20 agents")) + 1;
    await page.locator(".statusbar-item", { hasText: new RegExp(`Ln ${line}, Col 1\\b`) }).first().waitFor();
    // The picture for the README: once the editor has the roadmap highlighted and the spec status shown.
    await page.locator(".statusbar-item", { hasText: "roadmap · approved" }).first().waitFor();
    await page.locator(".statusbar-item", { hasText: "Activating Extensions" }).waitFor({ state: "detached" });
    await page.mouse.move(0, 899);
    await page.screenshot({ path: path.join(SHOTS, "roadmap-view.png") });
  });
});

test("no page errors from the extension", () => {
  assert.deepEqual(wb.errors.filter((e) => /pm-workbench|pmWorkbench/i.test(e)), []);
});
