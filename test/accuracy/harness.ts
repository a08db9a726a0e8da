/**
 * The accuracy corpus: labelled spec passages, each linted through the real engine inside a
 * spec built around it. Shared by `npm run accuracy` (the table) and accuracy.test.ts (the gate).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse, printParseErrorCode, type ParseError } from "jsonc-parser";
import { lintText } from "../../src/core/lint";
import { catalogEntry } from "../../src/core/catalog";
import { memoryEnv } from "../helpers";

export type Expect = "finding" | "clean";

export interface AccuracyCase {
  id: string;
  lang: "en" | "zh-CN";
  /** red-line-review, vague-language, weak-section (then `section` names the checked section), or a roadmap rule (the text is the roadmap's body). */
  rule: "red-line-review" | "vague-language" | "weak-section" | RoadmapRule;
  /** Catalog id of the section the passage is placed in; "problem" when absent. */
  section?: string;
  text: string;
  expect: Expect;
  why: string;
  /** A mismatch the engine is known to make, with the reason; it does not fail the test. */
  knownMiss?: string;
  file: string;
}

export interface Outcome {
  c: AccuracyCase;
  /** Rule, or weak-section/<check>. */
  key: string;
  actual: Expect;
  messages: string[];
}

type RoadmapRule = "roadmap-incomplete-item" | "roadmap-kpi-target" | "roadmap-unknown-after";
const ROADMAP_RULES = new Set<string>(["roadmap-incomplete-item", "roadmap-kpi-target", "roadmap-unknown-after"]);
const RULES = new Set(["red-line-review", "vague-language", "weak-section", ...ROADMAP_RULES]);
/** Sections whose check belongs to the experiment brief; the rest are in the AI feature PRD. */
const EXPERIMENT_SECTIONS = new Set(["hypothesis", "design", "decision-rule"]);
const CHECK_OF: Record<string, string> = {
  "failure-criteria": "measurable",
  metrics: "metrics-table",
  requirements: "requirement-ids",
  prototype: "link",
  "agent-workflow": "steps-on-failure",
  fallback: "steps-with-triggers",
  "human-review": "review-gate",
  evaluation: "evaluation",
  cost: "cost",
  hypothesis: "hypothesis",
  design: "experiment-design",
  "decision-rule": "decision-rule",
};

/** Reads every corpus file; a malformed one is an error naming the file and the case. */
export function loadCorpus(dir: string): AccuracyCase[] {
  const out: AccuracyCase[] = [];
  const ids = new Set<string>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith(".jsonc")).sort()) {
    const file = join(dir, name);
    const errors: ParseError[] = [];
    const data = parse(readFileSync(file, "utf8"), errors, { allowTrailingComma: true }) as unknown;
    if (errors.length > 0) throw new Error(`${file}: offset ${errors[0]!.offset}: ${printParseErrorCode(errors[0]!.error)}`);
    if (!Array.isArray(data)) throw new Error(`${file}: expected an array of cases`);
    for (const raw of data as Array<Record<string, unknown>>) {
      const where = `${file}: case ${JSON.stringify(raw["id"] ?? "(no id)")}`;
      for (const k of ["id", "lang", "rule", "text", "expect", "why"]) if (typeof raw[k] !== "string" || !raw[k]) throw new Error(`${where}: "${k}" must be a non-empty string`);
      const c = { ...raw, file: name } as unknown as AccuracyCase;
      if (ids.has(c.id)) throw new Error(`${where}: duplicate id`);
      ids.add(c.id);
      if (c.lang !== "en" && c.lang !== "zh-CN") throw new Error(`${where}: lang must be en or zh-CN`);
      if (!RULES.has(c.rule)) throw new Error(`${where}: rule must be one of ${[...RULES].join(", ")}`);
      if (c.expect !== "finding" && c.expect !== "clean") throw new Error(`${where}: expect must be "finding" or "clean"`);
      if (c.rule === "weak-section" && !(c.section && CHECK_OF[c.section])) throw new Error(`${where}: a weak-section case needs a section with a check (${Object.keys(CHECK_OF).join(", ")})`);
      out.push(c);
    }
  }
  return out;
}

