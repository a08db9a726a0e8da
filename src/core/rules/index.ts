import type { Rule } from "../rule";
import { missingSection } from "./missing-section";
import { emptySection } from "./empty-section";
import { weakSection } from "./weak-section";
import { placeholder } from "./placeholder";
import { vagueLanguage } from "./vague-language";
import { redLineReview } from "./red-line-review";
import { frontMatter } from "./front-matter";
import { brokenLink } from "./broken-link";
import { duplicateSection } from "./duplicate-section";
import { sectionOrder } from "./section-order";
import { fileTooLarge } from "./file-too-large";
import { roadmapMissingSpec } from "./roadmap-missing-spec";
import { roadmapOverdue } from "./roadmap-overdue";
import { roadmapBadDate } from "./roadmap-bad-date";
import { roadmapUnknownStatus } from "./roadmap-unknown-status";
import { roadmapIncompleteItem } from "./roadmap-incomplete-item";
import { roadmapKpiTarget } from "./roadmap-kpi-target";
import { roadmapUnknownAfter } from "./roadmap-unknown-after";
import { roadmapBadValue } from "./roadmap-bad-value";

export const RULES: readonly Rule[] = [missingSection, emptySection, weakSection, placeholder, vagueLanguage, redLineReview, frontMatter, brokenLink, duplicateSection, sectionOrder, fileTooLarge, roadmapMissingSpec, roadmapOverdue, roadmapBadDate, roadmapUnknownStatus, roadmapIncompleteItem, roadmapKpiTarget, roadmapUnknownAfter, roadmapBadValue];

const BY_KEY = new Map<string, Rule>();
for (const r of RULES) {
  BY_KEY.set(r.id.toLowerCase(), r);
  BY_KEY.set(r.name, r);
}

/** A rule by id (PM001, any case) or name (missing-section). */
export function findRule(idOrName: string): Rule | undefined {
  return BY_KEY.get(idOrName.toLowerCase());
}

export { fileTooLarge };
