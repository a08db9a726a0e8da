import type { ParsedDocument, Section } from "./document";
import type { Localized } from "./i18n";
import type { SectionSpec, Template, TemplateRegistry } from "./templates";
import type { WorkspaceHost } from "./host";
import type { MdBlock } from "./markdown";
import type { RedLineExtension } from "./redLines";
import type { Lang, Range, SeveritySetting, Status, TextEdit } from "./types";

/** Default severity per document status. */
export type StatusSeverity = Record<Status, SeveritySetting>;

export interface RuleContext {
  doc: ParsedDocument;
  /** Absolute path of the document. */
  file: string;
  /** Absolute workspace root (where .pm/ is, or where linting started). */
  root: string;
  /** Template id named by front matter or config; null when none. */
  templateId: string | null;
  /** The template, when the id is known. */
  template: Template | null;
  registry: TemplateRegistry;
  status: Status | null;
  /** Language the document is written in: inserted text follows it. */
  docLang: Lang;
  /** Headings with catalog ids resolved. */
  sections: Section[];
  /** Sections by id, in document order. */
  byId: Map<string, Section[]>;
  host: WorkspaceHost;
  /** Today as YYYY-MM-DD, for fixes that stamp a date. */
  today: string;
  /** Where findings about the whole document point: the title, else the front matter, else line 1. */
  anchor: Range;
  /** The workspace's additions to the red-line model (`redLines` in .pm/config.jsonc). */
  redLines: RedLineExtension | undefined;
  /** Content blocks of a section (see document.ts contentBlocks), computed once per lint. */
  contentOf(section: Section): MdBlock[];
  /** Catalog id of the innermost identified section holding a line, or null. */
  sectionIdAt(line: number): string | null;
  /** The template's spec for a section id. */
  spec(id: string): SectionSpec | undefined;
  /** An edit inserting a section from the template at the position the template's order implies. */
  insertSection(id: string): TextEdit | undefined;
  /** Whether a pm-disable comment silences `rule` (a name) on `line`: for rules that group places. */
  isDisabled(rule: string, line: number): boolean;
  /** Whether a section's body is still exactly the template's text (inserted, not yet written). */
  holdsTemplateText(section: Section): boolean;
  /** An edit filling an empty section with the template's body. */
  fillSection(section: Section): TextEdit | undefined;
}

export interface Report {
  range: Range;
  message: Localized;
  section?: string | null;
  fix?: TextEdit[];
  related?: Array<{ range: Range; message: Localized }>;
}

export interface Rule {
  id: string;
  name: string;
  description: Localized;
  tags: readonly string[];
  severity: StatusSeverity;
  /** Whether findings of this rule can carry fixes. */
  fixable: boolean;
  /** Rules that only make sense against a known template. */
  needsTemplate: boolean;
  check(ctx: RuleContext, report: (r: Report) => void): void;
}
