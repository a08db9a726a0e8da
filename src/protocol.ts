/**
 * Protocol types shared by the language server and the VS Code client: custom requests, the
 * shape of `data` on diagnostics and code actions, editor settings and initialization options.
 * Only `vscode-languageserver-protocol` types may be imported here (the client uses them too).
 */
import { NotificationType, RequestType, RequestType0, type Position, type TextDocumentIdentifier, type TextEdit, type VersionedTextDocumentIdentifier, type WorkspaceEdit } from "vscode-languageserver-protocol";

/** `source` of every diagnostic. */
export const DIAGNOSTIC_SOURCE = "pm-workbench";

/** Code action kind of the "fix everything fixable" action (source action, fix on save). */
export const FIX_ALL_KIND = "source.fixAll.pm-workbench";

/** Section of `workspace/configuration` the server asks for. */
export const SETTINGS_SECTION = "pmWorkbench";

/** Editor settings (`pmWorkbench.*`). Every field is optional. */
export interface PmSettings {
  /** Language of messages; default: each document's own language (as `pmw lint`). */
  lang?: "en" | "zh-CN";
  /** Files larger than this (bytes) get one informational diagnostic instead of a lint. The workspace config's `maxFileSize` wins when it sets one. Default 5 MB. */
  maxFileSize?: number;
}

/** `initializationOptions` the client may send. */
export interface PmInitializationOptions {
  /**
   * How diagnostics reach the client. `auto` (default): pulled when the client supports
   * `textDocument/diagnostic`, pushed otherwise (never both, so nothing shows twice).
   */
  diagnosticMode?: "auto" | "push" | "pull" | "both";
  /** Settings to use when the client does not support `workspace/configuration`. */
  settings?: PmSettings;
}

/** `data` of every diagnostic: which rule, which catalog section. */
export interface PmDiagnosticData {
  /** Rule name, e.g. `missing-section` (the `code` is its id, e.g. `PM001`). */
  rule: string;
  /** Catalog id of the section the finding is about, or null. */
  section: string | null;
}

/** `data` of every code action: the document version the edit was computed for. */
export interface PmCodeActionData {
  uri: string;
  version: number;
}

export interface SpecStatusParams {
  textDocument: TextDocumentIdentifier;
}

export interface RequiredSectionStatus {
  /** Catalog id, e.g. `failure-criteria`. */
  id: string;
  /** The template's heading in the document's language. */
  heading: string;
  present: boolean;
  /** Present but empty or failing its content check (an empty-section or weak-section finding). */
  weak: boolean;
}

export interface SpecStatus {
  uri: string;
  /** False for Markdown files that name no template (not linted). */
  isSpec: boolean;
  /** Template id named by front matter or config, or null. */
  template: string | null;
  /** Whether that template exists. */
  templateKnown: boolean;
  /** Front matter status when valid (draft, review, approved, shipped, deprecated), else null. */
  status: string | null;
  /** Language of the document. */
  lang: "en" | "zh-CN";
  /** Required sections of the template, in the template's order. */
  required: RequiredSectionStatus[];
  /** Ids of required sections present / missing. */
  present: string[];
  missing: string[];
  /**
   * 0-100: each required section counts 1 when present and sound, 0.5 when present but empty
   * or weak, 0 when missing. 100 for a template without required sections; 0 when not a spec.
   */
  completeness: number;
  /** Findings by severity, as in the diagnostics. */
  counts: { error: number; warning: number; info: number; hint: number };
}

/** `pm/specStatus`: the completeness of one document (open or on disk). */
export const SpecStatusRequest = new RequestType<SpecStatusParams, SpecStatus | null, void>("pm/specStatus");

// ---- requests behind the VS Code extension's commands ---------------------------------------
// The extension knows nothing of templates, sections or front matter: it asks for these.

/** Statuses a spec may have, in lifecycle order (the values of the front matter `status`). */
export const SpecStatusValuesRequest = new RequestType0<string[], void>("pm/statusValues");

export interface TemplatesParams {
  /** A folder whose workspace templates (built-in and `.pm/templates/`) to list; default the server's working folder. */
  uri?: string;
  /** Language of names and descriptions; default English. */
  lang?: "en" | "zh-CN";
}

