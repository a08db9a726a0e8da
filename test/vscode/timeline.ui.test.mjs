// PM: Show Roadmap Timeline in a real VS Code: the webview beside the roadmap shows its phases,
// follows an edit as it is typed (replacing only the edited card), renders a hostile title as
// text, and a click on a card opens the roadmap at the item's line.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { goToLine, openFile, openWorkbench, runCommand, SHOTS, step } from "./harness.mjs";

const HOSTILE = "<img src=x onerror=alert(1)>";
let wb;
let lines;
before(async () => {
  wb = await openWorkbench();
  // A hostile title, written before the editor reads the file.
  const file = path.join(wb.workspace, "ROADMAP.md");
  writeFileSync(file, readFileSync(file, "utf8").replace("- Voice channel for the claims agent", `- ${HOSTILE}`));
  lines = readFileSync(file, "utf8").split("\n");
});
after(async () => {
  await wb?.close();
});

/** The timeline's document: webviews are an iframe holding the page's iframe. */
const timeline = (page) => page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");
const lineOf = (text) => lines.findIndex((l) => l.includes(text)) + 1;

test("the command opens the timeline beside the roadmap, with its phases", async () => {
  const { page } = wb;
  await step(page, "timeline-open", async () => {
    await openFile(page, "ROADMAP.md");
    await runCommand(page, "PM: Show Roadmap Timeline");
    const view = timeline(page);
    for (const phase of ["Now (Nov-Dec 2026)", "Next (Q1 2027)", "Later (H2 2027)"]) await view.locator(".tl-phase h2", { hasText: phase }).waitFor({ timeout: 30_000 });
    await view.locator(".card", { hasText: "Smart reply pilot with 20 agents" }).getByText("Blocked", { exact: true }).waitFor();
    await page.locator(".tab", { hasText: "Timeline: Customer service AI roadmap" }).waitFor();
    await page.screenshot({ path: path.join(SHOTS, "timeline.png") });
  });
});

test("a hostile title is shown as text, not as an image", async () => {
  const { page } = wb;
  await step(page, "timeline-hostile", async () => {
    const view = timeline(page);
    const title = await view.locator(".card h3", { hasText: "onerror" }).innerText();
    assert.deepEqual({ title, images: await view.locator("img").count() }, { title: HOSTILE, images: 0 });
  });
});

test("an item typed into the roadmap appears in the timeline", async () => {
  const { page } = wb;
  await step(page, "timeline-edit", async () => {
    await openFile(page, "ROADMAP.md");
    // The blank line after the phase's last item (End would stop at a wrapped line's edge).
    await goToLine(page, lineOf("Claim document upload by chat") + 1);
    await page.keyboard.type("- [ ] Partner API sandbox @ken.li status:blocked");
    const card = timeline(page).locator(".card", { hasText: "Partner API sandbox" });
    await card.getByText("Blocked", { exact: true }).waitFor({ timeout: 15_000 });
    await card.getByText("@ken.li").waitFor();
    await page.screenshot({ path: path.join(SHOTS, "timeline-edited.png") });
  });
});

test("clicking a card opens the roadmap at the item's line", async () => {
  const { page } = wb;
  await step(page, "timeline-click", async () => {
    await openFile(page, "README.md");
    await timeline(page).locator(".card h3", { hasText: "Smart reply pilot with 20 agents" }).click();
    await page.locator(".tab.active", { hasText: "ROADMAP.md" }).waitFor();
    await page.locator(".statusbar-item", { hasText: new RegExp(`Ln ${lineOf("Smart reply pilot with 20 agents")}, Col 1`) }).first().waitFor();
  });
});

test("clicking a card's spec badge opens the spec", async () => {
  const { page } = wb;
  await step(page, "timeline-spec", async () => {
    await timeline(page).locator(".card", { hasText: "Smart reply pilot with 20 agents" }).locator(".spec").click();
    await page.locator(".tab.active", { hasText: "smart-reply.md" }).waitFor();
  });
});

test("retitling one item replaces only that card in the webview; the other cards, the columns and the other lanes stay as they were", async () => {
  const { page } = wb;
  await step(page, "timeline-one-card", async () => {
    const view = timeline(page);
    const columns = view.locator(".tl-phases > .tl-phase");
    const lanes = view.locator(".axis > .lane-row");
    // A mark set on an element survives only if the element is not replaced.
    const mark = (e) => e.setAttribute("data-test-mark", "kept");
    for (let i = 0; i < 3; i++) for (const el of [columns.nth(i), lanes.nth(i)]) await el.evaluate(mark);
    const cards = await view.locator(".card").evaluateAll((all) => all.map((e) => (e.setAttribute("data-test-mark", "kept"), e.getAttribute("data-item"))));
    // The roadmap's tab (the spec badge clicked before left the keyboard in the webview).
    await page.locator(".tab", { hasText: "ROADMAP.md" }).click();
    await page.locator(".monaco-editor.focused").first().waitFor();
    await goToLine(page, lineOf("Inline clause citations experiment"));
    // Past `- [ ] `, into the title.
    for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
    await page.keyboard.type("Renamed ");
    const renamed = view.locator(".card", { hasText: "Renamed Inline clause citations experiment" });
    await renamed.waitFor({ timeout: 15_000 });
    const replacedCards = await view.locator(".card:not([data-test-mark])").evaluateAll((all) => all.map((e) => [e.getAttribute("data-item"), e.querySelector("h3").textContent]));
    const marks = [];
    for (let i = 0; i < 3; i++) marks.push([await columns.nth(i).getAttribute("data-test-mark"), await lanes.nth(i).getAttribute("data-test-mark")]);
    // The new lane is SVG (drawn), and its due-date diamond names the new title.
    const lane = await lanes.nth(0).evaluate((e) => [e.namespaceURI, e.textContent.includes("Renamed Inline clause citations experiment")]);
    assert.deepEqual(
      { cards: await view.locator(".card").count(), replacedCards, marks, lane },
      { cards: cards.length, replacedCards: [[await renamed.getAttribute("data-item"), "Renamed Inline clause citations experiment"]], marks: [["kept", null], ["kept", "kept"], ["kept", "kept"]], lane: ["http://www.w3.org/2000/svg", true] },
    );
    await page.screenshot({ path: path.join(SHOTS, "timeline-one-card.png") });
  });
});

test("an edit made while the timeline is hidden shows when it comes back", async () => {
  const { page } = wb;
  await step(page, "timeline-hidden", async () => {
    await page.locator(".tab", { hasText: "ROADMAP.md" }).click();
    await page.locator(".monaco-editor.focused").first().waitFor();
    // Maximizing the roadmap's group hides the timeline's.
    await runCommand(page, "View: Toggle Maximize Editor Group");
    await page.locator(".tab", { hasText: "Timeline:" }).waitFor({ state: "hidden" });
    // The last line: the file ends with a newline.
    await goToLine(page, lines.length);
    await page.keyboard.type("- [ ] Typed while hidden");
    await runCommand(page, "View: Toggle Maximize Editor Group");
    await timeline(page).locator(".card h3", { hasText: "Typed while hidden" }).waitFor({ timeout: 15_000 });
  });
});
