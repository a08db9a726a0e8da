/**
 * How complete a spec is: which required sections of its template it has, which are missing or
 * weak, and one score. Computed from a lint result, so it agrees with the diagnostics.
 */
import type { LintResult } from "./lint";
import type { TemplateRegistry } from "./templates";
import type { Lang, Severity } from "./types";

export interface RequiredSection {
  id: string;
  /** The template's heading in the document's language. */
  heading: string;
  present: boolean;
  /** Present but empty or failing its content check. */
  weak: boolean;
}

export interface SpecCompleteness {
  isSpec: boolean;
  template: string | null;
  templateKnown: boolean;
  status: string | null;
  lang: Lang;
  required: RequiredSection[];
  present: string[];
  missing: string[];
  /** 0-100: a sound required section counts 1, an empty or weak one 0.5, a missing one 0. */
  completeness: number;
  counts: Record<Severity, number>;
}

const WEAK_RULES = new Set(["empty-section", "weak-section"]);

export function specCompleteness(result: LintResult, registry: TemplateRegistry): SpecCompleteness {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of result.findings) counts[f.severity]++;
  const template = result.template ? registry.get(result.template) : undefined;
  const presentIds = new Set(result.sections.map((s) => s.id).filter((id): id is string => id !== null));
  const weakIds = new Set(result.findings.filter((f) => WEAK_RULES.has(f.rule) && f.section).map((f) => f.section!));
  const required: RequiredSection[] = (template?.sections ?? [])
    .filter((s) => s.required)
    .map((s) => {
      const present = presentIds.has(s.id);
      return { id: s.id, heading: registry.sectionText(template!, s.id, result.lang)?.heading ?? s.id, present, weak: present && weakIds.has(s.id) };
    });
  let points = 0;
  for (const r of required) points += r.present ? (r.weak ? 0.5 : 1) : 0;
  const completeness = !result.isSpec || (result.template !== null && !template) ? 0 : required.length === 0 ? 100 : Math.round((100 * points) / required.length);
  return {
    isSpec: result.isSpec,
    template: result.template,
    templateKnown: template !== undefined,
    status: result.status,
    lang: result.lang,
    required,
    present: required.filter((r) => r.present).map((r) => r.id),
    missing: required.filter((r) => !r.present).map((r) => r.id),
    completeness,
    counts,
  };
}
