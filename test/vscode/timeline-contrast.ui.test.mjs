// The roadmap timeline in VS Code's high-contrast, light and dark themes, switched through the
// `workbench.colorTheme` setting as a user would: in high contrast cards take the theme's
// contrast border; in every theme each status reads as a text label, and every text on the
// cards, in the totals and on the axis keeps a WCAG AA contrast (4.5:1) against what it is
// drawn on. A screenshot per theme stays in test-results/vscode/.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openFile, openWorkbench, runCommand, SHOTS, step } from "./harness.mjs";

let wb;
before(async () => {
  wb = await openWorkbench();
});
after(async () => {
  await wb?.close();
});

const timeline = (page) => page.frameLocator("iframe.webview.ready").frameLocator("iframe#active-frame");

/** Measured inside the webview: colours as the browser computed them, so the page's CSS and the theme's variables are what is tested. */
function measure() {
  const rgba = (css) => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return { r, g, b, a };
  };
  /** A CSS colour (a variable's value) as the browser resolves it. */
  const resolve = (value) => {
    const probe = document.createElement("span");
    probe.style.color = value;
    document.body.append(probe);
    const c = getComputedStyle(probe).color;
    probe.remove();
    return c;
  };
  const luminance = ({ r, g, b }) => {
    const lin = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const over = (top, under) => ({ r: top.r * top.a + under.r * (1 - top.a), g: top.g * top.a + under.g * (1 - top.a), b: top.b * top.a + under.b * (1 - top.a), a: 1 });
  /** The opaque colour behind an element: its backgrounds, innermost first, laid over the body's. */
  const backdrop = (el) => {
    const layers = [];
    for (let e = el; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) layers.push(c);
      if (c && c.a === 1) break;
    }
    return layers.reverse().reduce((under, top) => over(top, under), { r: 255, g: 255, b: 255, a: 1 });
  };
  const opacity = (el) => {
    let o = 1;
    for (let e = el; e; e = e.parentElement) o *= Number(getComputedStyle(e).opacity);
    return o;
  };
  const ratio = (color, bg, alpha) => {
    const fg = over({ ...color, a: color.a * alpha }, bg);
    const [a, b] = [luminance(fg), luminance(bg)].sort((x, y) => y - x);
    return Math.round(((a + 0.05) / (b + 0.05)) * 100) / 100;
  };
  /** An axis text (SVG: its colour is its fill), over its lane's fill when it is a lane label. */
  const axisRatio = (t) => {
    let bg = backdrop(t.closest(".tl-axis"));
    const lane = t.parentElement.querySelector(":scope > rect.lane");
    const fill = lane && rgba(getComputedStyle(lane).fill);
    if (fill) bg = over({ ...fill, a: fill.a * opacity(lane) }, bg);
    return ratio(rgba(getComputedStyle(t).fill), bg, opacity(t));
  };
  const cards = [...document.querySelectorAll(".card")];
  const texts = [...document.querySelectorAll(".card .st, .card h3, .card .tl-flag, .card .meta span, .card .plan span, .card .tag, .card .spec, .card .note, .tl-summary span, .tl-phase-head h2, .tl-phase-head .tl-dates, .tl-phase-head .tl-health, .tl-progress span")].filter((e) => e.textContent.trim() !== "");
  const axisTexts = [...document.querySelectorAll(".axis text")].filter((e) => e.textContent.trim() !== "");
  const low = [
    ...texts.map((e) => ({ text: e.textContent.trim().slice(0, 40), ratio: ratio(rgba(getComputedStyle(e).color), backdrop(e), opacity(e)) })),
    ...axisTexts.map((e) => ({ text: e.textContent.trim().slice(0, 40), ratio: axisRatio(e) })),
  ]
    .filter((t) => t.ratio < 4.5)
    .sort((a, b) => a.ratio - b.ratio);
  return {
    contrastBorder: resolve(getComputedStyle(document.documentElement).getPropertyValue("--vscode-contrastBorder").trim()),
    cardBorders: [...new Set(cards.map((c) => getComputedStyle(c).borderTopColor))],
    unlabelled: cards.filter((c) => (c.querySelector(".card-head .st")?.textContent.trim() ?? "") === "").length,
    measured: texts.length + axisTexts.length,
    lowContrast: low.slice(0, 8),
  };
}

/** Theme, the webview body's theme kind, the workbench's theme class. */
for (const [theme, kind, workbench] of [
  ["Default High Contrast", "vscode-high-contrast", "hc-black"],
  ["Default High Contrast Light", "vscode-high-contrast-light", "hc-light"],
  ["Default Light Modern", "vscode-light", "vs"],
  ["Default Dark Modern", "vscode-dark", "vs-dark"],
]) {
  const highContrast = kind.startsWith("vscode-high-contrast");
  test(`in "${theme}" ${highContrast ? "cards have the theme's contrast border, " : ""}statuses are labelled and text keeps 4.5:1`, async () => {
    const { page, workspace } = wb;
    await step(page, `timeline-${kind}`, async () => {
      mkdirSync(path.join(workspace, ".vscode"), { recursive: true });
      writeFileSync(path.join(workspace, ".vscode", "settings.json"), JSON.stringify({ "workbench.colorTheme": theme }));
      await page.locator(`.monaco-workbench.${workbench}`).waitFor({ timeout: 30_000 });
      if ((await page.locator(".tab", { hasText: "Timeline:" }).count()) === 0) {
        await openFile(page, "ROADMAP.md");
        await runCommand(page, "PM: Show Roadmap Timeline");
      }
      const view = timeline(page);
      await view.locator(`body[data-vscode-theme-kind="${kind}"]`).waitFor({ state: "attached", timeout: 30_000 });
      await view.locator(".card", { hasText: "Smart reply pilot with 20 agents" }).waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(SHOTS, `timeline-${kind.replace("vscode-", "")}.png`) });
      const m = await view.locator("body").evaluate(measure);
      assert.ok(m.measured > 100, `only ${m.measured} texts measured`);
      if (highContrast) assert.deepEqual(m.cardBorders, [m.contrastBorder]);
      assert.deepEqual({ unlabelled: m.unlabelled, lowContrast: m.lowContrast }, { unlabelled: 0, lowContrast: [] });
    });
  });
}
