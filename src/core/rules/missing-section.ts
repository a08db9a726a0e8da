import type { Rule } from "../rule";

/** PM001: a section the template requires is absent. */
export const missingSection: Rule = {
  id: "PM001",
  name: "missing-section",
  description: { en: "A section the template requires is missing.", "zh-CN": "缺少模板要求的章节。" },
  tags: ["sections", "template"],
  severity: { draft: "warning", review: "warning", approved: "error", shipped: "error", deprecated: "info" },
  fixable: true,
  needsTemplate: true,
  check(ctx, report) {
    for (const spec of ctx.template?.sections ?? []) {
      if (!spec.required || ctx.byId.has(spec.id)) continue;
      const text = ctx.registry.sectionText(ctx.template!, spec.id, ctx.docLang);
      const heading = text?.heading ?? spec.id;
      const fix = ctx.insertSection(spec.id);
      report({
        range: ctx.anchor,
        section: spec.id,
        message: { en: `Missing required section "${heading}" (${spec.id}).`, "zh-CN": `缺少必需章节“${heading}”（${spec.id}）。` },
        ...(fix ? { fix: [fix] } : {}),
      });
    }
  },
};
