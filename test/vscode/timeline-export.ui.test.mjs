// The page `pmw roadmap --format html` writes, opened in Debian's Chromium as a reader would:
// phases and cards visible, no console error, and not one request leaves the page (every
// request is routed; only the page itself is served). Screenshots stay in test-results/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { launchBrowser } from "../../scripts/vscode/codeServer.mjs";
import { ROOT } from "./harness.mjs";

const SHOTS = path.join(ROOT, "test-results", "timeline");
const PAGE_URL = "http://timeline.invalid/roadmap.html";
const TODAY = "2026-12-02";
const HOSTILE = "<img src=x onerror=alert(1)>";

let browser;
let workspace;
before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  workspace = mkdtempSync(path.join(tmpdir(), "pmw-timeline-export-"));
  cpSync(path.join(ROOT, "examples"), workspace, { recursive: true });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  rmSync(workspace, { recursive: true, force: true });
});

function exported(format, ...args) {
  const r = spawnSync(process.execPath, [path.join(ROOT, "dist", "cli.js"), "roadmap", "ROADMAP.md", "--format", format, "--today", TODAY, ...args], { cwd: workspace, encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout;
}

/** Opens `body` as the only thing the page may load; returns the page and what it tried to fetch or log. */
async function open(body, contentType, options = {}) {
  const page = await browser.newPage();
  if (options.colorScheme) await page.emulateMedia({ colorScheme: options.colorScheme });
  const fetched = [];
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  await page.route("**/*", (route) => {
    if (route.request().url() === PAGE_URL) return route.fulfill({ status: 200, contentType, body });
    fetched.push(route.request().url());
    return route.abort();
  });
  await page.goto(PAGE_URL);
  return { page, fetched, problems };
}

test("the exported page shows the phases and cards of examples/ROADMAP.md and fetches nothing", async () => {
  const { page, fetched, problems } = await open(exported("html"), "text/html; charset=utf-8");
  for (const phase of ["Now (Nov-Dec 2026)", "Next (Q1 2027)", "Later (H2 2027)"]) await page.locator(".tl-phase h2", { hasText: phase }).waitFor({ state: "visible" });
  await page.locator(".card", { hasText: "Smart reply pilot with 20 agents" }).getByText("Blocked", { exact: true }).waitFor({ state: "visible" });
  await page.locator(".card.overdue").first().waitFor({ state: "visible" });
  await page.locator(".axis .today").waitFor({ state: "visible" });
  const cards = await page.locator(".card").count();
  await page.screenshot({ path: path.join(SHOTS, "export-light.png"), fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: path.join(SHOTS, "export-dark.png"), fullPage: true });
  await page.emulateMedia({ media: "print", colorScheme: "light" });
  await page.screenshot({ path: path.join(SHOTS, "export-print.png"), fullPage: true });
  await page.close();
  assert.deepEqual({ cards, fetched, problems }, { cards: 11, fetched: [], problems: [] });
});

test("a hostile title in the exported page is text, and no script runs", async () => {
  const file = path.join(workspace, "ROADMAP.md");
  const original = readFileSync(file, "utf8");
  writeFileSync(file, original.replace("- [ ] Claim document upload by chat", `- [ ] ${HOSTILE}`));
  try {
    const { page, fetched, problems } = await open(exported("html"), "text/html; charset=utf-8");
    const title = await page.locator(".card h3", { hasText: "onerror" }).innerText();
    const images = await page.locator("img").count();
    await page.close();
    assert.deepEqual({ title, images, fetched, problems }, { title: HOSTILE, images: 0, fetched: [], problems: [] });
  } finally {
    writeFileSync(file, original);
  }
});

test("the exported SVG renders on its own, in Chinese, and fetches nothing", async () => {
  const svg = exported("svg", "--lang", "zh-CN");
  const { page, fetched, problems } = await open(svg, "image/svg+xml");
  await page.locator("text", { hasText: "受阻" }).first().waitFor({ state: "visible" });
  // A full-page screenshot of an SVG document never settles in Chromium: size the viewport to the image instead.
  const [, width, height] = /width="(\d+)" height="(\d+)"/.exec(svg).map(Number);
  await page.setViewportSize({ width, height });
  await page.screenshot({ path: path.join(SHOTS, "export-svg-zh.png") });
  await page.close();
  assert.deepEqual({ fetched, problems }, { fetched: [], problems: [] });
});