export interface TemplateInfo {
  id: string;
  kind: "spec" | "roadmap";
  origin: "built-in" | "workspace";
  /** Name and description in the asked language (or the template's only language). */
  name: string;
  description: string;
  /** Languages the template is written in. */
  langs: Array<"en" | "zh-CN">;
}

/** `pm/templates`: every template a new spec can start from. */
export const TemplatesRequest = new RequestType<TemplatesParams, TemplateInfo[], void>("pm/templates");

export interface NewSpecParams {
  /** Folder the spec is created in (it decides the workspace and its templates). */
  folderUri: string;
  template: string;
  title: string;
  owner: string;
  lang: "en" | "zh-CN";
}

export interface NewSpec {
  /** The rendered document. */
  text: string;
  /** File names to try in order; the first that does not exist is the one to create. */
  fileNames: string[];
  /** Where the cursor goes: the first line to fill in the first section (0-based). */
  cursor: Position;
}

/** `pm/newSpec`: renders a template into a new document (nothing is written). */
export const NewSpecRequest = new RequestType<NewSpecParams, NewSpec, void>("pm/newSpec");

export interface SetSpecStatusParams {
  textDocument: VersionedTextDocumentIdentifier;
  status: string;
}

/** `pm/setSpecStatus`: edits setting `status` and `updated` (today) in the front matter. */
export const SetSpecStatusRequest = new RequestType<SetSpecStatusParams, TextEdit[], void>("pm/setSpecStatus");

export interface MissingSectionsParams {
  textDocument: VersionedTextDocumentIdentifier;
  /** Catalog ids of the sections to insert; all missing ones when omitted. */
  sections?: string[];
}

/** `pm/insertMissingSections`: the edits inserting missing sections, as the quick fixes do. */
export const MissingSectionsRequest = new RequestType<MissingSectionsParams, TextEdit[], void>("pm/insertMissingSections");

// ---- roadmaps -------------------------------------------------------------------------------
// The roadmap model is read by the engine (src/core/roadmap.ts); the editor only displays it.
// Every `line` in these payloads is 0-based (LSP positions), unlike `pmw roadmap --format json`.

/** `bet`: a direction in Later, not a commitment (never overdue, not counted in progress). */
export type PmItemStatus = "todo" | "in-progress" | "blocked" | "done" | "dropped" | "bet";

export interface PmRoadmapSpec {
  /** URI of the linked spec file (anchor removed). */
  uri: string;
  exists: boolean;
  /** Template the spec names, or null. */
  template: string | null;
  /** Front matter status (draft, review, ...), or null. */
  status: string | null;
  /** Finding counts of the spec, as `pmw lint` gives them. */
  errors: number;
  warnings: number;
}

export interface PmRoadmapItem {
  title: string;
  /** 0-based line of the item. */
  line: number;
  /** The item's line as read: pass it back as `expectedLineText` to the edit requests. */
  lineText: string;
  status: PmItemStatus;
  /** Bare names (no @). */
  owners: string[];
  /** YYYY-MM-DD, or null when absent or invalid. */
  due: string | null;
  /** Bare names (no #). */
  tags: string[];
  note: string | null;
  /** Due before today and neither done nor dropped. */
  overdue: boolean;
  /** `###` (and deeper) headings the item sits under, outermost first. */
  groups: string[];
  spec: PmRoadmapSpec | null;
  /** The KPI it moves (`kpi:`): as written, with the KPI's text and 0-based line when the roadmap lists it. */
  kpi: { ref: string; text: string | null; line: number | null } | null;
  /** `confidence:` as a level; `percent` when written as a percentage. */
  confidence: { level: "high" | "medium" | "low"; percent: number | null } | null;
  /** What it waits for (`after:`): title and 0-based line null when the reference is unknown or ambiguous. */
  after: Array<{ ref: string; title: string | null; line: number | null }>;
  /** `size:` as written; a t-shirt size (S/M/L/XL) or a duration in weeks. */
  size: { text: string; tshirt: string | null; weeks: number | null } | null;
  /** Listed under a "Must finish" label. */
  must: boolean;
}

