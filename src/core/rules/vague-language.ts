import type { Rule } from "../rule";
import { positionIn, scanPassages, sentencesOf, type Passage } from "../passages";
import { NUMBER, TIME_WINDOW } from "../quantities";
import { VAGUE_PHRASES } from "../data/vague";
import { termRegExp } from "../terms";

const PHRASES = termRegExp(VAGUE_PHRASES, "gi");

const PHRASES_TEST = new RegExp(PHRASES.source, PHRASES.flags.replace("g", ""));
const LIST_OR_ROW = /^\s*(?:[-*+]|\d{1,9}[.)]|\|)\s/;

/** A number or a period in scope makes the promise concrete ("halve it", "by the end of Q3", 两成). */
const concrete = (text: string) => NUMBER.test(text) || TIME_WINDOW.test(text);

/**
 * Vague phrases with no number in the same sentence, or in the same list item or table row,
 * across wrapped lines.
 */
function vaguePhrases(p: Passage): Array<{ index: number; text: string }> {
  if (!PHRASES_TEST.test(p.text)) return [];
  const scopes = LIST_OR_ROW.test(p.text) ? [{ text: p.text, index: 0 }] : sentencesOf(p.text);
  const out: Array<{ index: number; text: string }> = [];
  for (const scope of scopes) {
    if (!PHRASES_TEST.test(scope.text) || concrete(scope.text)) continue;
    for (const m of scope.text.matchAll(PHRASES)) out.push({ index: scope.index + m.index, text: m[0] });
  }
  return out;
}

/** PM005: vague promises with no number nearby. */
export const vagueLanguage: Rule = {
  id: "PM005",
  name: "vague-language",
  description: { en: "Vague language (\"significantly improve\", \"as soon as possible\", 持续优化) with no number in the same sentence or list item.", "zh-CN": "含糊表述（如“大幅提升”“尽快”“持续优化”）且同一句或同一列表项中没有数字。" },
  tags: ["content", "style"],
  severity: { draft: "hint", review: "hint", approved: "hint", shipped: "hint", deprecated: "hint" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    for (const { passage, value: m } of scanPassages(ctx, "vague-language", vaguePhrases)) {
      const start = positionIn(passage, m.index);
      report({
        range: { start, end: { line: start.line, character: start.character + m.text.length } },
        section: ctx.sectionIdAt(start.line),
        message: { en: `"${m.text}" promises nothing measurable: add a number, a target or evidence.`, "zh-CN": `“${m.text}”没有可衡量的承诺：请补充数字、目标或证据。` },
      });
    }
  },
};
