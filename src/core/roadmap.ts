/**
 * Roadmaps: phases, items and KPIs read from a Markdown file, in the documented item format
 * (docs/roadmap.md) and in the forms roadmaps are written in already (Obsidian Tasks boxes,
 * fields anywhere on the line, plain links to specs, bold or colon labels).
 * Lines and columns are 0-based, as everywhere in the engine.
 */
import { basename, dirname, resolve } from "node:path";
import type { ParsedDocument } from "./document";
import { findLinks } from "./links";
import { hasPlaceholder } from "./placeholders";
import { TIME_WINDOW } from "./quantities";
import { BoundedMemo } from "./memo";
import type { TextEdit } from "./types";
import type { RuleContext } from "./rule";
import { slugify } from "./slug";
import WORDS from "./data/roadmap.json";

/**
 * Every status an item can have: the one list (the protocol's PmItemStatus mirrors it). `bet` is
 * a direction held in Later, not a commitment: a plain list item in a Later phase or under a Bets
 * label, or `status:bet`. Bets and dropped items do not count in progress.
 */
export const ITEM_STATUSES = ["todo", "in-progress", "blocked", "done", "dropped", "bet"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];
/** Statuses that are not (or no longer) a commitment: never overdue, not in progress totals. */
export const UNCOMMITTED: ReadonlySet<ItemStatus> = new Set(["dropped", "bet"]);

export const CONFIDENCE_LEVELS = ["high", "medium", "low"] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];
export const PHASE_HEALTHS = ["on-track", "at-risk", "off-track"] as const;
export type PhaseHealth = (typeof PHASE_HEALTHS)[number];

/** A column span on one line. */
export interface Span {
  start: number;
  end: number;
}

export interface SpecLinkRef extends Span {
  /** The link destination as written. */
  href: string;
  /** Absolute path of the linked file (anchor and query removed). */
  path: string;
  /** Written as a `spec:` field (true) or taken from a plain link on the line (false). */
  field: boolean;
}

/** A value that was written but could not be read (an unknown confidence, size or health). */
export interface BadValue extends Span {
  field: "confidence" | "size" | "health";
  value: string;
}

/** `after:` or `kpi:` as written, and what it resolves to. */
export interface Reference extends Span {
  ref: string;
}

export interface AfterRef extends Reference {
  /** The item it names, or null when none (or several) match. */
  target: RoadmapItem | null;
  /** How many items the reference matched: 0 unknown, 1 resolved, more ambiguous. */
  matches: number;
}

export interface KpiRef extends Reference {
  target: Kpi | null;
}

export interface Confidence {
  level: ConfidenceLevel;
  /** The percentage when written as one (`confidence:70%`), else null. */
  percent: number | null;
}

/** An effort or a capacity: as written, as a t-shirt size, or in weeks (working days are a fifth of a week). */
export interface Size {
  text: string;
  tshirt: string | null;
  weeks: number | null;
}

export interface RoadmapItem {
  title: string;
  line: number;
  status: ItemStatus;
  owners: string[];
  /** YYYY-MM-DD when the due date is valid, else null. */
  due: string | null;
  tags: string[];
  note: string | null;
  overdue: boolean;
  /** `###` (and deeper) headings the item sits under, outermost first. */
  groups: string[];
  spec: SpecLinkRef | null;
  /** Where the checkbox's mark is, and which character it holds; null for a plain list item. */
  box: (Span & { mark: string }) | null;
  /** The `status:` field, when written. */
  statusField: (Span & { value: string }) | null;
  /** The `due:` field (or Obsidian's 📅 date), when written. */
  dueField: (Span & { value: string }) | null;
  /** What is wrong with the status: an unknown `status:` value or checkbox mark. */
  unknownStatus: (Span & { value: string }) | null;
  /** A due date that is not a real YYYY-MM-DD date (placeholders such as TBD are left to the placeholder rule). */
  badDue: (Span & { value: string }) | null;
  /** The KPI the item moves (`kpi:`). */
  kpi: KpiRef | null;
  confidence: Confidence | null;
  /** The items it waits for (`after:`), in the order written. */
  after: AfterRef[];
  size: Size | null;
  /** Listed under a "Must finish" label: the phase fails without it. */
  must: boolean;
  badValues: BadValue[];
}

export interface Kpi {
  text: string;
  target: string | null;
  current: string | null;
  /** Where the KPI starts from. */
  baseline: string | null;
  /** Over what period it is measured (a column, a `window:` key, or a parenthesis naming a period). */
  window: string | null;
  /** YYYY-MM-DD the current value was read, or null. */
  asOf: string | null;
  line: number;
  /** Where the target is written: its table cell or list text (for findings). */
  span: Span;
}

export interface RoadmapPhase {
  title: string;
  line: number;
  /** First and last day the heading names (Q1 2027, Nov-Dec 2026, 2027-01-15 – 2027-03-31), or null. */
  start: string | null;
  end: string | null;
  kpis: Kpi[];
  progress: { done: number; total: number };
  items: RoadmapItem[];
  /** `Capacity: 6w` on a line of the phase. */
  capacity: (Size & { line: number }) | null;
  /** `Health: at risk` (正常 / 有风险 / 偏离) on a line of the phase. */
  health: PhaseHealth | null;
  healthLine: number | null;
  /** A Later phase (Later, Someday, 远期 ...): its plain list items are bets. */
  later: boolean;
  badValues: Array<BadValue & { line: number }>;
}

export interface Roadmap {
  file: string;
  title: string;
  phases: RoadmapPhase[];
}

/** A roadmap by name: ROADMAP.md in any case, with or without front matter. */
export function isRoadmapFileName(file: string): boolean {
  return /^roadmap\.(md|markdown)$/i.test(basename(file));
}

