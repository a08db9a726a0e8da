import type { Rule } from "../rule";
import { scanProse } from "../prose";
import type { Localized } from "../i18n";
import { hasPlaceholder } from "../placeholders";

const DOMAINS: Array<{ re: RegExp; name: Localized }> = [
  { re: /\b(?:credit|loan|lending|mortgage)[- ](?:approvals?|decisions?|underwriting|limits?)\b|\bunderwrit(?:e|es|ing)\b|信贷审批|贷款审批|授信|放贷审批|放贷/i, name: { en: "credit or loan decisions", "zh-CN": "信贷审批" } },
  { re: /\bmedical diagnos[ie]s\b|\bdiagnos(?:e|es|is|ing)\b|\btreatment (?:plans?|decisions?)\b|诊断|诊疗|治疗方案/i, name: { en: "medical diagnosis", "zh-CN": "医疗诊断" } },
  { re: /\blegal (?:judge?ments?|rulings?|verdicts?|decisions?)\b|\bsentencing\b|\bverdicts?\b|司法|判决|裁判|量刑/i, name: { en: "legal judgement", "zh-CN": "司法判断" } },
  { re: /\bhiring (?:decisions?|recommendations?)\b|\bcandidate (?:screening|rejection|ranking)\b|\b(?:resume|CV) screening\b|招聘|录用|简历筛选/i, name: { en: "hiring decisions", "zh-CN": "招聘决策" } },
];

/** The first red-line domain a line mentions. */
function redLineMentions(text: string): Array<{ index: number; text: string; domain: number }> {
  for (let domain = 0; domain < DOMAINS.length; domain++) {
    const m = DOMAINS[domain]!.re.exec(text);
    if (m) return [{ index: m.index, text: m[0], domain }];
  }
  return [];
}

/** PM006: a red-line domain is in scope but no human review gate says who decides. Always an error. */
export const redLineReview: Rule = {
  id: "PM006",
  name: "red-line-review",
  description: { en: "The spec covers a red-line domain (credit, diagnosis, legal judgement, hiring) but has no human review gate.", "zh-CN": "文档涉及红线领域（信贷、诊断、司法、招聘），但没有人工复核环节。" },
  tags: ["risk", "compliance"],
  severity: { draft: "error", review: "error", approved: "error", shipped: "error", deprecated: "error" },
  fixable: true,
  needsTemplate: false,
  check(ctx, report) {
    if (ctx.template?.kind === "roadmap") return;
    const reviews = ctx.byId.get("human-review") ?? [];
    // A gate still made of placeholders ("Trigger: TBD") decides nothing yet.
    if (reviews.some((s) => ctx.contentOf(s).some((b) => !hasPlaceholder(b.text)))) return;
    const first = scanProse(ctx, "red-line-review", redLineMentions)[0];
    if (!first) return;
    const { line, value: m } = first;
    const d = DOMAINS[m.domain]!;
    const existing = reviews[0];
    // An existing section is the author's to complete; an absent one is inserted from the template.
    const fix = existing ? (ctx.contentOf(existing).length === 0 ? ctx.fillSection(existing) : undefined) : ctx.insertSection("human-review");
    report({
      range: { start: { line, character: m.index }, end: { line, character: m.index + m.text.length } },
      section: "human-review",
      message: {
        en: `This spec covers ${d.name.en} ("${m.text}"), which an AI must not decide alone, but has no human review gate: add one with its trigger, SLA and timeout path.`,
        "zh-CN": `本文档涉及${d.name["zh-CN"]}（“${m.text}”），此类决定不能由 AI 单独做出，但缺少人工复核环节：请补充触发条件、时限和超时处理。`,
      },
      ...(fix ? { fix: [fix] } : {}),
    });
  },
};
