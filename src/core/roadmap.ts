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
import { BoundedMemo } from "./memo";
import type { TextEdit } from "./types";
import type { RuleContext } from "./rule";
import WORDS from "./data/roadmap.json";

export const ITEM_STATUSES = ["todo", "in-progress", "blocked", "done", "dropped"] as const;
export type ItemStatus = (typeof ITEM_STATUSES)[number];

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
}

export interface Kpi {
  text: string;
  target: string | null;
  current: string | null;
  line: number;
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

type Label = "deliverables" | "kpis" | "goals";
const LABELS = new Map<string, Label>();
for (const [label, words] of Object.entries(WORDS.labels)) for (const w of words) LABELS.set(w.toLowerCase(), label as Label);
const STATUS_WORDS = new Map<string, ItemStatus>();
for (const [status, words] of Object.entries(WORDS.statuses)) for (const w of words) STATUS_WORDS.set(w.toLowerCase(), status as ItemStatus);
const BOXES = WORDS.boxes as Record<string, ItemStatus>;
const CANONICAL_BOX = WORDS.canonicalBoxes as Record<ItemStatus, string>;
const MONTHS = WORDS.months as Record<string, number>;

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
// Fields start at the beginning of the text or after a space. The spec field's label may hold spaces.
const FIELD =
  /(?<=^|[\s(（,，])(?:(?<spec>spec[:：]\s?\[(?:[^\]\\]|\\.)*\]\([^)\s]*\))|(?<key>due|status)[:：](?<value>[^\s,，;；]+)|📅\s?(?<emoji>\d{4}-\d{2}-\d{2})|@(?<owner>[\p{L}\p{N}_][\p{L}\p{N}._-]*)|#(?<tag>[\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*))/gu;

interface ParsedLine {
  title: string;
  owners: string[];
  tags: string[];
  note: string | null;
  spec: SpecLinkRef | null;
  statusField: (Span & { value: string }) | null;
  dueField: (Span & { value: string }) | null;
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
    } else if (g["key"] === "status") {
      if (statusField) continue;
      statusField = { value: g["value"]!, start: base + start + 7, end: base + end };
    } else if (g["key"] === "due" || g["emoji"]) {
      if (dueField) continue;
      const value = (g["value"] ?? g["emoji"]!).replace(/[.)）]+$/, "");
      const vs = base + end - (g["value"] ?? g["emoji"]!).length;
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
  return { title, owners, tags, note: note || null, spec, statusField, dueField };
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

function kpiFromText(text: string, line: number): Kpi {
  const t = plain(text);
  const current = /(?:current|now|当前|现状)\s*[:：]\s*([^;；,，)）]+)/i.exec(t);
  const target = /(?:target|目标)\s*[:：]\s*([^;；,，)）]+)/i.exec(t) ?? /((?:>=|<=|≥|≤|>|<|=)\s*[^;；,，(（]+)/.exec(t);
  return { text: t, target: target ? target[1]!.trim() : null, current: current ? current[1]!.trim() : null, line };
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
  let kpiHeader = false;
  let lastItem: RoadmapItem | null = null;
  let contentColumn: number | null = null;

  const closePhase = () => {
    if (!phase) return;
    const anyBox = candidates.some((c) => c.item.box !== null || !c.tentative);
    phase.items = candidates.filter((c) => !c.tentative || !anyBox).map((c) => c.item);
    const counted = phase.items.filter((i) => i.status !== "dropped");
    phase.progress = { done: counted.filter((i) => i.status === "done").length, total: counted.length };
    candidates = [];
  };
  const openPhase = (t: string, line: number) => {
    closePhase();
    const { start, end } = phaseDates(t);
    phase = { title: t, line, start, end, kpis: [], progress: { done: 0, total: 0 }, items: [] };
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
        kpiHeader = false;
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
    if (li) {
      const indent = li[0].length - li[3]!.length;
      const body = li[3]!;
      const box = BOX.exec(body);
      if (!box && mode === "kpis") {
        currentPhase(l).kpis.push(kpiFromText(body, l));
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
      let status: ItemStatus = mark === null ? "todo" : (BOXES[mark] ?? "todo");
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
        overdue: due !== null && due < opts.today && status !== "done" && status !== "dropped",
        groups: groupTitles,
        spec: parsed.spec,
        box: box && mark !== null ? { mark, start: indent + 1, end: indent + 2 } : null,
        statusField: parsed.statusField,
        dueField: parsed.dueField,
        unknownStatus,
        badDue,
      };
      currentPhase(l);
      candidates.push({ item, tentative: !box && mode !== "deliverables" });
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
      if (mode !== "kpis" || !phase) continue;
      if (TABLE_SEPARATOR.test(text)) {
        kpiHeader = false;
        continue;
      }
      // The row before the separator is the header.
      if (TABLE_SEPARATOR.test(lines[l + 1] ?? "")) continue;
      if (kpiHeader) continue;
      const c = cells(text);
      if (c[0]) (phase as RoadmapPhase).kpis.push({ text: plain(c[0]), target: c[1] ? plain(c[1]) || null : null, current: c[2] ? plain(c[2]) || null : null, line: l });
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
      const mark = status === "done" ? "x" : /[ xX]/.test(item.box.mark) ? " " : CANONICAL_BOX[status];
      if (item.box.mark !== mark && !(status === "done" && item.box.mark === "X")) edits.push(at(item.box, mark));
    }
  } else if (item.box) {
    if (BOXES[item.box.mark] !== status || item.unknownStatus) edits.push(at(item.box, CANONICAL_BOX[status]));
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