// ---- words -----------------------------------------------------------------------------

type Label = "deliverables" | "kpis" | "goals" | "must" | "bets";
const LABELS = new Map<string, Label>();
for (const [label, words] of Object.entries(WORDS.labels)) for (const w of words) LABELS.set(w.toLowerCase(), label as Label);
const STATUS_WORDS = new Map<string, ItemStatus>();
for (const [status, words] of Object.entries(WORDS.statuses)) for (const w of words) STATUS_WORDS.set(w.toLowerCase(), status as ItemStatus);
const BOXES = WORDS.boxes as Record<string, ItemStatus>;
const CANONICAL_BOX = WORDS.canonicalBoxes as Record<ItemStatus, string>;
const MONTHS = WORDS.months as Record<string, number>;
const LATER = new Set(WORDS.laterPhases.map((w) => w.toLowerCase()));

const wordMap = <T extends string>(groups: Record<string, string[]>) => {
  const m = new Map<string, T>();
  for (const [key, words] of Object.entries(groups)) for (const w of words) m.set(w.toLowerCase(), key as T);
  return m;
};
type ItemField = keyof typeof WORDS.fields;
const FIELD_NAMES = wordMap<ItemField>(WORDS.fields);
const PHASE_FIELD_NAMES = wordMap<keyof typeof WORDS.phaseFields>(WORDS.phaseFields);
const HEALTH_WORDS = wordMap<PhaseHealth>(WORDS.health);
const CONFIDENCE_WORDS = wordMap<ConfidenceLevel>(WORDS.confidence);
const TSHIRTS = new Map(WORDS.tshirtSizes.map((t) => [t.toLowerCase(), t]));
const DURATION_UNITS = WORDS.durationUnits as Record<string, number>;
const KPI_COLUMNS = Object.entries(WORDS.kpiColumns) as Array<[KpiColumn, string[]]>;
type KpiColumn = keyof typeof WORDS.kpiColumns;

/** Whether a phase heading names a Later horizon (the parenthesis and its dates ignored). */
export function isLaterPhase(title: string): boolean {
  const name = title.replace(/[（(].*$/, "").replace(/[\s:：—–-]+$/, "").trim().toLowerCase();
  return LATER.has(name);
}

/** A phase's health word (on track, at risk, 有风险 ...), or null. */
export function healthFromWord(word: string): PhaseHealth | null {
  return HEALTH_WORDS.get(word.trim().toLowerCase().replace(/[\s_]+/g, " ").replace(/[.。!！]+$/, "")) ?? HEALTH_WORDS.get(word.trim().toLowerCase().replace(/[\s_]+/g, "-")) ?? null;
}

/** `high`, `低`, `70%`, `0.7`: a confidence, or null when unreadable. */
export function confidenceFrom(value: string): Confidence | null {
  const v = value.trim().toLowerCase();
  const level = CONFIDENCE_WORDS.get(v);
  if (level) return { level, percent: null };
  const m = /^(\d{1,3}(?:\.\d+)?)\s*[%％]$/.exec(v) ?? /^(0?\.\d+|1(?:\.0+)?)$/.exec(v);
  if (!m) return null;
  const percent = m[0].includes("%") || m[0].includes("％") ? Number(m[1]) : Math.round(Number(m[1]) * 100);
  if (percent > 100) return null;
  const { high, medium } = WORDS.confidencePercent;
  return { level: percent >= high ? "high" : percent >= medium ? "medium" : "low", percent };
}

/** `M`, `XL`, `3w`, `2 weeks`, `5d`, `1.5m`, `3周`, `10人天`: a size, or null when unreadable. */
export function sizeFrom(value: string): Size | null {
  const text = value.trim();
  const tshirt = TSHIRTS.get(text.toLowerCase());
  if (tshirt) return { text, tshirt, weeks: null };
  const m = /^(\d+(?:\.\d+)?)\s*([\p{L}-]+)$/u.exec(text);
  const per = m ? DURATION_UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || per === undefined) return null;
  return { text, tshirt: null, weeks: Math.round(Number(m[1]) * per * 100) / 100 };
}

function labelOf(text: string): Label | null {
  const t = text
    .replace(/^\s*(?:\*\*|__)(.*?)(?:\*\*|__)\s*([:：])?\s*$/, "$1")
    .replace(/[:：]\s*$/, "")
    .trim()
    .toLowerCase();
  return LABELS.get(t) ?? null;
}

/** A status word as written (`status:WIP`, `in progress`), or null when unknown. */
export function statusFromWord(word: string): ItemStatus | null {
  return STATUS_WORDS.get(word.trim().toLowerCase().replace(/\s+/g, "-")) ?? null;
}

// ---- dates -----------------------------------------------------------------------------

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isRealDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo);
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, "0");
const day = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

interface DatePiece {
  year: number | null;
  /** First and last month, or exact days for an ISO date. */
  from: [number, number];
  to: [number, number];
  /** A bare year, used to give years to the pieces around it. */
  yearOnly?: boolean;
}

const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 上: 1, 下: 2 };
const DATE_TOKEN = new RegExp(
  [
    String.raw`(?<iso>\d{4}-\d{2}-\d{2})`,
    String.raw`(?<ym>\d{4})[-/.](?<ymm>\d{1,2})(?!\d)`,
    String.raw`\b(?:(?<qy1>\d{4})\s*)?Q(?<q>[1-4])\b`,
    String.raw`\b(?:(?<hy1>\d{4})\s*)?H(?<h>[12])\b`,
    String.raw`(?:(?<cny>\d{4})\s*年\s*)?(?:第\s*)?(?<cnq>[一二三四1-4])\s*季度`,
    String.raw`(?:(?<cnhy>\d{4})\s*年\s*)?(?<cnh>[上下])半年`,
    String.raw`(?:(?<cnmy>\d{4})\s*年\s*)?(?<cnm>\d{1,2})\s*月`,
    String.raw`(?<cnyear>\d{4})\s*年`,
    String.raw`\b(?<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?`,
    String.raw`\b(?<year>(?:19|20)\d{2})\b`,
  ].join("|"),
  "giu",
);