export interface PmRoadmapPhase {
  title: string;
  /** 0-based line of the phase heading. */
  line: number;
  /** First and last day the heading names (YYYY-MM-DD), or null. */
  start: string | null;
  end: string | null;
  /** `asOf` is the YYYY-MM-DD the current value was read; `line` is 0-based. */
  kpis: Array<{ text: string; target: string | null; current: string | null; baseline: string | null; window: string | null; asOf: string | null; line: number }>;
  /** done items / items that are neither dropped nor bets. */
  progress: { done: number; total: number };
  items: PmRoadmapItem[];
  /** `Capacity:` as written, in weeks when it is a plain duration. */
  capacity: { text: string; weeks: number | null } | null;
  health: "on-track" | "at-risk" | "off-track" | null;
}

export interface PmRoadmap {
  uri: string;
  title: string;
  phases: PmRoadmapPhase[];
  /** URIs of specs under the roadmap's folder that no item links. */
  orphans: string[];
  /** Identifies this model for `pm/roadmapUpdate`. */
  resultId: string;
}

export interface RoadmapParams {
  /** One roadmap (open text when open, else the file); omitted: every roadmap in the workspace folders. */
  textDocument?: TextDocumentIdentifier;
}

/** `pm/roadmap`: the roadmap model(s). A named document that is not a roadmap is still read as one. */
export const RoadmapRequest = new RequestType<RoadmapParams, PmRoadmap[], void>("pm/roadmap");

export interface RoadmapUpdateParams {
  textDocument: TextDocumentIdentifier;
  /** `resultId` of the model the client holds for this roadmap, or null. */
  previousResultId: string | null;
}

export interface PmRoadmapUpdate {
  /** The model with `phases[i]` null where phase i is unchanged since `previousResultId` (every phase is sent when the server no longer knows that result). */
  roadmap: Omit<PmRoadmap, "phases"> & { phases: Array<PmRoadmapPhase | null> };
}

/**
 * `pm/roadmapUpdate`: one roadmap, sending only the phases that changed since the model the
 * client holds; a status change or a spec edit then sends one phase instead of the whole plan.
 */
export const RoadmapUpdateRequest = new RequestType<RoadmapUpdateParams, PmRoadmapUpdate, void>("pm/roadmapUpdate");

export interface PmSpecSummary {
  uri: string;
  title: string | null;
  template: string | null;
  status: string | null;
  owner: string | null;
  errors: number;
  warnings: number;
  /** Whether an item of some roadmap in the workspace links it. */
  onRoadmap: boolean;
}

/** `pm/specs`: every spec in the workspace folders (roadmaps excluded), most errors first, then most warnings, then by URI. */
export const SpecsRequest = new RequestType<Record<string, never> | null | undefined, PmSpecSummary[], void>("pm/specs");

export interface RoadmapItemEditParams {
  uri: string;
  /** 0-based line of the item. */
  line: number;
  /** The line's text as last read (`PmRoadmapItem.lineText`); a different current text is refused. */
  expectedLineText: string;
  status: PmItemStatus;
}

/**
 * `pm/roadmapItemEdit`: a WorkspaceEdit rewriting only the item's `status:` field and/or checkbox
 * (empty when it already has that status). Errors: ContentModified (-32801) when the line changed,
 * InvalidParams (-32602) when the line is not an item or the status is unknown.
 */
export const RoadmapItemEditRequest = new RequestType<RoadmapItemEditParams, WorkspaceEdit, void>("pm/roadmapItemEdit");

export interface LinkSpecEditParams {
  uri: string;
  /** 0-based line of the item. */
  line: number;
  expectedLineText: string;
  /** URI of the spec to link (e.g. from `pm/specs`); written as a path relative to the roadmap. */
  specUri: string;
  /** Link text; default the spec's title (needed when the spec is not written yet). */
  label?: string;
}

/** `pm/linkSpecEdit`: a WorkspaceEdit adding (or replacing) the item's `spec:[title](relative path)` field. Errors as for pm/roadmapItemEdit. */
export const LinkSpecEditRequest = new RequestType<LinkSpecEditParams, WorkspaceEdit, void>("pm/linkSpecEdit");

