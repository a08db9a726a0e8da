import type { Rule } from "../rule";
import { scanProse } from "../prose";

const PHRASES =
  /\b(?:continuous(?:ly)? optimi[sz](?:e|ation)|keep (?:optimi[sz]ing|improving)|as soon as possible|ASAP|significant(?:ly)? (?:improv(?:e|ement)|increase|boost|better)|best[- ]in[- ]class|world[- ]class|we believe|in theory|theoretically|industry[- ]leading|seamless(?:ly)?)\b|持续优化|尽快|大幅提升|显著提升|我们认为|理论上|极致体验|业界领先/gi;

const PHRASES_TEST = new RegExp(PHRASES.source, PHRASES.flags.replace("g", ""));

const IDENTIFIERS = /\b[A-Z][A-Z0-9]*-\d+\b|\bQ[1-4]\b|\b[A-Za-z]+\d+[A-Za-z\d]*\b/g;

/** Vague phrases in a line that has no number; an id such as FR-003 or Q3 is not a number. */
function vaguePhrases(text: string): Array<{ index: number; text: string }> {
  if (!PHRASES_TEST.test(text)) return [];
  if (/\d/.test(text.replace(IDENTIFIERS, ""))) return [];
  return [...text.matchAll(PHRASES)].map((m) => ({ index: m.index, text: m[0] }));
}

/** PM005: vague promises with no number nearby. */
export const vagueLanguage: Rule = {
  id: "PM005",
  name: "vague-language",
  description: { en: "Vague language (\"significantly improve\", \"as soon as possible\", 持续优化) with no number nearby.", "zh-CN": "含糊表述（如“大幅提升”“尽快”“持续优化”）且附近没有数字。" },
  tags: ["content", "style"],
  severity: { draft: "hint", review: "hint", approved: "hint", shipped: "hint", deprecated: "hint" },
  fixable: false,
  needsTemplate: false,
  check(ctx, report) {
    for (const { line, section, value: m } of scanProse(ctx, "vague-language", vaguePhrases)) {
      report({
        range: { start: { line, character: m.index }, end: { line, character: m.index + m.text.length } },
        section,
        message: { en: `"${m.text}" promises nothing measurable: add a number, a target or evidence.`, "zh-CN": `“${m.text}”没有可衡量的承诺：请补充数字、目标或证据。` },
      });
    }
  },
};
