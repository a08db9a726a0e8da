import type { Rule } from "../rule";

/** PM002: a template section is present but has no content. */
export const emptySection: Rule = {
  id: "PM002",
  name: "empty-section",
  description: { en: "A section is present but has no content.", "zh-CN": "章节存在但没有内容。" },
  tags: ["sections", "template"],
  severity: { draft: "warning", review: "warning", approved: "error", shipped: "error", deprecated: "info" },
  fixable: true,
  needsTemplate: true,
  check(ctx, report) {
    for (const section of ctx.sections) {
      const spec = section.id ? ctx.spec(section.id) : undefined;
      if (!spec) continue;
      if (ctx.status && spec.emptyAllowedIn.includes(ctx.status)) continue;
      if (ctx.contentOf(section).length > 0) continue;
      const fix = ctx.fillSection(section);
      report({
        range: ctx.doc.index.trimmedLineRange(section.heading.line),
        section: spec.id,
        message: { en: `Section "${section.title}" is empty.`, "zh-CN": `章节“${section.title}”没有内容。` },
        ...(fix ? { fix: [fix] } : {}),
      });
    }
  },
};