/** The first and last day a phase heading names, when it names any. */
export function phaseDates(title: string): { start: string | null; end: string | null } {
  const pieces: DatePiece[] = [];
  for (const m of title.matchAll(DATE_TOKEN)) {
    const g = m.groups!;
    const num = (v: string | undefined) => (v === undefined ? null : Number(v));
    if (g["iso"]) {
      if (!isRealDate(g["iso"])) continue;
      const [y, mo, d] = g["iso"].split("-").map(Number) as [number, number, number];
      pieces.push({ year: y, from: [mo, d], to: [mo, -d] });
    } else if (g["ym"]) {
      const mo = Number(g["ymm"]);
      if (mo >= 1 && mo <= 12) pieces.push({ year: Number(g["ym"]), from: [mo, 1], to: [mo, 0] });
    } else if (g["q"] || g["cnq"]) {
      const q = g["q"] ? Number(g["q"]) : (CN_NUM[g["cnq"]!] ?? Number(g["cnq"]));
      pieces.push({ year: num(g["qy1"] ?? g["cny"]), from: [3 * q - 2, 1], to: [3 * q, 0] });
    } else if (g["h"] || g["cnh"]) {
      const h = g["h"] ? Number(g["h"]) : CN_NUM[g["cnh"]!]!;
      pieces.push({ year: num(g["hy1"] ?? g["cnhy"]), from: [6 * h - 5, 1], to: [6 * h, 0] });
    } else if (g["cnm"]) {
      const mo = Number(g["cnm"]);
      if (mo >= 1 && mo <= 12) pieces.push({ year: num(g["cnmy"]), from: [mo, 1], to: [mo, 0] });
    } else if (g["mon"]) {
      const mo = MONTHS[g["mon"].toLowerCase().replace(/\.$/, "")];
      if (mo) pieces.push({ year: null, from: [mo, 1], to: [mo, 0] });
    } else if (g["year"] || g["cnyear"]) {
      pieces.push({ year: Number(g["year"] ?? g["cnyear"]), from: [1, 1], to: [12, 0], yearOnly: true });
    }
  }
  // A bare year gives its year to the pieces before it (Nov-Dec 2026) or, failing that, after it.
  const dated = pieces.filter((p) => !p.yearOnly);
  const years = pieces.filter((p) => p.yearOnly);
  if (dated.length > 0) {
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i]!;
      if (p.yearOnly || p.year !== null) continue;
      const after = pieces.slice(i + 1).find((q) => q.year !== null);
      const before = [...pieces.slice(0, i)].reverse().find((q) => q.year !== null);
      p.year = (after ?? before)?.year ?? null;
    }
  }
  const used = dated.length > 0 ? dated.filter((p) => p.year !== null) : years;
  if (used.length === 0) return { start: null, end: null };
  const first = used[0]!;
  const last = used[used.length - 1]!;
  const start = day(first.year!, first.from[0], Math.abs(first.from[1]) || 1);
  const endDay = last.to[1] < 0 ? -last.to[1] : daysIn(last.year!, last.to[0]);
  let end = day(last.year!, last.to[0], endDay);
  // "Dec 2026 - Feb": the end is in the next year.
  if (end < start && last.year === first.year) end = day(last.year! + 1, last.to[0], last.to[1] < 0 ? -last.to[1] : daysIn(last.year! + 1, last.to[0]));
  return { start, end };
}

// ---- item lines ------------------------------------------------------------------------

const LIST_ITEM = /^( {0,3})(?:[-*+]|\d{1,9}[.)])([ \t]+)(.*)$/;
const NESTED_ITEM = /^([ \t]+)(?:[-*+]|\d{1,9}[.)])[ \t]+(.*)$/;
const BOX = /^\[(.)\](?=[ \t]|$)[ \t]*/;
const EXTERNAL = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i;
const SEPARATOR = /\s+(?:——|—|–|--|-)(?=\s|$)/;
// Fields start at the beginning of the text or after a space. The spec field's label may hold
// spaces; so may a quoted value (`kpi:"First-answer accuracy"`, `after:“评测集”`). `after:` takes
// a comma-separated list.
const escapeRe = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const keysOf = (pick: (f: ItemField) => boolean) =>
  [...FIELD_NAMES].filter(([, f]) => pick(f)).map(([w]) => w).sort((a, b) => b.length - a.length).map(escapeRe).join("|");
const QUOTED = String.raw`"[^"]*"|“[^”]*”|「[^」]*」`;
const VALUE = String.raw`(?:${QUOTED}|[^\s,，;；"“「]+)`;
const FIELD = new RegExp(
  [
    String.raw`(?<=^|[\s(（,，])(?:(?<spec>spec[:：]\s?\[(?:[^\]\\]|\\.)*\]\([^)\s]*\))`,
    String.raw`(?<key>${keysOf((f) => f !== "after")})[:：](?<value>${VALUE})`,
    String.raw`(?<key2>${keysOf((f) => f === "after")})[:：](?<list>${VALUE}(?:[,，]${VALUE})*)`,
    String.raw`📅\s?(?<emoji>\d{4}-\d{2}-\d{2})`,
    String.raw`@(?<owner>[\p{L}\p{N}_][\p{L}\p{N}._-]*)`,
    String.raw`#(?<tag>[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*))`,
  ].join("|"),
  "gu",
);
const VALUES = new RegExp(VALUE, "gu");
const unquote = (v: string) => v.replace(/^["“「](.*)["”」]$/s, "$1").trim();

