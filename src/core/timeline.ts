/**
 * The roadmap as one picture: phases as columns of cards, a time axis with a today marker when
 * the roadmap carries dates, progress and KPIs per phase. A pure function of the roadmap model
 * (the `pmw roadmap --format json` contract) to HTML or SVG: the editor's webview and the page
 * `pmw roadmap --format html` writes are the same markup. Output depends only on its input
 * (today is passed in, ids are fixed), so an exported page can be committed and diffed.
 */
import { localize, type Localized } from "./i18n";
import type { RoadmapItemJson, RoadmapJson, RoadmapPhaseJson } from "./roadmapHealth";
import { ITEM_STATUSES, type ItemStatus } from "./roadmap";
import type { Lang } from "./types";

export interface TimelineOptions {
  lang: Lang;
  /** YYYY-MM-DD: what is overdue was decided by the model; this places the today marker. */
  today: string;
  /** Cards are focusable and clickable (the editor's webview, with its script); the exported page needs neither. */
  interactive?: boolean;
}

// ---- labels ----------------------------------------------------------------------------------

const L = {
  todo: { en: "To do", "zh-CN": "待办" },
  "in-progress": { en: "In progress", "zh-CN": "进行中" },
  blocked: { en: "Blocked", "zh-CN": "受阻" },
  done: { en: "Done", "zh-CN": "已完成" },
  dropped: { en: "Dropped", "zh-CN": "已放弃" },
  bet: { en: "Bet", "zh-CN": "押注" },
  moves: { en: "Moves {0}", "zh-CN": "推动 {0}" },
  confidence: { en: "Confidence {0}", "zh-CN": "信心 {0}" },
  size: { en: "Size {0}", "zh-CN": "规模 {0}" },
  after: { en: "After {0}", "zh-CN": "前置 {0}" },
  must: { en: "Must finish", "zh-CN": "必须完成" },
  capacity: { en: "Capacity {0}", "zh-CN": "容量 {0}" },
  "on-track": { en: "On track", "zh-CN": "正常" },
  "at-risk": { en: "At risk", "zh-CN": "有风险" },
  "off-track": { en: "Off track", "zh-CN": "偏离" },
  overdue: { en: "Overdue", "zh-CN": "已逾期" },
  due: { en: "Due {0}", "zh-CN": "截止 {0}" },
  noSpec: { en: "No spec", "zh-CN": "无规格文档" },
  specMissing: { en: "Spec missing", "zh-CN": "规格文档不存在" },
  errors: { en: "{0} errors", "zh-CN": "{0} 个错误" },
  oneError: { en: "1 error", "zh-CN": "1 个错误" },
  warnings: { en: "{0} warnings", "zh-CN": "{0} 个警告" },
  oneWarning: { en: "1 warning", "zh-CN": "1 个警告" },
  healthy: { en: "no findings", "zh-CN": "无问题" },
  progress: { en: "{0}/{1} done", "zh-CN": "已完成 {0}/{1}" },
  today: { en: "Today", "zh-CN": "今天" },
  asOf: { en: "As of {0}", "zh-CN": "截至 {0}" },
  noItems: { en: "No items", "zh-CN": "暂无交付项" },
  untitled: { en: "(untitled)", "zh-CN": "（无标题）" },
  kpi: { en: "KPI", "zh-CN": "KPI" },
  target: { en: "Target", "zh-CN": "目标" },
  current: { en: "Current", "zh-CN": "当前" },
  items: { en: "{0} items", "zh-CN": "{0} 项" },
  withoutSpec: { en: "{0} without a spec", "zh-CN": "{0} 项无规格文档" },
  unhealthy: { en: "{0} with spec errors", "zh-CN": "{0} 项规格文档有错误" },
  orphans: { en: "Specs on no roadmap item", "zh-CN": "未列入路线图的规格文档" },
  timeline: { en: "Timeline", "zh-CN": "时间线" },
  phases: { en: "Phases", "zh-CN": "阶段" },
  openSpec: { en: "Open spec {0}", "zh-CN": "打开规格文档 {0}" },
} satisfies Record<string, Localized>;

/** Every label the picture uses, in every language (a test checks none is missing). */
export const TIMELINE_LABELS: Readonly<Record<string, Localized>> = L;

type LabelId = keyof typeof L;
const STATUSES: readonly ItemStatus[] = ITEM_STATUSES;

// ---- escaping and small helpers --------------------------------------------------------------

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value from the workspace, safe in HTML and XML (control characters XML forbids are dropped). */
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
export function escapeMarkup(s: string): string {
  // Most strings need nothing: one test instead of two replacements keeps 5,000 cards fast.
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "").replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
const esc = escapeMarkup;

/** Labels split at their `{n}` holes once, so filling one in is a few concatenations. */
const TEMPLATES = new Map<string, Array<string | number>>();
function fmt(id: LabelId, lang: Lang, ...args: Array<string | number>): string {
  const key = `${id}\u0000${lang}`;
  let parts = TEMPLATES.get(key);
  if (!parts) TEMPLATES.set(key, (parts = localize(L[id], lang).split(/\{(\d)\}/).map((p, i) => (i % 2 ? Number(p) : p))));
  let out = "";
  for (const p of parts) out += typeof p === "number" ? String(args[p]) : p;
  return out;
}

