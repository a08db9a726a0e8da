import type { Report, Rule } from "../rule";
import { positionIn, scanPassages } from "../passages";
import { redLineModel } from "../redLines";
import { hasPlaceholder } from "../placeholders";

/** The sentence as quoted in a message. */
function quoteSentence(s: string): string {
  const t = s.replace(/^\s*(?:[-*+]|\d{1,9}[.)])\s+/, "").replace(/[*_`]+/g, "").replace(/\s+/g, " ").trim();
  return t.length > 90 ? `${t.slice(0, 89)}…` : t;
}

/**
 * PM006: the system makes a decision about a person in a red-line area (EU AI Act Annex III,
 * medical diagnosis and treatment, insurance claims) and no human review gate says who decides.
 * A practice Article 5 prohibits is reported whatever the gate says. Always an error.
 */
export const redLineReview: Rule = {
  id: "PM006",
  name: "red-line-review",
  description: {
    en: "The system decides about a person in a red-line area (credit, employment, medical, insurance, education, biometrics, justice ...) with no human review gate, or the spec describes a prohibited practice.",
    "zh-CN": "系统在红线领域（信贷、雇佣、医疗、保险、教育、生物识别、司法等）对个人作出决定却没有人工复核环节，或文档描述了被禁止的做法。",
  },
  tags: ["risk", "compliance"],
  severity: { draft: "error", review: "error", approved: "error", shipped: "error", deprecated: "error" },
  fixable: true,
  needsTemplate: false,
  check(ctx, report) {
    if (ctx.template?.kind === "roadmap") return;
    const model = redLineModel(ctx.redLines);
    const hits = scanPassages(ctx, `red-line-review\0${model.id}`, (p) => model.find(p));
    if (hits.length === 0) return;
    const rangeOf = (h: (typeof hits)[number]): Report["range"] => {
      const start = positionIn(h.passage, h.value.index);
      const end = positionIn(h.passage, h.value.index + h.value.sentence.length);
      return { start, end: end.line === start.line ? end : { line: start.line, character: (ctx.doc.lines[start.line] ?? "").length } };
    };
    for (const h of hits.filter((x) => x.value.area.prohibited)) {
      const { name, basis } = h.value.area;
      const quoted = quoteSentence(h.value.sentence);
      report({
        range: rangeOf(h),
        section: ctx.sectionIdAt(h.passage.line),
        message: {
          en: `"${quoted}" describes ${name.en}, a practice the EU AI Act prohibits (${basis}); no review gate makes it acceptable: remove it from the scope.`,
          "zh-CN": `“${quoted}”描述了${name["zh-CN"]}，这是欧盟《人工智能法》禁止的做法（${basis}），人工复核也不能使其合规：请移出范围。`,
        },
      });
    }
    const decision = hits.find((x) => !x.value.area.prohibited);
    if (!decision) return;
    const reviews = ctx.byId.get("human-review") ?? [];
    // A gate still made of placeholders ("Trigger: TBD") decides nothing yet.
    if (reviews.some((s) => ctx.contentOf(s).some((b) => !hasPlaceholder(b.text)))) return;
    const { name } = decision.value.area;
    const quoted = quoteSentence(decision.value.sentence);
    const existing = reviews[0];
    // An existing section is the author's to complete; an absent one is inserted from the template.
    const fix = existing ? (ctx.contentOf(existing).length === 0 ? ctx.fillSection(existing) : undefined) : ctx.insertSection("human-review");
    report({
      range: rangeOf(decision),
      section: "human-review",
      message: {
        en: `Here the system makes a ${name.en} decision about a person ("${quoted}"), which an AI must not decide alone, but the spec has no human review gate: add one with its trigger, SLA and timeout path.`,
        "zh-CN": `此处由系统对个人作出${name["zh-CN"]}方面的决定（“${quoted}”），此类决定不能由 AI 单独做出，但文档缺少人工复核环节：请补充触发条件、时限和超时处理。`,
      },
      ...(fix ? { fix: [fix] } : {}),
    });
  },
};