/** The spec around a passage: front matter, a title, the section heading and the passage; for a roadmap rule, a roadmap whose body is the passage. */
export function specFor(c: AccuracyCase): string {
  if (ROADMAP_RULES.has(c.rule)) return `---\ntitle: Case ${c.id}\nowner: pm\nstatus: review\nupdated: 2026-01-10\ntemplate: roadmap\n---\n\n# Case ${c.id}\n\n${c.text.trimEnd()}\n`;
  const section = c.section ?? "problem";
  const template = EXPERIMENT_SECTIONS.has(section) ? "experiment-brief" : "ai-feature-prd";
  const entry = catalogEntry(section)!;
  const heading = c.lang === "zh-CN" ? entry.zh : entry.en;
  return `---\ntitle: Case ${c.id}\nowner: pm\nstatus: draft\nupdated: 2026-01-10\ntemplate: ${template}\n---\n\n# Case ${c.id}\n\n## ${heading}\n\n${c.text.trimEnd()}\n`;
}

export function keyOf(c: AccuracyCase): string {
  return c.rule === "weak-section" ? `weak-section/${CHECK_OF[c.section!]}` : c.rule;
}

export function runCorpus(cases: AccuracyCase[]): Outcome[] {
  const env = memoryEnv();
  return cases.map((c) => {
    const result = lintText(`/ws/specs/${c.id}.md`, specFor(c), env);
    const section = c.section ?? "problem";
    const hits = result.findings.filter((f) => f.rule === c.rule && (c.rule !== "weak-section" || f.section === section));
    return { c, key: keyOf(c), actual: hits.length > 0 ? "finding" : "clean", messages: hits.map((f) => f.message) };
  });
}

export interface Score {
  key: string;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export function score(outcomes: Outcome[]): Score[] {
  const by = new Map<string, Score>();
  for (const o of outcomes) {
    const s = by.get(o.key) ?? { key: o.key, tp: 0, fp: 0, fn: 0, tn: 0 };
    const found = o.actual === "finding";
    if (o.c.expect === "finding") s[found ? "tp" : "fn"]++;
    else s[found ? "fp" : "tn"]++;
    by.set(o.key, s);
  }
  return [...by.values()].sort((a, b) => a.key.localeCompare(b.key));
}

const pct = (n: number, d: number) => (d === 0 ? "  n/a" : `${((100 * n) / d).toFixed(1).padStart(5)}%`);

/** The table `npm run accuracy` prints (Markdown, so it can go into the README as is). */
export function table(scores: Score[]): string {
  const rows = ["| Rule / check | Cases | TP | FP | FN | TN | Precision | Recall |", "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"];
  const total: Score = { key: "**all**", tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const s of [...scores, total]) {
    if (s !== total) for (const k of ["tp", "fp", "fn", "tn"] as const) total[k] += s[k];
    rows.push(`| ${s.key} | ${s.tp + s.fp + s.fn + s.tn} | ${s.tp} | ${s.fp} | ${s.fn} | ${s.tn} | ${pct(s.tp, s.tp + s.fp)} | ${pct(s.tp, s.tp + s.fn)} |`);
  }
  return rows.join("\n");
}

export function mismatches(outcomes: Outcome[]): Outcome[] {
  return outcomes.filter((o) => o.actual !== o.c.expect);
}

export function describe(o: Outcome): string {
  const kind = o.c.expect === "finding" ? "missed" : "false finding";
  const lines = [`${o.c.file} ${o.c.id} [${o.key}, ${o.c.lang}] ${kind}${o.c.knownMiss ? ` (known: ${o.c.knownMiss})` : ""}`, `  text: ${o.c.text.replace(/\n/g, "\\n")}`, `  why:  ${o.c.why}`];
  for (const m of o.messages) lines.push(`  got:  ${m}`);
  return lines.join("\n");
}