interface ParsedLine {
  title: string;
  owners: string[];
  tags: string[];
  note: string | null;
  spec: SpecLinkRef | null;
  statusField: (Span & { value: string }) | null;
  dueField: (Span & { value: string }) | null;
  kpi: Reference | null;
  after: Reference[];
  confidence: Confidence | null;
  size: Size | null;
  badValues: BadValue[];
}

function decode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

function localSpec(href: string, file: string, root: string): string | null {
  const h = href.trim();
  if (!h || EXTERNAL.test(h)) return null;
  const hash = h.indexOf("#");
  const path = decode((hash >= 0 ? h.slice(0, hash) : h).split("?")[0]!);
  if (!path) return null;
  return path.startsWith("/") ? resolve(root, `.${path}`) : resolve(dirname(file), path);
}

/** Links become their text; emphasis markers and stray separators go. */
function plain(text: string): string {
  return text
    .replace(/!?\[((?:[^[\]\\]|\\.|\[[^[\]]*\])*)\]\([^)]*\)/g, "$1")
    .replace(/(\*\*|__|~~)(.+?)\1/g, "$2")
    .replace(/\s+/g, " ")
    .replace(/^[\s—–-]+|[\s—–-]+$/g, "")
    .trim();
}

// Item lines repeat between reads (an edit changes one line): each distinct line is parsed once
// per folder and root (spec paths resolve against them). Keyed by the text alone, so a lookup
// hashes the line and builds no key string.
const parsedLines = new BoundedMemo<string, Map<string, { base: number; parsed: ParsedLine }>>(64);
const MAX_LINES_PER_CONTEXT = 50_000;

/** parseItemText, remembered by its inputs. The result is shared: never mutate it. */
function parseItemLine(text: string, base: number, file: string, root: string): ParsedLine {
  const byText = parsedLines.get(`${root}\0${dirname(file)}`, () => new Map());
  const hit = byText.get(text);
  if (hit && hit.base === base) return hit.parsed;
  const parsed = parseItemText(text, base, file, root);
  if (byText.size >= MAX_LINES_PER_CONTEXT) byText.clear();
  byText.set(text, { base, parsed });
  return parsed;
}

