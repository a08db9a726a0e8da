import type { Rule } from "../rule";
import type { Lang } from "../types";

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
      // Name the section in the language of the message, whatever the document's language.
      const heading = (lang: Lang) => ctx.registry.sectionText(ctx.template!, spec.id, lang)?.heading ?? spec.id;
      const fix = ctx.insertSection(spec.id);
      report({
        range: ctx.anchor,
        section: spec.id,
        message: { en: `Missing required section "${heading("en")}" (${spec.id}).`, "zh-CN": `缺少必需章节“${heading("zh-CN")}”（${spec.id}）。` },
        ...(fix ? { fix: [fix] } : {}),
      });
    }
  },
};