/** The last segment of a path or URI, decoded: what a reader recognises a spec by. */
function fileName(pathOrUri: string): string {
  const last = pathOrUri.replace(/[#?].*$/, "").split("/").pop() ?? pathOrUri;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

interface SpecBadge {
  text: string;
  tone: "none" | "missing" | "error" | "warning" | "ok";
}

function specBadge(item: RoadmapItemJson, lang: Lang): SpecBadge {
  const spec = item.spec;
  if (!spec) return { text: fmt("noSpec", lang), tone: "none" };
  if (!spec.exists) return { text: `${fmt("specMissing", lang)} · ${fileName(spec.path)}`, tone: "missing" };
  const health =
    spec.errors > 0
      ? spec.errors === 1
        ? fmt("oneError", lang)
        : fmt("errors", lang, spec.errors)
      : spec.warnings > 0
        ? spec.warnings === 1
          ? fmt("oneWarning", lang)
          : fmt("warnings", lang, spec.warnings)
        : fmt("healthy", lang);
  const parts = [fileName(spec.path), ...(spec.status ? [spec.status] : []), health];
  return { text: parts.join(" · "), tone: spec.errors > 0 ? "error" : spec.warnings > 0 ? "warning" : "ok" };
}

// ---- dates -----------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 of a YYYY-MM-DD date, or null. */
function dayNumber(s: string | null): number | null {
  const m = s ? ISO_DAY.exec(s) : null;
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / DAY_MS : null;
}

function monthStart(day: number, addMonths = 0): number {
  const d = new Date(day * DAY_MS);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + addMonths, 1) / DAY_MS;
}

function monthLabel(day: number, lang: Lang, withYear: boolean): string {
  const d = new Date(day * DAY_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  if (lang === "zh-CN") return withYear ? `${y}年${m + 1}月` : `${m + 1}月`;
  const name = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m]!;
  return withYear ? `${name} ${y}` : name;
}

interface Span {
  first: number;
  last: number;
}

/** The days the roadmap's dates cover (phase ranges and due dates), whole months, or null when it has none. */
function dateSpan(roadmap: RoadmapJson): Span | null {
  let first = Infinity;
  let last = -Infinity;
  const see = (d: number | null) => {
    if (d === null) return;
    first = Math.min(first, d);
    last = Math.max(last, d);
  };
  for (const p of roadmap.phases) {
    see(dayNumber(p.start));
    see(dayNumber(p.end));
    for (const i of p.items) see(dayNumber(i.due));
  }
  return first === Infinity ? null : { first: monthStart(first), last: monthStart(last, 1) - 1 };
}

// ---- icons -----------------------------------------------------------------------------------

/** Status shapes, so a status reads without its colour: ring, half disc, bar, check, cross, dashed ring; overdue is a clock. */
const ICONS: Record<ItemStatus | "overdue", string> = {
  todo: '<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.6"/>',
  "in-progress": '<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 2.5a5.5 5.5 0 0 1 0 11z" fill="currentColor"/>',
  blocked: '<circle cx="8" cy="8" r="6.2" fill="currentColor"/><rect x="4.2" y="7" width="7.6" height="2" fill="var(--tl-bg)"/>',
  done: '<circle cx="8" cy="8" r="6.2" fill="currentColor"/><path d="M5 8.2l2 2 4-4.4" fill="none" stroke="var(--tl-bg)" stroke-width="1.7" stroke-linecap="round" stroke-linejoin="round"/>',
  dropped: '<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M5.6 5.6l4.8 4.8M10.4 5.6l-4.8 4.8" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>',
  bet: '<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.6" stroke-dasharray="2.4 1.9"/><circle cx="8" cy="8" r="1.6" fill="currentColor"/>',
  overdue: '<circle cx="8" cy="8" r="5.5" fill="none" stroke="currentColor" stroke-width="1.6"/><path d="M8 4.6V8l2.4 1.6" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>',
};

function iconDefs(): string {
  const symbols = Object.entries(ICONS).map(([id, body]) => `<symbol id="pmw-tl-${id}" viewBox="0 0 16 16">${body}</symbol>`);
  return `<svg class="tl-defs" width="0" height="0" aria-hidden="true" focusable="false"><defs>${symbols.join("")}</defs></svg>`;
}

const icon = (id: ItemStatus | "overdue", cls = "icon") => `<svg class="${cls}" viewBox="0 0 16 16" aria-hidden="true" focusable="false"><use href="#pmw-tl-${id}"/></svg>`;

// ---- the stylesheet --------------------------------------------------------------------------

/**
 * One stylesheet for both places: colours come from VS Code's theme variables in the editor,
 * with light and dark fallbacks for the exported page; high contrast and print have their own rules.
 * Status colours are theme colours made for text (links, list warnings and errors, git
 * decorations): the chart colours are not, and some themes give them too little contrast (1.5:1).
 * A long phase's cards come in lists of `CARDS_PER_LIST`; a full list off screen is neither laid
 * out nor painted (`content-visibility`; all are when printing), so a roadmap of thousands of
 * cards opens, and takes an edited card, at the cost of what is on screen. On lists rather than
 * on each card: the browser tracks every such element on every frame, which for 5,000 cards cost
 * more than the layout it saved.
 * In VS Code's high-contrast themes (`.vscode-high-contrast` on the webview's body, light ones
 * too) text is drawn in the foreground colour, which the theme guarantees against its
 * background; the status colours stay on icons, borders and axis marks, where the label beside
 * them carries the meaning.
 */
export const TIMELINE_CSS = `
.pmw-timeline{--tl-fg:var(--vscode-editor-foreground,#1f2328);--tl-bg:var(--vscode-editor-background,#ffffff);--tl-muted:var(--vscode-descriptionForeground,#59636e);--tl-border:var(--vscode-contrastBorder,var(--vscode-panel-border,#d1d9e0));--tl-card:var(--vscode-editorWidget-background,#f6f8fa);--tl-focus:var(--vscode-focusBorder,#0969da);--tl-todo:var(--vscode-descriptionForeground,#59636e);--tl-in-progress:var(--vscode-textLink-foreground,#0969da);--tl-blocked:var(--vscode-list-errorForeground,#cf222e);--tl-done:var(--vscode-gitDecoration-addedResourceForeground,#1a7f37);--tl-dropped:var(--vscode-descriptionForeground,#59636e);--tl-bet:var(--vscode-gitDecoration-modifiedResourceForeground,#9a6700);--tl-overdue:var(--vscode-list-warningForeground,#bc4c00);--tl-today:var(--vscode-charts-purple,#8250df);--tl-warning:var(--vscode-list-warningForeground,#9a6700);--tl-track:var(--vscode-input-background,#e7ebef);--tl-lane:var(--vscode-editor-inactiveSelectionBackground,#eef1f4);
color:var(--tl-fg);background:var(--tl-bg);font-family:var(--vscode-font-family,system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif);font-size:var(--vscode-font-size,14px);line-height:1.4;padding:16px 20px;box-sizing:border-box}
@media (prefers-color-scheme:dark){.pmw-timeline{--tl-fg:var(--vscode-editor-foreground,#e6edf3);--tl-bg:var(--vscode-editor-background,#0d1117);--tl-muted:var(--vscode-descriptionForeground,#9198a1);--tl-border:var(--vscode-contrastBorder,var(--vscode-panel-border,#3d444d));--tl-card:var(--vscode-editorWidget-background,#151b23);--tl-focus:var(--vscode-focusBorder,#4493f8);--tl-todo:var(--vscode-descriptionForeground,#9198a1);--tl-in-progress:var(--vscode-textLink-foreground,#4493f8);--tl-blocked:var(--vscode-list-errorForeground,#f85149);--tl-done:var(--vscode-gitDecoration-addedResourceForeground,#3fb950);--tl-dropped:var(--vscode-descriptionForeground,#9198a1);--tl-bet:var(--vscode-gitDecoration-modifiedResourceForeground,#d29922);--tl-overdue:var(--vscode-list-warningForeground,#db6d28);--tl-today:var(--vscode-charts-purple,#ab7df8);--tl-warning:var(--vscode-list-warningForeground,#d29922);--tl-track:var(--vscode-input-background,#262c36);--tl-lane:var(--vscode-editor-inactiveSelectionBackground,#1b222c)}}
.pmw-timeline *,.pmw-timeline *::before,.pmw-timeline *::after{box-sizing:border-box}
.pmw-timeline .tl-defs{position:absolute;width:0;height:0;overflow:hidden}
.pmw-timeline h1{font-size:1.5em;margin:0 0 4px}
.pmw-timeline h2{font-size:1.1em;margin:0}
.pmw-timeline h3{font-size:1em;margin:0;font-weight:600;overflow-wrap:anywhere}
.pmw-timeline .tl-roadmap+.tl-roadmap{margin-top:40px;border-top:1px solid var(--tl-border);padding-top:24px}
.pmw-timeline .tl-summary{color:var(--tl-muted);margin:0 0 16px;display:flex;flex-wrap:wrap;gap:4px 16px}
.pmw-timeline .tl-summary .tl-flag{color:var(--tl-fg)}
.pmw-timeline .icon{width:1em;height:1em;vertical-align:-0.15em;flex:none}
.pmw-timeline .s-todo .st,.pmw-timeline .st.s-todo{color:var(--tl-todo)}
.pmw-timeline .s-in-progress .st,.pmw-timeline .st.s-in-progress{color:var(--tl-in-progress)}
.pmw-timeline .s-blocked .st,.pmw-timeline .st.s-blocked{color:var(--tl-blocked)}
.pmw-timeline .s-done .st,.pmw-timeline .st.s-done{color:var(--tl-done)}
.pmw-timeline .s-dropped .st,.pmw-timeline .st.s-dropped{color:var(--tl-dropped)}
.pmw-timeline .s-bet .st,.pmw-timeline .st.s-bet{color:var(--tl-bet)}
.pmw-timeline .card.s-bet{border-left-color:var(--tl-bet);border-style:dashed}
.pmw-timeline .axis .mark.s-bet{stroke:var(--tl-bet)}
.pmw-timeline .tl-flag.must{color:var(--tl-fg)}
.pmw-timeline .plan{display:flex;flex-wrap:wrap;gap:2px 10px;font-size:.8em;margin-top:4px;color:var(--tl-muted)}
.pmw-timeline .tl-health{font-size:.8em;font-weight:600;margin-top:2px}
.pmw-timeline .tl-health.h-at-risk{color:var(--tl-overdue)}.pmw-timeline .tl-health.h-off-track{color:var(--tl-blocked)}.pmw-timeline .tl-health.h-on-track{color:var(--tl-done)}
.pmw-timeline .tl-axis{overflow-x:auto;margin:0 0 20px}
.pmw-timeline .axis{width:100%;min-width:640px;height:auto;display:block;overflow:visible}
.pmw-timeline .axis text{fill:var(--tl-muted);font-size:11px;font-family:inherit}
.pmw-timeline .axis .lane-label{fill:var(--tl-fg);font-size:12px}
.pmw-timeline .axis .lane{fill:var(--tl-lane)}
.pmw-timeline .axis .tick{stroke:var(--tl-border);stroke-width:1}
.pmw-timeline .axis .range{fill:var(--tl-in-progress);opacity:.35}
.pmw-timeline .axis .mark{fill:var(--tl-bg);stroke-width:1.6}
.pmw-timeline .axis .mark.s-todo{stroke:var(--tl-todo)}
.pmw-timeline .axis .mark.s-in-progress{stroke:var(--tl-in-progress);fill:var(--tl-in-progress)}
.pmw-timeline .axis .mark.s-blocked{stroke:var(--tl-blocked);fill:var(--tl-blocked)}
.pmw-timeline .axis .mark.s-done{stroke:var(--tl-done);fill:var(--tl-done)}
.pmw-timeline .axis .mark.s-dropped{stroke:var(--tl-dropped)}
.pmw-timeline .axis .mark.overdue{stroke:var(--tl-overdue);stroke-width:2.4}
.pmw-timeline .axis .today line{stroke:var(--tl-today);stroke-width:2;stroke-dasharray:4 3}
.pmw-timeline .axis .today text{fill:var(--tl-today);font-weight:600}
.pmw-timeline .tl-phases{display:grid;grid-template-columns:repeat(auto-fit,minmax(250px,1fr));gap:16px;align-items:start}
.pmw-timeline .tl-phase{border:1px solid var(--tl-border);border-radius:8px;padding:12px;min-width:0}
.pmw-timeline .tl-phase-head{margin-bottom:10px}
.pmw-timeline .tl-dates{color:var(--tl-muted);font-size:.85em}
.pmw-timeline .tl-progress{display:flex;align-items:center;gap:8px;margin-top:6px;font-size:.85em;color:var(--tl-muted)}
.pmw-timeline .bar{flex:1;height:6px;display:block}
.pmw-timeline .bar .track{fill:var(--tl-track)}
.pmw-timeline .bar .fill{fill:var(--tl-done)}
.pmw-timeline .tl-kpis{width:100%;border-collapse:collapse;font-size:.82em;margin:8px 0 4px}
.pmw-timeline .tl-kpis th{text-align:left;color:var(--tl-muted);font-weight:600;white-space:nowrap}
.pmw-timeline .tl-kpis th,.pmw-timeline .tl-kpis td{padding:3px 4px;border-bottom:1px solid var(--tl-border);vertical-align:top;overflow-wrap:break-word}
.pmw-timeline .tl-kpis td:first-child{overflow-wrap:anywhere}
.pmw-timeline .tl-cards{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px}
.pmw-timeline .tl-cards+.tl-cards{margin-top:8px}
.pmw-timeline .tl-cards.full{content-visibility:auto;contain-intrinsic-size:auto 6900px}
.pmw-timeline .card{background:var(--tl-card);border:1px solid var(--tl-border);border-left:4px solid var(--tl-todo);border-radius:6px;padding:8px 10px;min-width:0}
.pmw-timeline .card.s-in-progress{border-left-color:var(--tl-in-progress)}
.pmw-timeline .card.s-done{border-left-color:var(--tl-done)}
.pmw-timeline .card.s-dropped{border-left-color:var(--tl-dropped);border-left-style:dotted}
.pmw-timeline .card.s-dropped h3{text-decoration:line-through}
.pmw-timeline .card.s-blocked{border-left:6px double var(--tl-blocked)}
.pmw-timeline .card.overdue{border-left:6px double var(--tl-overdue)}
.pmw-timeline .card[tabindex]{cursor:pointer}
.pmw-timeline .card[tabindex]:hover{border-color:var(--tl-focus)}
.pmw-timeline .card[tabindex]:focus-visible,.pmw-timeline .spec[tabindex]:focus-visible{outline:2px solid var(--tl-focus);outline-offset:1px}
.pmw-timeline .card-head{display:flex;flex-wrap:wrap;align-items:center;gap:4px 10px;font-size:.8em;margin-bottom:3px}
.pmw-timeline .st{display:inline-flex;align-items:center;gap:4px;font-weight:600}
.pmw-timeline .tl-flag{display:inline-flex;align-items:center;gap:4px;font-weight:700;text-transform:uppercase;letter-spacing:.03em;font-size:.95em}
.pmw-timeline .tl-flag.overdue{color:var(--tl-overdue)}
.pmw-timeline .tl-flag.blocked{color:var(--tl-blocked)}
.pmw-timeline .group{color:var(--tl-muted);font-size:.8em}
.pmw-timeline .note{margin:3px 0 0;color:var(--tl-muted);font-size:.85em;overflow-wrap:anywhere}
.pmw-timeline .meta{display:flex;flex-wrap:wrap;gap:2px 10px;font-size:.82em;margin-top:4px;color:var(--tl-muted)}
.pmw-timeline .meta .owner{color:var(--tl-fg)}
.pmw-timeline .meta .due.overdue{color:var(--tl-overdue);font-weight:600}
.pmw-timeline .tags{display:flex;flex-wrap:wrap;gap:4px;margin-top:4px}
.pmw-timeline .tag{font-size:.75em;border:1px solid var(--tl-border);border-radius:10px;padding:0 7px;color:var(--tl-muted)}
.pmw-timeline .spec{display:inline-block;margin-top:6px;font-size:.78em;border-radius:4px;padding:1px 6px;border:1px solid var(--tl-border);overflow-wrap:anywhere}
.pmw-timeline .spec.t-none{border-style:dashed;color:var(--tl-muted)}
.pmw-timeline .spec.t-missing,.pmw-timeline .spec.t-error{border-color:var(--tl-blocked);color:var(--tl-blocked);font-weight:600}
.pmw-timeline .spec.t-warning{border-color:var(--tl-warning);color:var(--tl-warning)}
.pmw-timeline .spec.t-ok{color:var(--tl-done)}
.pmw-timeline .spec[tabindex]{cursor:pointer;text-decoration:underline}
.pmw-timeline .tl-empty{color:var(--tl-muted);font-style:italic}
.pmw-timeline .tl-orphans{margin-top:16px;color:var(--tl-muted);font-size:.85em}
.vscode-high-contrast .pmw-timeline .card,.vscode-high-contrast .pmw-timeline .tl-phase{border-width:2px}
.vscode-high-contrast .pmw-timeline{--tl-muted:var(--tl-fg);--tl-lane:var(--tl-bg)}
.vscode-high-contrast .pmw-timeline .st,.vscode-high-contrast .pmw-timeline .tl-flag,.vscode-high-contrast .pmw-timeline .meta .due.overdue,.vscode-high-contrast .pmw-timeline .tl-health,.vscode-high-contrast .pmw-timeline .spec{color:var(--tl-fg)}
${STATUSES.map((s) => `.vscode-high-contrast .pmw-timeline .s-${s} .st .icon,.vscode-high-contrast .pmw-timeline .st.s-${s} .icon{color:var(--tl-${s})}`).join("\n")}
.vscode-high-contrast .pmw-timeline .tl-flag.overdue .icon{color:var(--tl-overdue)}
.vscode-high-contrast .pmw-timeline .axis .lane{stroke:var(--tl-border);stroke-width:1}
.vscode-high-contrast .pmw-timeline .axis text,.vscode-high-contrast .pmw-timeline .axis .today text{fill:var(--tl-fg)}
@media (prefers-contrast:more){.pmw-timeline .card,.pmw-timeline .tl-phase{border-width:2px}.pmw-timeline{--tl-muted:var(--tl-fg)}}
@media (forced-colors:active){.pmw-timeline .card{border:2px solid CanvasText}.pmw-timeline .card.s-blocked,.pmw-timeline .card.overdue{border-left:8px double CanvasText}.pmw-timeline .bar .fill,.pmw-timeline .axis .range{fill:Highlight}.pmw-timeline .axis .today line{stroke:Highlight}}
@media print{.pmw-timeline{--tl-fg:#000;--tl-bg:#fff;--tl-muted:#444;--tl-border:#999;--tl-card:#fff;--tl-lane:#f2f2f2;padding:0;font-size:11pt;print-color-adjust:exact;-webkit-print-color-adjust:exact}.pmw-timeline .tl-phases{grid-template-columns:repeat(auto-fit,minmax(200px,1fr))}.pmw-timeline .card,.pmw-timeline .tl-kpis,.pmw-timeline .axis{break-inside:avoid}.pmw-timeline .tl-cards.full{content-visibility:visible}.pmw-timeline .tl-axis{overflow:visible}.pmw-timeline .axis{min-width:0}.pmw-timeline .tl-phase{break-inside:auto}}
`.trim();

// ---- the time axis (SVG, shared by the page and the SVG export) -------------------------------

const AXIS_WIDTH = 1000;
const LABEL_WIDTH = 170;
const LANE_HEIGHT = 26;
const AXIS_TOP = 22;

/** About how wide text is at `size` px: CJK characters are square, Latin ones a little over half. */
function textWidth(text: string, size: number): number {
  let w = 0;
  for (const ch of text) w += (ch.codePointAt(0)! > 0x2e80 ? 1 : 0.56) * size;
  return w;
}

/** Shortens text to about `width` pixels at `size` px (CJK characters count double); full text stays in the SVG <title>. */
function fit(text: string, width: number, size: number): string {
  let w = 0;
  let out = "";
  for (const ch of text) {
    w += (ch.codePointAt(0)! > 0x2e80 ? 1 : 0.56) * size;
    if (w > width) return out.trimEnd() + "…";
    out += ch;
  }
  return out;
}

/** Where the axis puts days and lanes: it follows from the roadmap's date span, its phase count and today. */
interface AxisGeometry {
  first: number;
  last: number;
  days: number;
  plot: number;
  today: number | null;
  lanesBottom: number;
  height: number;
}

function axisGeometry(roadmap: RoadmapJson, o: TimelineOptions): AxisGeometry | null {
  const span = dateSpan(roadmap);
  if (!span) return null;
  const today = dayNumber(o.today);
  const first = today !== null && today < span.first ? monthStart(today) : span.first;
  const last = today !== null && today > span.last ? monthStart(today, 1) - 1 : span.last;
  const lanesBottom = AXIS_TOP + roadmap.phases.length * LANE_HEIGHT + 4;
  // The today label sits under the lanes, clear of the month labels.
  return { first, last, days: last - first + 1, plot: AXIS_WIDTH - LABEL_WIDTH - 10, today, lanesBottom, height: lanesBottom + (today !== null ? 16 : 0) };
}

const axisX = (g: AxisGeometry, d: number) => (LABEL_WIDTH + ((d - g.first) / g.days) * g.plot).toFixed(1);

/** One phase's lane: its label, its date range and a diamond per due date, in one group (the editor replaces it alone). */
function axisLane(p: RoadmapPhaseJson, n: number, g: AxisGeometry, o: TimelineOptions): string {
  const y = AXIS_TOP + n * LANE_HEIGHT;
  const mid = y + LANE_HEIGHT / 2;
  let out = `<g class="lane-row"><title>${esc(p.title)}</title><rect class="lane" x="0" y="${y + 2}" width="${AXIS_WIDTH}" height="${LANE_HEIGHT - 4}" rx="3"/><text class="lane-label" x="6" y="${mid + 4}">${esc(fit(p.title, LABEL_WIDTH - 12, 12))}</text>`;
  const s = dayNumber(p.start);
  const e = dayNumber(p.end);
  if (s !== null && e !== null) out += `<rect class="range" x="${axisX(g, s)}" y="${y + 6}" width="${(((e - s + 1) / g.days) * g.plot).toFixed(1)}" height="${LANE_HEIGHT - 12}" rx="3"/>`;
  for (const i of p.items) {
    const d = dayNumber(i.due);
    if (d === null) continue;
    const cx = Number(axisX(g, d)) + (0.5 / g.days) * g.plot;
    const label = `${i.title} · ${localize(L[i.status], o.lang)}${i.overdue ? ` · ${localize(L.overdue, o.lang)}` : ""} · ${i.due}`;
    // Diamonds for due dates: open for todo and dropped, filled otherwise; overdue gets a heavier outline.
    out += `<path class="mark s-${i.status}${i.overdue ? " overdue" : ""}" d="M${cx.toFixed(1)} ${mid - 6}l6 6-6 6-6-6z"><title>${esc(label)}</title></path>`;
  }
  return `${out}</g>`;
}

function timeAxis(roadmap: RoadmapJson, o: TimelineOptions): string | null {
  const g = axisGeometry(roadmap, o);
  if (!g) return null;
  const { first, last, days, lanesBottom, height, today } = g;
  const x = (d: number) => axisX(g, d);
  const out: string[] = [`<svg class="axis" viewBox="0 0 ${AXIS_WIDTH} ${height}" role="img" aria-label="${esc(localize(L.timeline, o.lang))}">`];
  // Month ticks; beyond two years, one a quarter.
  const months = Math.round(days / 30.44);
  const every = months > 24 ? 3 : 1;
  let labelEnd = -Infinity;
  for (let m = first, k = 0; m <= last; m = monthStart(first, ++k)) {
    const d = new Date(m * DAY_MS);
    if (d.getUTCMonth() % every !== 0) continue;
    const withYear = k === 0 || d.getUTCMonth() === 0;
    const label = monthLabel(m, o.lang, withYear);
    const lx = Number(x(m)) + 3;
    out.push(`<line class="tick" x1="${x(m)}" y1="${AXIS_TOP - 6}" x2="${x(m)}" y2="${lanesBottom}"/>`);
    // A label that would run into the previous one is left out; its tick stays.
    if (lx < labelEnd) continue;
    out.push(`<text x="${lx.toFixed(1)}" y="12">${esc(label)}</text>`);
    labelEnd = lx + textWidth(label, 11) + 6;
  }
  roadmap.phases.forEach((p, n) => out.push(axisLane(p, n, g, o)));
  if (today !== null) {
    const tx = x(today);
    const anchor = Number(tx) > AXIS_WIDTH - 120 ? "end" : "start";
    const lx = anchor === "end" ? Number(tx) - 4 : Number(tx) + 4;
    out.push(`<g class="today"><line x1="${tx}" y1="${AXIS_TOP - 6}" x2="${tx}" y2="${lanesBottom + 2}"/><text x="${lx.toFixed(1)}" y="${height - 3}" text-anchor="${anchor}">${esc(`${localize(L.today, o.lang)} ${o.today}`)}</text></g>`);
  }
  out.push("</svg>");
  return out.join("");
}

// ---- HTML ------------------------------------------------------------------------------------

function progressBar(done: number, total: number, lang: Lang): string {
  const width = total === 0 ? 0 : (done / total) * 100;
  const label = fmt("progress", lang, done, total);
  return `<div class="tl-progress"><svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" role="img" aria-label="${esc(label)}"><rect class="track" width="100" height="6" rx="3"/><rect class="fill" width="${Number(width.toFixed(2))}" height="6" rx="3"/></svg><span>${esc(label)}</span></div>`;
}

function dateRange(p: RoadmapPhaseJson): string {
  return p.start === p.end || !p.end ? (p.start ?? "") : `${p.start ?? ""} – ${p.end}`;
}

function phaseDates(p: RoadmapPhaseJson): string {
  return p.start || p.end ? `<div class="tl-dates">${esc(dateRange(p))}</div>` : "";
}

function phasePlan(p: RoadmapPhaseJson, lang: Lang): string {
  const bits: string[] = [];
  if (p.health) bits.push(`<div class="tl-health h-${p.health}">${esc(localize(L[p.health], lang))}</div>`);
  if (p.capacity) bits.push(`<div class="tl-dates">${esc(fmt("capacity", lang, p.capacity.text))}</div>`);
  return bits.join("");
}

function kpiTable(p: RoadmapPhaseJson, lang: Lang): string {
  if (p.kpis.length === 0) return "";
  const rows = p.kpis.map((k) => `<tr><td>${esc(k.text)}</td><td>${esc(k.target ?? "")}</td><td>${esc(k.current ?? "")}</td></tr>`);
  return `<table class="tl-kpis"><thead><tr><th>${esc(localize(L.kpi, lang))}</th><th>${esc(localize(L.target, lang))}</th><th>${esc(localize(L.current, lang))}</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

/** The item's plan fields as short phrases: the KPI it moves, confidence, size, what it waits for. */
function planParts(item: RoadmapItemJson, lang: Lang): string[] {
  const out: string[] = [];
  if (item.kpi) out.push(fmt("moves", lang, item.kpi.text ?? item.kpi.ref));
  if (item.confidence) out.push(fmt("confidence", lang, item.confidence.percent !== null ? `${item.confidence.percent}%` : item.confidence.level));
  if (item.size) out.push(fmt("size", lang, item.size.text));
  for (const a of item.after) out.push(fmt("after", lang, a.title ?? a.ref));
  return out;
}

/** What every card of one rendering shares, built once (a roadmap can have thousands of cards). */
interface CardParts {
  o: TimelineOptions;
  status: Record<ItemStatus, string>;
  overdue: string;
  untitled: string;
  focus: string;
}

function cardParts(o: TimelineOptions): CardParts {
  const status = {} as Record<ItemStatus, string>;
  for (const s of STATUSES) status[s] = `<span class="st">${icon(s)}${esc(localize(L[s], o.lang))}</span>`;
  return {
    o,
    status,
    overdue: `<span class="tl-flag overdue">${icon("overdue")}${esc(localize(L.overdue, o.lang))}</span>`,
    untitled: esc(localize(L.untitled, o.lang)),
    focus: o.interactive ? ' tabindex="0" role="button"' : "",
  };
}

function card(item: RoadmapItemJson, index: number, parts: CardParts): string {
  const { o } = parts;
  const lang = o.lang;
  let html = `<li class="card s-${item.status}${item.overdue ? " overdue" : ""}" data-item="${index}"${parts.focus}><div class="card-head">${parts.status[item.status]}`;
  if (item.overdue) html += parts.overdue;
  if (item.must) html += `<span class="tl-flag must">${esc(localize(L.must, lang))}</span>`;
  if (item.groups.length) html += `<span class="group">${esc(item.groups.join(" › "))}</span>`;
  html += `</div><h3>${item.title ? esc(item.title) : parts.untitled}</h3>`;
  if (item.note) html += `<p class="note">${esc(item.note)}</p>`;
  if (item.owners.length || item.due) {
    html += '<div class="meta">';
    for (const w of item.owners) html += `<span class="owner">@${esc(w)}</span>`;
    if (item.due) html += `<span class="due${item.overdue ? " overdue" : ""}">${esc(fmt("due", lang, item.due))}</span>`;
    html += "</div>";
  }
  const plan = planParts(item, lang);
  if (plan.length) html += `<div class="plan">${plan.map((p) => `<span>${esc(p)}</span>`).join("")}</div>`;
  if (item.tags.length) {
    html += '<div class="tags">';
    for (const t of item.tags) html += `<span class="tag">#${esc(t)}</span>`;
    html += "</div>";
  }
  const badge = specBadge(item, lang);
  const specFocus = o.interactive && item.spec?.exists ? ` tabindex="0" role="link" aria-label="${esc(fmt("openSpec", lang, fileName(item.spec.path)))}"` : "";
  return `${html}<span class="spec t-${badge.tone}"${item.spec?.exists ? " data-spec" : ""}${specFocus}>${esc(badge.text)}</span></li>`;
}

function summary(roadmap: RoadmapJson, o: TimelineOptions): string {
  const items = roadmap.phases.flatMap((p) => p.items);
  const count = (f: (i: RoadmapItemJson) => boolean) => items.filter(f).length;
  const parts = [`<span>${esc(fmt("items", o.lang, items.length))}</span>`];
  for (const s of STATUSES) {
    const n = count((i) => i.status === s);
    if (n) parts.push(`<span class="st s-${s}">${icon(s)}${esc(localize(L[s], o.lang))} ${n}</span>`);
  }
  const overdue = count((i) => i.overdue);
  if (overdue) parts.push(`<span class="tl-flag overdue">${icon("overdue")}${esc(localize(L.overdue, o.lang))} ${overdue}</span>`);
  const live = (i: RoadmapItemJson) => i.status !== "done" && i.status !== "dropped" && i.status !== "bet";
  const noSpec = count((i) => live(i) && !i.spec);
  if (noSpec) parts.push(`<span>${esc(fmt("withoutSpec", o.lang, noSpec))}</span>`);
  const unhealthy = count((i) => live(i) && !!i.spec && (!i.spec.exists || i.spec.errors > 0));
  if (unhealthy) parts.push(`<span>${esc(fmt("unhealthy", o.lang, unhealthy))}</span>`);
  parts.push(`<span>${esc(fmt("asOf", o.lang, o.today))}</span>`);
  return `<p class="tl-summary">${parts.join("")}</p>`;
}

/** The roadmap's title and totals. */
function roadmapHead(roadmap: RoadmapJson, o: TimelineOptions): string {
  return `<header class="tl-head"><h1>${esc(roadmap.title || fileName(roadmap.file))}</h1>${summary(roadmap, o)}</header>`;
}

/** One phase's column; its cards are numbered from `firstIndex` (`data-item`). */
function phaseHead(p: RoadmapPhaseJson, o: TimelineOptions): string {
  return `<header class="tl-phase-head"><h2>${esc(p.title)}</h2>${phaseDates(p)}${phasePlan(p, o.lang)}${progressBar(p.progress.done, p.progress.total, o.lang)}</header>`;
}

/**
 * Cards per list in a phase with more than that: each full list is drawn only near the screen
 * (its height, 50 cards of about 130 px, is `.tl-cards.full`'s estimate until it is drawn).
 */
const CARDS_PER_LIST = 50;

/**
 * Writes one phase's column into `out`; its cards are numbered from `firstIndex` (`data-item`).
 * The whole page is pieces pushed onto one array and joined once: joining at every level copied
 * the page's megabytes once per level.
 */
function writePhase(out: string[], p: RoadmapPhaseJson, o: TimelineOptions, firstIndex: number, parts: CardParts): void {
  let index = firstIndex;
  out.push(`<article class="tl-phase" role="listitem">`, phaseHead(p, o), kpiTable(p, o.lang));
  if (p.items.length === 0) out.push(`<p class="tl-empty">${esc(localize(L.noItems, o.lang))}</p>`);
  for (let at = 0; at < p.items.length; at += CARDS_PER_LIST) {
    const end = Math.min(at + CARDS_PER_LIST, p.items.length);
    out.push(p.items.length > CARDS_PER_LIST && end - at === CARDS_PER_LIST ? '<ul class="tl-cards full">' : '<ul class="tl-cards">');
    for (let n = at; n < end; n++) out.push(card(p.items[n]!, index++, parts));
    out.push("</ul>");
  }
  out.push("</article>");
}

/** Writes one roadmap as a <section> into `out`; items are numbered in document order from `firstIndex` (`data-item`). */
function writeSection(out: string[], roadmap: RoadmapJson, o: TimelineOptions, firstIndex: number): void {
  let index = firstIndex;
  const parts = cardParts(o);
  out.push(`<section class="tl-roadmap">`, roadmapHead(roadmap, o));
  const axis = timeAxis(roadmap, o);
  if (axis) out.push(`<div class="tl-axis">${axis}</div>`);
  out.push(`<div class="tl-phases" role="list" aria-label="${esc(localize(L.phases, o.lang))}">`);
  for (const p of roadmap.phases) {
    writePhase(out, p, o, index, parts);
    index += p.items.length;
  }
  out.push("</div>");
  if (roadmap.orphans.length) out.push(`<p class="tl-orphans">${esc(localize(L.orphans, o.lang))}: ${roadmap.orphans.map((f) => esc(fileName(f))).join(", ")}</p>`);
  out.push("</section>");
}

// ---- one phase at a time (the editor's live updates) -----------------------------------------

/**
 * What the picture of one roadmap is made of outside its phases' own content: the language and
 * day, the phases' titles, the axis's span and the orphan specs. While it is unchanged, a phase's
 * column and its axis lane from `renderTimelinePhase` fit the page rendered before, beside the
 * phases left as they were (when a phase's item count changed, the cards after it are then
 * numbered anew in document order).
 */
export function timelineLayout(roadmap: RoadmapJson, o: TimelineOptions): string {
  const span = dateSpan(roadmap);
  return JSON.stringify([o.lang, o.today, o.interactive === true, span && [span.first, span.last], roadmap.phases.map((p) => p.title), roadmap.orphans]);
}

/** The roadmap's title and totals, as `renderTimelineBody` writes them (one `header.tl-head`). */
export function renderTimelineHead(roadmap: RoadmapJson, o: TimelineOptions): string {
  return roadmapHead(roadmap, o);
}

/**
 * Phase `index` of a single-roadmap picture: its column (one `article.tl-phase`, cards numbered
 * as in the whole page) and its lane of the time axis (one `g.lane-row`, null without an axis),
 * the same markup `renderTimelineBody` writes for it.
 */
export function renderTimelinePhase(roadmap: RoadmapJson, index: number, o: TimelineOptions): { html: string; lane: string | null } {
  let firstIndex = 0;
  for (let n = 0; n < index; n++) firstIndex += roadmap.phases[n]!.items.length;
  const p = roadmap.phases[index]!;
  const g = axisGeometry(roadmap, o);
  const out: string[] = [];
  writePhase(out, p, o, firstIndex, cardParts(o));
  return { html: out.join(""), lane: g ? axisLane(p, index, g, o) : null };
}

/**
 * The parts of phase `index` that change with its cards' content while its structure holds: its
 * header (one `header.tl-phase-head`, with the progress bar), its KPI table ("" without KPIs)
 * and its axis lane (null without an axis), the markup `renderTimelinePhase` writes for them.
 */
export function renderTimelinePhaseParts(roadmap: RoadmapJson, index: number, o: TimelineOptions): { head: string; kpis: string; lane: string | null } {
  const p = roadmap.phases[index]!;
  const g = axisGeometry(roadmap, o);
  return { head: phaseHead(p, o), kpis: kpiTable(p, o.lang), lane: g ? axisLane(p, index, g, o) : null };
}

/**
 * Cards `positions` (0-based within the phase) of phase `index`, each one `li.card` numbered as
 * in the whole page: the same function writes every card, so escaping is the page's own.
 */
export function renderTimelineCards(roadmap: RoadmapJson, index: number, positions: readonly number[], o: TimelineOptions): Array<{ item: number; html: string }> {
  let firstIndex = 0;
  for (let n = 0; n < index; n++) firstIndex += roadmap.phases[n]!.items.length;
  const items = roadmap.phases[index]!.items;
  const parts = cardParts(o);
  return positions.map((at) => ({ item: firstIndex + at, html: card(items[at]!, firstIndex + at, parts) }));
}

/** The picture's markup (no <html> or stylesheet): what the editor's webview puts in its body. Items are numbered across the roadmaps in order. */
export function renderTimelineBody(roadmaps: readonly RoadmapJson[], o: TimelineOptions): string {
  const out: string[] = [];
  writeBody(out, roadmaps, o);
  return out.join("");
}

function writeBody(out: string[], roadmaps: readonly RoadmapJson[], o: TimelineOptions): void {
  out.push(`<div class="pmw-timeline" lang="${o.lang}">`, iconDefs());
  let index = 0;
  for (const r of roadmaps) {
    writeSection(out, r, o, index);
    index += r.phases.reduce((n, p) => n + p.items.length, 0);
  }
  out.push("</div>");
}

/** A self-contained page: inline CSS and SVG, no script, nothing fetched. */
export function renderTimelinePage(roadmaps: readonly RoadmapJson[], o: TimelineOptions): string {
  const title = roadmaps.map((r) => r.title || fileName(r.file)).join(" · ") || localize(L.timeline, o.lang);
  const out = [
    "<!DOCTYPE html>\n",
    `<html lang="${o.lang}">\n`,
    "<head>\n",
    '<meta charset="utf-8">\n',
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">\n`,
    '<meta name="color-scheme" content="light dark">\n',
    `<title>${esc(title)}</title>\n`,
    `<style>html,body{margin:0}${TIMELINE_CSS}</style>\n`,
    "</head>\n",
    "<body>\n",
  ];
  writeBody(out, roadmaps, { ...o, interactive: false });
  out.push("\n</body>\n</html>\n");
  return out.join("");
}

// ---- SVG export ------------------------------------------------------------------------------

const SVG_WIDTH = 1200;
const COLUMN_MIN = 230;
const GAP = 16;
const CARD_PAD = 10;
const LINE = 17;

/** Wraps text into lines of about `width` px at `size` px, at most `max` lines (the last one shortened). */
function wrap(text: string, width: number, size: number, max: number): string[] {
  const lines: string[] = [];
  let line = "";
  let w = 0;
  const words = text.split(/(\s+)/).flatMap((part) => (/[\u2e80-\uffff]/.test(part) ? [...part] : [part]));
  for (const word of words) {
    const ww = [...word].reduce((n, ch) => n + (ch.codePointAt(0)! > 0x2e80 ? 1 : 0.56) * size, 0);
    if (w + ww > width && line.trim()) {
      lines.push(line.trimEnd());
      line = "";
      w = 0;
      if (/^\s+$/.test(word)) continue;
    }
    line += word;
    w += ww;
  }
  if (line.trim()) lines.push(line.trimEnd());
  if (lines.length > max) {
    const kept = lines.slice(0, max);
    kept[max - 1] = fit(kept[max - 1] + " " + lines[max]!, width - size, size).replace(/…?$/, "…");
    return kept;
  }
  return lines;
}

/** Fixed light colours: an SVG pasted into slides or a README does not follow a theme. */
const SVG_CSS = `text{font-family:system-ui,-apple-system,"Segoe UI","Noto Sans","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif;fill:#1f2328}
.muted{fill:#59636e}.h1{font-size:22px;font-weight:700}.h2{font-size:15px;font-weight:700}.t{font-size:13px;font-weight:600}.s{font-size:11px}
.phase{fill:none;stroke:#d1d9e0}.card{fill:#f6f8fa;stroke:#d1d9e0}.dropped .t{text-decoration:line-through;fill:#59636e}
.s-todo{color:#59636e;fill:#59636e}.s-in-progress{color:#0969da;fill:#0969da}.s-blocked{color:#cf222e;fill:#cf222e}.s-done{color:#1a7f37;fill:#1a7f37}.s-dropped{color:#818b98;fill:#818b98}.s-bet{color:#9a6700;fill:#9a6700}
text.s-todo,text.s-in-progress,text.s-blocked,text.s-done,text.s-dropped,text.s-bet{font-size:11px;font-weight:600}
.stripe.s-todo{fill:#59636e}.flag{fill:#bc4c00;font-size:11px;font-weight:700}.ovd{color:#bc4c00}
.spec-error,.spec-missing{fill:#cf222e;font-weight:600}.spec-warning{fill:#9a6700}.spec-ok{fill:#1a7f37}.spec-none{fill:#59636e;font-style:italic}
.track{fill:#e7ebef}.fill{fill:#1a7f37}
.axis text{fill:#59636e;font-size:11px}.axis .lane-label{fill:#1f2328;font-size:12px}.axis .lane{fill:#eef1f4}.axis .tick{stroke:#d1d9e0}.axis .range{fill:#0969da;opacity:.35}
.axis .mark{fill:#fff;stroke-width:1.6}.axis .mark.s-todo{stroke:#59636e}.axis .mark.s-in-progress{stroke:#0969da;fill:#0969da}.axis .mark.s-blocked{stroke:#cf222e;fill:#cf222e}.axis .mark.s-done{stroke:#1a7f37;fill:#1a7f37}.axis .mark.s-dropped{stroke:#818b98}.axis .mark.overdue{stroke:#bc4c00;stroke-width:2.4}
.axis .today line{stroke:#8250df;stroke-width:2;stroke-dasharray:4 3}.axis .today text{fill:#8250df;font-weight:600}`;

function svgCard(item: RoadmapItemJson, x: number, y: number, width: number, lang: Lang): { svg: string; height: number } {
  const inner = width - 2 * CARD_PAD - 4;
  const titleLines = wrap(item.title || localize(L.untitled, lang), inner, 13, 3);
  const out: string[] = [];
  let cy = y + CARD_PAD + 11;
  const lines: string[] = [];
  // Status line: icon + label (+ overdue flag), so no status depends on colour.
  let head = `<use href="#pmw-tl-${item.status}" class="s-${item.status}" x="${x + CARD_PAD + 4}" y="${cy - 10}" width="12" height="12"/><text class="s-${item.status}" x="${x + CARD_PAD + 20}" y="${cy}">${esc(localize(L[item.status], lang))}</text>`;
  if (item.overdue) head += `<use href="#pmw-tl-overdue" class="ovd" x="${x + CARD_PAD + 100}" y="${cy - 10}" width="12" height="12"/><text class="flag" x="${x + CARD_PAD + 116}" y="${cy}">${esc(localize(L.overdue, lang).toUpperCase())}</text>`;
  lines.push(head);
  cy += 4;
  for (const t of titleLines) {
    cy += LINE;
    lines.push(`<text class="t" x="${x + CARD_PAD + 4}" y="${cy}">${esc(t)}</text>`);
  }
  const meta = [...item.owners.map((w) => `@${w}`), ...(item.due ? [fmt("due", lang, item.due)] : []), ...planParts(item, lang), ...item.tags.map((t) => `#${t}`)].join("  ");
  if (meta) {
    cy += LINE - 2;
    lines.push(`<text class="s muted" x="${x + CARD_PAD + 4}" y="${cy}">${esc(fit(meta, inner, 11))}</text>`);
  }
  const badge = specBadge(item, lang);
  cy += LINE - 2;
  lines.push(`<text class="s spec-${badge.tone}" x="${x + CARD_PAD + 4}" y="${cy}">${esc(fit(badge.text, inner, 11))}</text>`);
  const height = cy - y + CARD_PAD;
  const stripe = item.status === "blocked" || item.overdue ? 7 : 4;
  const stripeClass = item.overdue ? "ovd" : `s-${item.status}`;
  out.push(`<g class="${item.status === "dropped" ? "dropped" : ""}"><title>${esc(item.title)}</title><rect class="card" x="${x}" y="${y}" width="${width}" height="${height}" rx="6"/>`);
  out.push(`<rect class="stripe ${stripeClass}" x="${x}" y="${y}" width="${stripe}" height="${height}" rx="2" fill="currentColor"/>`);
  out.push(lines.join(""), "</g>");
  return { svg: out.join(""), height };
}

/** The picture as one SVG image (light colours, fixed layout), for slides and READMEs. */
export function renderTimelineSvg(roadmaps: readonly RoadmapJson[], o: TimelineOptions): string {
  const columns = Math.max(1, ...roadmaps.map((r) => r.phases.length));
  const width = Math.max(SVG_WIDTH, 2 * GAP + columns * COLUMN_MIN + (columns - 1) * GAP);
  const colWidth = (width - 2 * GAP - (columns - 1) * GAP) / columns;
  const body: string[] = [];
  let y = GAP;
  for (const r of roadmaps) {
    y += 24;
    body.push(`<text class="h1" x="${GAP}" y="${y}">${esc(r.title || fileName(r.file))}</text>`);
    y += 20;
    body.push(`<text class="s muted" x="${GAP}" y="${y}">${esc(fmt("items", o.lang, r.phases.reduce((n, p) => n + p.items.length, 0)))} · ${esc(fmt("asOf", o.lang, o.today))}</text>`);
    y += 12;
    const axis = timeAxis(r, o);
    if (axis) {
      const axisHeight = Number(/viewBox="0 0 \d+ (\d+)"/.exec(axis)![1]);
      const scale = (width - 2 * GAP) / AXIS_WIDTH;
      body.push(`<g transform="translate(${GAP} ${y}) scale(${scale.toFixed(4)})">${axis.replace('<svg class="axis"', `<svg class="axis" width="${AXIS_WIDTH}" height="${axisHeight}"`)}</g>`);
      y += axisHeight * scale + GAP;
    }
    let bottom = y;
    r.phases.forEach((p, n) => {
      const x = GAP + n * (colWidth + GAP);
      const col: string[] = [];
      let cy = y + 24;
      col.push(`<text class="h2" x="${x + 12}" y="${cy}"><title>${esc(p.title)}</title>${esc(fit(p.title, colWidth - 24, 15))}</text>`);
      if (p.start || p.end) {
        cy += 17;
        col.push(`<text class="s muted" x="${x + 12}" y="${cy}">${esc(dateRange(p))}</text>`);
      }
      cy += 12;
      const label = fmt("progress", o.lang, p.progress.done, p.progress.total);
      const barWidth = colWidth - 24 - 90;
      const filled = p.progress.total === 0 ? 0 : (p.progress.done / p.progress.total) * barWidth;
      col.push(`<rect class="track" x="${x + 12}" y="${cy}" width="${barWidth.toFixed(1)}" height="6" rx="3"/><rect class="fill" x="${x + 12}" y="${cy}" width="${filled.toFixed(1)}" height="6" rx="3"/><text class="s muted" x="${(x + 18 + barWidth).toFixed(1)}" y="${cy + 7}">${esc(label)}</text>`);
      cy += 14;
      for (const k of p.kpis) {
        cy += 15;
        const kpi = `${k.text}${k.target ? ` · ${localize(L.target, o.lang)} ${k.target}` : ""}${k.current ? ` · ${localize(L.current, o.lang)} ${k.current}` : ""}`;
        col.push(`<text class="s" x="${x + 12}" y="${cy}"><title>${esc(kpi)}</title>${esc(fit(kpi, colWidth - 24, 11))}</text>`);
      }
      cy += 10;
      if (p.items.length === 0) {
        cy += 16;
        col.push(`<text class="s spec-none" x="${x + 12}" y="${cy}">${esc(localize(L.noItems, o.lang))}</text>`);
      }
      for (const i of p.items) {
        const c = svgCard(i, x + 8, cy, colWidth - 16, o.lang);
        col.push(c.svg);
        cy += c.height + 8;
      }
      cy += 6;
      body.push(`<rect class="phase" x="${x}" y="${y}" width="${colWidth.toFixed(1)}" height="${cy - y}" rx="8"/>`, ...col);
      bottom = Math.max(bottom, cy);
    });
    y = bottom + GAP;
    if (r.orphans.length) {
      y += 4;
      body.push(`<text class="s muted" x="${GAP}" y="${y}">${esc(`${localize(L.orphans, o.lang)}: ${r.orphans.map(fileName).join(", ")}`)}</text>`);
      y += GAP;
    }
  }
  const height = Math.ceil(y + GAP);
  const symbols = Object.entries(ICONS).map(([id, b]) => `<symbol id="pmw-tl-${id}" viewBox="0 0 16 16">${b.replaceAll("var(--tl-bg)", "#ffffff")}</symbol>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" lang="${o.lang}">`,
    `<style>${SVG_CSS}</style>`,
    `<defs>${symbols.join("")}</defs>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...body,
    "</svg>",
    "",
  ].join("\n");
}