export interface RoadmapChangedParams {
  /** Roadmaps whose model may have changed; ask `pm/roadmap` for them. Empty: refresh everything (files created or deleted). */
  uris: string[];
}

/** `pm/roadmapChanged` (server -> client), debounced: an open roadmap, a spec one links, or the workspace's files changed. */
export const RoadmapChangedNotification = new NotificationType<RoadmapChangedParams>("pm/roadmapChanged");

export interface RoadmapTimelineParams {
  textDocument: TextDocumentIdentifier;
  lang: "en" | "zh-CN";
  /** `resultId` of the picture the webview shows, or null/absent for the whole page. */
  previousResultId?: string | null;
  /** false: re-send a changed phase whole even when only some of its cards changed (for comparison). */
  cards?: boolean;
}

/** What a card opens: where the item is and the spec it links (when the file exists). */
export interface PmTimelineItemTarget {
  line: number;
  specUri: string | null;
}

export interface PmRoadmapTimeline {
  kind: "page";
  /** The picture's markup, every workspace string escaped; items carry `data-item` = index into `items`. */
  html: string;
  /** Its stylesheet (theme colours from VS Code's CSS variables). */
  css: string;
  title: string;
  /** Per `data-item`, in document order. */
  items: PmTimelineItemTarget[];
  /** Identifies this picture for the next request's `previousResultId`. */
  resultId: string;
}

/** A phase re-rendered: replaces the page's `index`-th `article.tl-phase` and axis `g.lane-row`. */
export interface PmTimelinePhase {
  kind: "phase";
  index: number;
  html: string;
  /** Null when the page has no time axis. */
  lane: string | null;
  /** `data-item` of its first card; `items` replace `replacedItems` targets (the phase's count before) from there. */
  firstItem: number;
  items: PmTimelineItemTarget[];
  replacedItems: number;
}

/** One card re-rendered: replaces the phase's `at`-th `li.card`; `item` is its `data-item`. */
export interface PmTimelineCard {
  item: number;
  at: number;
  html: string;
  target: PmTimelineItemTarget;
}

/** A phase whose items and their order held, or that gained or lost a few: only its changed cards, and its header and axis lane when they changed. */
export interface PmTimelinePhaseCards {
  kind: "cards";
  index: number;
  /** Replaces the phase's `header.tl-phase-head` (title, dates, progress); absent when unchanged. */
  head?: string;
  /** Replaces its axis `g.lane-row`; absent when unchanged. */
  lane?: string;
  cards: PmTimelineCard[];
  /** Its `items` targets from `data-item` `firstItem` all moved `by` lines (lines added or removed above); absent when none did. */
  linesMoved?: { by: number; items: number };
  /** Every target of the phase, from `data-item` `firstItem`, when they changed otherwise; absent when they held. */
  items?: PmTimelineItemTarget[];
  /** With `splice`: how many targets `items` replace (the phase's count before). */
  replacedItems?: number;
  /** Items added or removed: the phase's cards `at` to `at + remove` go, and `cards` (at their new places) come in their stead. */
  splice?: { at: number; remove: number };
  firstItem: number;
}

/** Only what changed since `previousResultId`: the title and totals (`header.tl-head`), and the changed phases. */
export interface PmRoadmapTimelinePhases {
  kind: "phases";
  title: string;
  head: string;
  phases: Array<PmTimelinePhase | PmTimelinePhaseCards>;
  /** Cards on the page after the change: they are numbered 0 to this in document order. */
  total: number;
  resultId: string;
}

/**
 * `pm/roadmapTimeline`: the roadmap timeline of one roadmap, rendered by the engine for a webview:
 * the whole page, or, when `previousResultId` is the last one sent and the page's layout (phase
 * titles, axis span, day, language) is the same, only the phases that changed, and of a phase
 * whose items held, only the cards that changed. When a phase gained or lost items, the cards
 * after it keep their old `data-item` in the page until renumbered in document order.
 */
export const RoadmapTimelineRequest = new RequestType<RoadmapTimelineParams, PmRoadmapTimeline | PmRoadmapTimelinePhases, void>("pm/roadmapTimeline");
