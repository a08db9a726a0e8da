/**
 * Every contributed snippet, expanded with its default values as a user who only presses Tab
 * would, passes the content check of the template section it writes: the first prefix names
 * the section (`pm-<catalog id>`, `-zh` for Chinese).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "jsonc-parser";
import { lint, ROOT } from "../helpers";

interface Snippet {
  prefix: string[];
  body: string[];
  description: string;
}

/** Expands a snippet body the way VS Code does when every placeholder keeps its default. */
export function expandDefaults(body: string): string {
  let out = body;
  // Innermost first: ${1:default}, ${1|first,second|}, then bare tab stops.
  for (let i = 0; i < 10; i++) {
    const next = out
      .replace(/\$\{\d+:((?:[^{}$\\]|\\.)*)\}/g, "$1")
      .replace(/\$\{\d+\|((?:[^,|\\]|\\.)*)(?:,(?:[^,|\\]|\\.)*)*\|\}/g, "$1");
    if (next === out) break;
    out = next;
  }
  return out.replace(/(?<!\\)\$\d+/g, "").replace(/\\([$}\\,|])/g, "$1");
}

const FRONT = (lang: string) => `---\ntitle: Snippet check\nowner: o\nstatus: approved\nupdated: 2026-01-10\ntemplate: agent-prd\nlang: ${lang}\n---\n\n# Snippet check\n\n`;

for (const [file, lang] of [["en.code-snippets", "en"], ["zh-CN.code-snippets", "zh-CN"]] as const) {
  const snippets = parse(readFileSync(join(ROOT, "snippets", file), "utf8")) as Record<string, Snippet>;

  test(`${file}: a snippet for each hard section, each prefix once`, () => {
    const ids = Object.values(snippets).map((s) => s.prefix[0]!.replace(/^pm-/, "").replace(/-zh$/, ""));
    assert.deepEqual(ids.sort(), ["agent-workflow", "assumptions", "cost", "data-contract", "evaluation", "failure-criteria", "fallback", "human-review", "metrics", "operations", "requirements", "risks", "rollout"]);
  });

  for (const [name, snippet] of Object.entries(snippets)) {
    test(`${file}: "${name}" expanded with its defaults passes its section's checks`, () => {
      const section = snippet.prefix[0]!.replace(/^pm-/, "").replace(/-zh$/, "");
      const text = expandDefaults(snippet.body.join("\n"));
      const r = lint(FRONT(lang) + text + "\n");
      const found = r.sections.find((s) => s.id === section);
      assert.ok(found, `the snippet's heading is not recognised as the ${section} section`);
      const problems = r.findings.filter((f) => f.section === section || f.rule === "placeholder" || f.rule === "vague-language" || f.rule === "red-line-review").map((f) => `${f.rule}: ${f.message}`);
      assert.deepEqual(problems, []);
    });
  }
}

test("expandDefaults keeps defaults and first choices, drops tab stops and escapes", () => {
  assert.equal(expandDefaults("a ${1:b} ${2|c,d|} \\$5 $0"), "a b c $5 ");
});

test("the check is real: the failure-criteria snippet with its placeholders left empty fails", () => {
  const snippet = (parse(readFileSync(join(ROOT, "snippets", "en.code-snippets"), "utf8")) as Record<string, Snippet>)["Failure criteria"]!;
  const emptied = snippet.body.join("\n").replace(/\$\{\d+:[^}]*\}/g, "");
  const r = lint(FRONT("en") + expandDefaults(emptied) + "\n");
  assert.deepEqual(r.findings.filter((f) => f.section === "failure-criteria").map((f) => f.rule), ["weak-section"]);
});
