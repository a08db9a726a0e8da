import type { Rule } from "../rule";

/** PM010: sections are out of the template's order (a hint). */
export const sectionOrder: Rule = {
  id: "PM010",
  name: "section-order",
  description: { en: "Sections are not in the template's order.", "zh-CN": "章节顺序与模板不一致。" },
  tags: ["sections"],
  severity: { draft: "hint", review: "hint", approved: "hint", shipped: "hint", deprecated: "hint" },
  fixable: false,
  needsTemplate: true,
  check(ctx, report) {
    const order = new Map((ctx.template?.sections ?? []).map((s, i) => [s.id, i]));
    let furthest: { index: number; title: string } | null = null;
    for (const [id, list] of ctx.byId) {
      const index = order.get(id);
      const section = list[0]!;
      if (index === undefined) continue;
      if (furthest && index < furthest.index) {
        report({
          range: ctx.doc.index.trimmedLineRange(section.heading.line),
          section: id,
          message: { en: `"${section.title}" comes after "${furthest.title}"; the template puts it before.`, "zh-CN": `“${section.title}”位于“${furthest.title}”之后，模板中它应在前面。` },
        });
      } else {
        furthest = { index, title: section.title };
      }
    }
  },
};