/** Title, fields and note of an item's text (after the checkbox), which starts at column `base`. */
function parseItemText(text: string, base: number, file: string, root: string): ParsedLine {
  const owners: string[] = [];
  const tags: string[] = [];
  let spec: SpecLinkRef | null = null;
  let statusField: ParsedLine["statusField"] = null;
  let dueField: ParsedLine["dueField"] = null;
  let kpi: Reference | null = null;
  const after: Reference[] = [];
  let confidence: Confidence | null = null;
  let size: Size | null = null;
  const badValues: BadValue[] = [];
  // Inline code is not fields: blank it out before looking.
  const scan = text.replace(/`[^`]*`/g, (m) => " ".repeat(m.length));
  const kept: string[] = [];
  let last = 0;
  for (const m of scan.matchAll(FIELD)) {
    const g = m.groups!;
    const start = m.index;
    const end = start + m[0].length;
    if (g["spec"]) {
      const link = findLinks(m[0])[0];
      const path = link ? localSpec(link.href, file, root) : null;
      if (!link || !path || spec?.field) continue;
      spec = { href: link.href, path, field: true, start: base + start + link.start, end: base + start + link.end };
    } else if (g["key"] || g["key2"]) {
      // Only `after:` is a list; for the others, a comma ends the value as it ends a sentence.
      const field = FIELD_NAMES.get(g["key"] ?? g["key2"]!)!;
      const raw = g["value"] ?? g["list"]!;
      const vs = base + end - raw.length;
      const span = { start: vs, end: vs + raw.length };
      if (field === "status") {
        if (statusField) continue;
        statusField = { value: unquote(raw), ...span };
      } else if (field === "due") {
        if (dueField) continue;
        const value = raw.replace(/[.)）]+$/, "");
        dueField = { value, start: vs, end: vs + value.length };
      } else if (field === "kpi") {
        if (kpi) continue;
        kpi = { ref: unquote(raw), ...span };
      } else if (field === "after") {
        for (const part of raw.matchAll(VALUES)) {
          const ref = unquote(part[0]);
          if (ref && !after.some((a) => a.ref === ref)) after.push({ ref, start: vs + part.index, end: vs + part.index + part[0].length });
        }
      } else if (field === "confidence") {
        if (confidence) continue;
        confidence = confidenceFrom(unquote(raw));
        if (!confidence && !hasPlaceholder(raw)) badValues.push({ field, value: unquote(raw), ...span });
      } else if (field === "size") {
        if (size) continue;
        size = sizeFrom(unquote(raw));
        if (!size && !hasPlaceholder(raw)) badValues.push({ field, value: unquote(raw), ...span });
      }
      kept.push(text.slice(last, start));
      last = end;
      continue;
    } else if (g["emoji"]) {
      if (dueField) continue;
      const value = g["emoji"].replace(/[.)）]+$/, "");
      const vs = base + end - g["emoji"].length;
      dueField = { value, start: vs, end: vs + value.length };
    } else if (g["owner"]) {
      const name = g["owner"].replace(/[._-]+$/, "");
      if (!owners.includes(name)) owners.push(name);
    } else if (g["tag"]) {
      if (!tags.includes(g["tag"])) tags.push(g["tag"]);
    }
    kept.push(text.slice(last, start));
    last = end;
  }
  kept.push(text.slice(last));
  const rest = kept.join(" ");
  if (!spec) {
    for (const link of findLinks(scan)) {
      const path = localSpec(link.href, file, root);
      if (path && /\.(md|markdown)$/i.test(path)) {
        spec = { href: link.href, path, field: false, start: base + link.start, end: base + link.end };
        break;
      }
    }
  }
  const sep = SEPARATOR.exec(rest);
  const title = plain(sep ? rest.slice(0, sep.index) : rest);
  const note = sep ? plain(rest.slice(sep.index + sep[0].length).replace(/\s+(?:——|—|–|--|-)(?=\s|$)/g, " ")) : "";
  return { title, owners, tags, note: note || null, spec, statusField, dueField, kpi, after, confidence, size, badValues };
}

// ---- the document ----------------------------------------------------------------------

export interface RoadmapOptions {
  /** Absolute workspace root: `/path` links resolve against it. */
  root: string;
  /** YYYY-MM-DD: items due before it are overdue. */
  today: string;
}

interface Candidate {
  item: RoadmapItem;
  /** Plain (no checkbox) list item outside any Deliverables label: an item only when the phase has no checkboxes. */
  tentative: boolean;
}

const TABLE_SEPARATOR = /^\s*\|?\s*:?-{1,}:?\s*(\|\s*:?-{1,}:?\s*)*\|?\s*$/;

function cells(line: string): string[] {
  let t = line.trim();
  if (t.startsWith("|")) t = t.slice(1);
  if (t.endsWith("|") && !t.endsWith("\\|")) t = t.slice(0, -1);
  return t.split(/(?<!\\)\|/).map((c) => c.trim());
}

const AS_OF = /[（(]?\s*(?:as of|as-of|measured|updated|截至|截止|更新于)\s*[:：]?\s*(\d{4}-\d{2}-\d{2})\s*[)）]?/i;
const PARENS = /[（(]([^()（）]+)[)）]/g;

/** The first parenthesis in the texts that names a period ("28-day rolling", "3-month average", "周均"). */
function windowIn(...texts: Array<string | null>): string | null {
  for (const t of texts) for (const m of (t ?? "").matchAll(PARENS)) if (TIME_WINDOW.test(m[1]!) && !AS_OF.test(m[0])) return m[1]!.trim();
  return null;
}

/** A current value with its date split off: "88% (as of 2026-11-18)" is 88% as of 2026-11-18. */
function splitAsOf(current: string | null): { current: string | null; asOf: string | null } {
  if (!current) return { current, asOf: null };
  const m = AS_OF.exec(current);
  if (!m || !isRealDate(m[1]!)) return { current, asOf: null };
  return { current: current.replace(m[0], " ").replace(/\s+/g, " ").trim() || null, asOf: m[1]! };
}

const KPI_KEY = (names: string) => new RegExp(`(?:^|[\\s(（,，;；])(?:${names})\\s*[:：]\\s*([^;；,，)）]+)`, "i");
const KPI_KEYS = Object.fromEntries(KPI_COLUMNS.map(([col, words]) => [col, KPI_KEY(words.map(escapeRe).join("|"))])) as Record<KpiColumn, RegExp>;

function kpiFromText(text: string, line: number, span: Span): Kpi {
  const t = plain(text);
  const key = (col: KpiColumn) => KPI_KEYS[col].exec(t)?.[1]!.trim() ?? null;
  const target = key("target") ?? /((?:>=|<=|≥|≤|>|<|=)\s*[^;；,，(（]+)/.exec(t)?.[1]!.trim() ?? null;
  const split = splitAsOf(key("current"));
  const asOfText = AS_OF.exec(t)?.[1] ?? null;
  const asOf = split.asOf ?? (asOfText && isRealDate(asOfText) ? asOfText : null);
  return { text: t, target, current: split.current, baseline: key("baseline"), window: key("window") ?? windowIn(t), asOf, line, span };
}

/** Which column holds what, read from a KPI table's header; null when it names none (read by position). */
function kpiColumnsOf(header: string[]): Map<KpiColumn, number> | null {
  const at = new Map<KpiColumn, number>();
  header.forEach((cell, i) => {
    if (i === 0) return;
    const c = plain(cell).toLowerCase();
    for (const [col, words] of KPI_COLUMNS) if (!at.has(col) && words.some((w) => c === w || c.startsWith(`${w} `) || c.startsWith(`${w}（`) || c.startsWith(`${w}(`))) return void at.set(col, i);
  });
  return at.size > 0 ? at : null;
}

function kpiFromRow(row: string[], columns: Map<KpiColumn, number> | null, line: number, span: Span): Kpi {
  const cell = (i: number | undefined) => (i === undefined || !row[i] ? null : plain(row[i]!) || null);
  const col = columns ?? new Map<KpiColumn, number>([["target", 1], ["current", 2]]);
  const text = plain(row[0]!);
  const target = cell(col.get("target"));
  const split = splitAsOf(cell(col.get("current")));
  const asOfCell = cell(col.get("asOf"));
  const asOf = asOfCell && isRealDate(asOfCell) ? asOfCell : split.asOf;
  return { text, target, current: split.current, baseline: cell(col.get("baseline")), window: cell(col.get("window")) ?? windowIn(text, target), asOf, line, span };
}

const PHASE_FIELD = new RegExp(
  String.raw`^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?<key>${[...PHASE_FIELD_NAMES.keys()].map(escapeRe).join("|")})\s*(?:[:：]\s*(?:\*\*|__)|(?:\*\*|__)\s*[:：]|[:：])\s*(?<value>.*?)\s*$`,
  "i",
);

/** Resolves `after:` references once every item is read: exact title or slug first, then a unique prefix. */
function resolveAfter(all: RoadmapItem[]): void {
  // Most roadmaps name no dependency: slug nothing then.
  if (!all.some((i) => i.after.length > 0)) return;
  const slugs = new Map(all.map((i) => [i, slugify(i.title)]));
  for (const item of all) {
    for (const a of item.after) {
      const others = all.filter((i) => i !== item);
      const ref = a.ref.toLowerCase();
      const slug = slugify(a.ref);
      let hits = others.filter((i) => i.title.toLowerCase() === ref || (slug !== "" && slugs.get(i) === slug));
      if (hits.length === 0 && slug) hits = others.filter((i) => slugs.get(i)!.startsWith(slug));
      a.matches = hits.length;
      a.target = hits.length === 1 ? hits[0]! : null;
    }
  }
}

/** Resolves `kpi:` references to the roadmap's KPIs by text or slug, then by a unique prefix. */
function resolveKpis(all: RoadmapItem[], kpis: Kpi[]): void {
  if (!all.some((i) => i.kpi)) return;
  const slugs = new Map(kpis.map((k) => [k, slugify(k.text)]));
  for (const item of all) {
    if (!item.kpi) continue;
    const slug = slugify(item.kpi.ref);
    let hits = kpis.filter((k) => k.text.toLowerCase() === item.kpi!.ref.toLowerCase() || (slug !== "" && slugs.get(k) === slug));
    if (hits.length === 0 && slug) hits = kpis.filter((k) => slugs.get(k)!.startsWith(slug));
    // The same KPI is often listed in several phases: the first is the one meant.
    const texts = new Set(hits.map((k) => k.text));
    item.kpi.target = texts.size === 1 ? hits[0]! : null;
  }
}

/** Records a phase line (`Capacity: 6w`, `Health: at risk`); false when it is not one (`Status: draft`). */
function readPhaseField(phase: RoadmapPhase, key: string, rawValue: string, line: number, start: number): boolean {
  const field = PHASE_FIELD_NAMES.get(key.toLowerCase())!;
  const value = plain(rawValue);
  if (field === "capacity") {
    if (!value || phase.capacity) return true;
    phase.capacity = { ...(sizeFrom(value) ?? { text: value, tshirt: null, weeks: null }), text: value, line };
    return true;
  }
  const health = healthFromWord(value);
  // "Status" names the phase's health only with a health word; other status lines are prose.
  if (!health && key.toLowerCase() !== "health" && key !== "健康度") return false;
  if (health) {
    if (phase.health === null) {
      phase.health = health;
      phase.healthLine = line;
    }
  } else if (value && !hasPlaceholder(value)) phase.badValues.push({ field: "health", value, start, end: start + rawValue.length, line });
  return true;
}

/** Reads the roadmap model of a parsed document. Never throws. */
export function readRoadmap(doc: ParsedDocument, file: string, opts: RoadmapOptions): Roadmap {
  const lines = doc.lines;
  const fmTitle = doc.frontMatter.data["title"];
  const h1 = doc.sections.find((s) => s.level === 1);
  const title = typeof fmTitle === "string" && fmTitle.trim() ? fmTitle.trim() : (h1?.title ?? basename(file).replace(/\.(md|markdown)$/i, ""));
  const headingAt = new Map(doc.md.headings.map((h) => [h.line, h]));

  const phases: RoadmapPhase[] = [];
  let phase: RoadmapPhase | null = null;
  let candidates: Candidate[] = [];
  let mode: Label | null = null;
  const groups: Array<{ level: number; title: string }> = [];
  // The group titles items share until the next heading changes them.
  let groupTitles: string[] = [];
  let kpiColumns: Map<KpiColumn, number> | null = null;
  let lastItem: RoadmapItem | null = null;
  let contentColumn: number | null = null;

  const closePhase = () => {
    if (!phase) return;
    const anyBox = candidates.some((c) => c.item.box !== null || !c.tentative);
    phase.items = candidates.filter((c) => !c.tentative || !anyBox).map((c) => c.item);
    const counted = phase.items.filter((i) => !UNCOMMITTED.has(i.status));
    phase.progress = { done: counted.filter((i) => i.status === "done").length, total: counted.length };
    candidates = [];
  };
  const openPhase = (t: string, line: number) => {
    closePhase();
    const { start, end } = phaseDates(t);
    phase = { title: t, line, start, end, kpis: [], progress: { done: 0, total: 0 }, items: [], capacity: null, health: null, healthLine: null, later: isLaterPhase(t), badValues: [] };
    phases.push(phase);
    mode = null;
    groups.length = 0;
    groupTitles = [];
  };
  const currentPhase = (line: number): RoadmapPhase => {
    if (!phase) openPhase(title, line);
    return phase!;
  };

  for (let l = doc.frontMatter.bodyStart; l < lines.length; l++) {
    const heading = headingAt.get(l);
    if (heading) {
      if (heading.level === 2) openPhase(heading.title, l);
      else if (heading.level >= 3 && phase) {
        const label = labelOf(heading.title);
        while (groups.length > 0 && groups[groups.length - 1]!.level >= heading.level) groups.pop();
        if (label) mode = label;
        else {
          mode = null;
          groups.push({ level: heading.level, title: heading.title });
        }
        groupTitles = groups.map((g) => g.title);
        kpiColumns = null;
      }
      lastItem = null;
      contentColumn = null;
      l = heading.endLine - 1;
      continue;
    }
    if (doc.isNonProse(l)) continue;
    const text = lines[l]!;
    if (!text.trim()) continue;

    // A list line indented to the previous item's content is nested under it (a note, a sub-task).
    let leading = 0;
    for (let c = 0; c < text.length && (text[c] === " " || text[c] === "\t"); c++) leading += text[c] === "\t" ? 4 : 1;
    const li: RegExpExecArray | null = contentColumn !== null && leading >= contentColumn ? null : LIST_ITEM.exec(text);
    if (li) contentColumn = li[0].length - li[3]!.length;
    else if (leading === 0) contentColumn = null;
    // `Capacity: 6w`, `**Health:** at risk`, `- 健康度：有风险`: a line about the phase, not an item.
    const pf = (li ? !BOX.test(li[3]!) : leading === 0) ? PHASE_FIELD.exec(text) : null;
    if (pf && readPhaseField(currentPhase(l), pf.groups!["key"]!, pf.groups!["value"]!, l, text.lastIndexOf(pf.groups!["value"]!))) {
      lastItem = null;
      continue;
    }
    if (li) {
      const indent = li[0].length - li[3]!.length;
      const body = li[3]!;
      const box = BOX.exec(body);
      if (!box && mode === "kpis") {
        currentPhase(l).kpis.push(kpiFromText(body, l, { start: indent, end: text.trimEnd().length }));
        lastItem = null;
        continue;
      }
      if (!box && mode === "goals") {
        lastItem = null;
        continue;
      }
      const rest = box ? body.slice(box[0].length) : body;
      const parsed = parseItemLine(rest, indent + (box ? box[0].length : 0), file, opts.root);
      if (!parsed.title && !box) continue;
      const mark = box ? box[1]! : null;
      const ph = currentPhase(l);
      // A plain list item in Later or under a Bets label is a bet: a direction, not a commitment.
      const bet = mark === null && (mode === "bets" || (ph.later && mode !== "deliverables" && mode !== "must"));
      let status: ItemStatus = mark === null ? (bet ? "bet" : "todo") : (BOXES[mark] ?? "todo");
      let unknownStatus: RoadmapItem["unknownStatus"] = mark !== null && !BOXES[mark] ? { value: `[${mark}]`, start: indent, end: indent + 3 } : null;
      if (parsed.statusField) {
        const s = statusFromWord(parsed.statusField.value);
        // A known status: field wins over the box, whatever mark the box holds.
        if (s) {
          status = s;
          unknownStatus = null;
        } else unknownStatus = { ...parsed.statusField };
      }
      let due: string | null = null;
      let badDue: RoadmapItem["badDue"] = null;
      if (parsed.dueField) {
        if (isRealDate(parsed.dueField.value)) due = parsed.dueField.value;
        else if (!hasPlaceholder(parsed.dueField.value)) badDue = { ...parsed.dueField };
      }
      const item: RoadmapItem = {
        title: parsed.title,
        line: l,
        status,
        owners: [...parsed.owners],
        due,
        tags: [...parsed.tags],
        note: parsed.note,
        overdue: due !== null && due < opts.today && status !== "done" && !UNCOMMITTED.has(status),
        groups: groupTitles,
        spec: parsed.spec,
        box: box && mark !== null ? { mark, start: indent + 1, end: indent + 2 } : null,
        statusField: parsed.statusField,
        dueField: parsed.dueField,
        unknownStatus,
        badDue,
        kpi: parsed.kpi ? { ...parsed.kpi, target: null } : null,
        confidence: parsed.confidence,
        after: parsed.after.map((a) => ({ ...a, target: null, matches: 0 })),
        size: parsed.size,
        must: mode === "must",
        badValues: parsed.badValues,
      };
      candidates.push({ item, tentative: !box && !bet && mode !== "deliverables" && mode !== "must" });
      lastItem = item;
      continue;
    }
    // An indented line under an item: its note, when the item line has none.
    const nested = NESTED_ITEM.exec(text);
    if (nested || /^[ \t]+\S/.test(text)) {
      if (lastItem && lastItem.note === null && !(nested && BOX.test(nested[2]!))) lastItem.note = plain(nested ? nested[2]! : text) || null;
      continue;
    }
    lastItem = null;
    if (/^\s*\|/.test(text) || (mode === "kpis" && text.includes("|"))) {
      if (mode !== "kpis") continue;
      if (TABLE_SEPARATOR.test(text)) continue;
      // The row before the separator is the header: it says which column holds what.
      if (TABLE_SEPARATOR.test(lines[l + 1] ?? "")) {
        kpiColumns = kpiColumnsOf(cells(text));
        continue;
      }
      const c = cells(text);
      const indent = text.length - text.trimStart().length;
      // A KPI table before the first ## heading belongs to the implicit phase, as its items do.
      if (c[0]) currentPhase(l).kpis.push(kpiFromRow(c, kpiColumns, l, { start: indent, end: text.trimEnd().length }));
      continue;
    }
    const label = labelOf(text);
    if (label) {
      mode = label;
      continue;
    }
    // Other prose ends a label's block only when it is itself bold (another label we do not know).
    if (/^\s*(\*\*|__)[^*_]+\1[:：]?\s*$/.test(text)) mode = null;
  }
  closePhase();
  const all = phases.flatMap((p) => p.items);
  resolveAfter(all);
  resolveKpis(all, phases.flatMap((p) => p.kpis));
  // A file with no phase at all still has a model (phases: []); an implicit phase holds loose items.
  return { file, title, phases };
}

const itemLists = new WeakMap<Roadmap, RoadmapItem[]>();

/** Every item of a roadmap, in document order (one list per roadmap, shared: do not mutate). */
export function roadmapItems(roadmap: Roadmap): RoadmapItem[] {
  let list = itemLists.get(roadmap);
  if (!list) itemLists.set(roadmap, (list = roadmap.phases.flatMap((p) => p.items)));
  return list;
}

/** The item whose list line is `line`, or null. */
export function itemAt(roadmap: Roadmap, line: number): RoadmapItem | null {
  for (const p of roadmap.phases) for (const i of p.items) if (i.line === line) return i;
  return null;
}

// ---- edits -----------------------------------------------------------------------------

/** An edit that cannot be made: the line changed since it was read ("stale"), or the request is wrong ("invalid"). */
export class RoadmapEditError extends Error {
  constructor(
    message: string,
    readonly kind: "stale" | "invalid",
  ) {
    super(message);
  }
}

/** The line as an editor sees it: no line break. */
function lineText(doc: ParsedDocument, line: number): string | null {
  return line >= 0 && line < doc.lines.length ? doc.lines[line]! : null;
}

function checkLine(doc: ParsedDocument, roadmap: Roadmap, file: string, line: number, expected: string): RoadmapItem {
  const actual = lineText(doc, line);
  if (actual === null) throw new RoadmapEditError(`${file}:${line + 1}: the file has only ${doc.lines.length} lines; reload the roadmap and try again.`, "stale");
  if (actual !== expected) throw new RoadmapEditError(`${file}:${line + 1}: the line changed since the roadmap was read (now "${actual.trim()}"); reload the roadmap and try again.`, "stale");
  const item = itemAt(roadmap, line);
  if (!item) throw new RoadmapEditError(`${file}:${line + 1}: this line is not a roadmap item ("${actual.trim()}").`, "invalid");
  return item;
}

/**
 * Edits that set one item's status: its `status:` field when it has one (and its box, so the
 * list still reads right), else its checkbox, else a new `status:` field. Nothing else changes.
 */
export function itemStatusEdits(doc: ParsedDocument, roadmap: Roadmap, file: string, line: number, expected: string, status: ItemStatus): TextEdit[] {
  if (!(ITEM_STATUSES as readonly string[]).includes(status)) throw new RoadmapEditError(`status must be one of ${ITEM_STATUSES.join(", ")}, not "${String(status)}".`, "invalid");
  const item = checkLine(doc, roadmap, file, line, expected);
  const at = (s: Span, newText: string): TextEdit => ({ range: { start: { line, character: s.start }, end: { line, character: s.end } }, newText });
  const edits: TextEdit[] = [];
  if (item.statusField) {
    if (item.statusField.value !== status) edits.push(at(item.statusField, status));
    if (item.box) {
      // A file that writes status fields keeps to [ ] and [x] unless it already uses other marks.
      const mark = status === "done" ? "x" : status === "bet" || /[ xX]/.test(item.box.mark) ? " " : CANONICAL_BOX[status];
      if (item.box.mark !== mark && !(status === "done" && item.box.mark === "X")) edits.push(at(item.box, mark));
    }
  } else if (item.box && status === "bet") {
    // No box means a bet: an unticked box and a status field say it where boxes are all there is.
    if (item.box.mark !== " ") edits.push(at(item.box, " "));
    const end = expected.trimEnd().length;
    edits.push(at({ start: end, end }, " status:bet"));
  } else if (item.box) {
    if (BOXES[item.box.mark] !== status || item.unknownStatus) edits.push(at(item.box, CANONICAL_BOX[status]));
  } else if (item.status === status && !item.unknownStatus) {
    // A plain item in Later is a bet already; nothing to write.
  } else {
    const end = expected.trimEnd().length;
    edits.push(at({ start: end, end }, ` status:${status}`));
  }
  return edits;
}

/** A relative link from one file to another, with forward slashes and spaces escaped. */
function relativeHref(fromFile: string, toFile: string): string {
  const from = dirname(fromFile).split(/[\\/]/).filter(Boolean);
  const to = toFile.split(/[\\/]/).filter(Boolean);
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  const parts = [...from.slice(i).map(() => ".."), ...to.slice(i)];
  return parts.map((p) => encodeURIComponent(p).replace(/%40/g, "@")).join("/");
}

/** The edit that links an item to a spec: replaces its `spec:` field, or appends one to the line. */
export function linkSpecEdit(doc: ParsedDocument, roadmap: Roadmap, file: string, line: number, expected: string, specFile: string, label: string): TextEdit {
  const item = checkLine(doc, roadmap, file, line, expected);
  const href = relativeHref(file, specFile);
  const safeLabel = label.replace(/[[\]\\]/g, "\\$&").replace(/\s+/g, " ").trim() || basename(specFile);
  const field = `spec:[${safeLabel}](${href})`;
  if (item.spec?.field) {
    const start = expected.lastIndexOf("spec", item.spec.start);
    const end = expected.indexOf(")", item.spec.end) + 1 || item.spec.end;
    return { range: { start: { line, character: start }, end: { line, character: end } }, newText: field };
  }
  const end = expected.trimEnd().length;
  const sep = /\s(?:——|—|--)\s/.test(expected) ? " " : " — ";
  return { range: { start: { line, character: end }, end: { line, character: end } }, newText: `${sep}${field}` };
}

// ---- for rules -------------------------------------------------------------------------

const byDoc = new WeakMap<ParsedDocument, Roadmap>();

/** Whether the document being linted is a roadmap: the `roadmap` template, or any template of kind roadmap. */
export function isRoadmapContext(ctx: Pick<RuleContext, "templateId" | "template">): boolean {
  return ctx.templateId === "roadmap" || ctx.template?.kind === "roadmap";
}

/** The roadmap model of the document being linted, read once for all roadmap rules. */
export function roadmapOf(ctx: Pick<RuleContext, "doc" | "file" | "root" | "today">): Roadmap {
  let r = byDoc.get(ctx.doc);
  if (!r) byDoc.set(ctx.doc, (r = readRoadmap(ctx.doc, ctx.file, { root: ctx.root, today: ctx.today })));
  return r;
}
