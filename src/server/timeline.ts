/**
 * `pm/roadmapTimeline`: the engine's timeline picture of one roadmap, for the editor's webview.
 * The first answer is the whole page; later ones, while the page's layout holds, carry only the
 * phases whose key (the one pm/roadmapUpdate uses) changed, rendered by the same renderer. Of a
 * changed phase whose items held (same count, KPI table unchanged), only the cards whose own key
 * (the item's model, all a card is drawn from) changed are sent, with its header and axis lane
 * when those changed; past half its cards the column is re-sent whole. Of a phase that gained or
 * lost a few items, only the cards between those kept before and after them are sent, to splice
 * in; the webview numbers the cards after them anew. Lines added or removed above a phase move
 * its items' lines but not its cards: only how far they moved is sent.
 */
import { ErrorCodes, ResponseError, type Connection } from "vscode-languageserver/node";
import { roadmapJson, type RoadmapJson } from "../core/roadmapHealth";
import { renderTimelineBody, renderTimelineCards, renderTimelineHead, renderTimelinePhase, renderTimelinePhaseParts, TIMELINE_CSS, timelineLayout, type TimelineOptions } from "../core/timeline";
import { LANGS, type Lang } from "../core/types";
import { RoadmapTimelineRequest, type PmRoadmapTimeline, type PmRoadmapTimelinePhases, type PmTimelineItemTarget, type PmTimelinePhase, type PmTimelinePhaseCards } from "../protocol";
import { pathToUri, uriToPath } from "./convert";
import type { RoadmapService } from "./roadmap";
import type { Workspaces } from "./workspaces";

type PhaseJson = RoadmapJson["phases"][number];
const target = (i: PhaseJson["items"][number]): PmTimelineItemTarget => ({ line: i.line, specUri: i.spec?.exists ? i.spec.path : null });
const targets = (phase: PhaseJson): PmTimelineItemTarget[] => phase.items.map(target);
/**
 * A card's key: the item's model, which is all its card is drawn from (the options are in the
 * layout), less the lines in it (its own, its KPI's, those of the items it waits for): the renderer
 * draws none, and a line added above would otherwise change every card below it.
 */
const undrawnLines = (item: PhaseJson["items"][number]) => ({ ...item, line: 0, kpi: item.kpi && { ...item.kpi, line: 0 }, after: item.after.map((a) => ({ ...a, line: 0 })) });
const cardKey = (item: PhaseJson["items"][number]): string => JSON.stringify(undrawnLines(item));
/** A phase's model less its lines and its items (their cards have their own keys). */
const phaseOnlyKey = (phase: PhaseJson): string => JSON.stringify({ ...phase, line: 0, kpis: phase.kpis.map((k) => ({ ...k, line: 0 })), items: [] });

/** How a phase's targets (same count) changed: not at all, all moved by the same lines (specs held), or otherwise (all of them sent). */
function movedTargets(before: PhaseJson, phase: PhaseJson): Pick<PmTimelinePhaseCards, "items" | "linesMoved"> {
  const by = phase.items.length ? phase.items[0]!.line - before.items[0]!.line : 0;
  const specOf = (i: PhaseJson["items"][number]) => (i.spec?.exists ? i.spec.path : null);
  let uniform = true;
  phase.items.forEach((item, at) => {
    const was = before.items[at]!;
    if (item.line - was.line !== by || specOf(item) !== specOf(was)) uniform = false;
  });
  if (!uniform) return { items: targets(phase) };
  return by === 0 ? {} : { linesMoved: { by, items: phase.items.length } };
}

/**
 * Phase `index`, changed since `before`: its changed cards (and header and lane when changed), or
 * null when the column must be re-sent whole (its KPI table changed, or most of its cards did).
 */
function changedCards(beforeJson: RoadmapJson, json: RoadmapJson, index: number, firstItem: number, options: TimelineOptions): PmTimelinePhaseCards | null {
  const before = beforeJson.phases[index]!;
  const phase = json.phases[index]!;
  const was = before.items.map(cardKey);
  const now = phase.items.map(cardKey);
  const sameCount = was.length === now.length;
  // Only lines moved (a line added above it): nothing to draw, only where its cards point.
  if (sameCount && was.every((key, at) => key === now[at]) && phaseOnlyKey(phase) === phaseOnlyKey(before)) return { kind: "cards", index, cards: [], firstItem, ...movedTargets(before, phase) };
  const beforeParts = renderTimelinePhaseParts(beforeJson, index, options);
  const parts = renderTimelinePhaseParts(json, index, options);
  if (parts.kpis !== beforeParts.kpis) return null;
  const cardsAt = (positions: number[]) => renderTimelineCards(json, index, positions, options).map((c, n) => ({ ...c, at: positions[n]!, target: target(phase.items[positions[n]!]!) }));
  let answer: PmTimelinePhaseCards;
  if (sameCount) {
    const positions: number[] = [];
    now.forEach((key, at) => {
      if (key !== was[at]) positions.push(at);
    });
    if (positions.length * 2 > phase.items.length) return null;
    answer = { kind: "cards", index, cards: cardsAt(positions), firstItem, ...movedTargets(before, phase) };
  } else {
    // Items added or removed: the cards that differ between the ones kept before and after them.
    let head = 0;
    while (head < was.length && head < now.length && was[head] === now[head]) head++;
    let tail = 0;
    while (tail < was.length - head && tail < now.length - head && was[was.length - 1 - tail] === now[now.length - 1 - tail]) tail++;
    const removed = was.length - head - tail;
    const added = now.length - head - tail;
    // Nothing kept to place them by, or most of the column changed: the column goes whole.
    if (head + tail === 0 || (removed + added) * 2 > Math.max(was.length, now.length)) return null;
    const cards = cardsAt(Array.from({ length: added }, (_, n) => head + n));
    answer = { kind: "cards", index, cards, firstItem, splice: { at: head, remove: removed }, items: targets(phase), replacedItems: before.items.length };
  }
  if (parts.head !== beforeParts.head) answer.head = parts.head;
  if (parts.lane !== null && parts.lane !== beforeParts.lane) answer.lane = parts.lane;
  return answer;
}

export function registerTimeline(connection: Connection, roadmaps: RoadmapService, workspaces: Workspaces): void {
  /** What the last picture sent for each roadmap was made of, under its result id. */
  const sent = new Map<string, { resultId: string; layout: string; keys: string[]; json: RoadmapJson }>();
  let nextResultId = 1;

  connection.onRequest(RoadmapTimelineRequest, (params): PmRoadmapTimeline | PmRoadmapTimelinePhases => {
    const uri = params?.textDocument?.uri;
    const path = uri ? uriToPath(uri) : null;
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `pm/roadmapTimeline: ${String(uri)} is not a file URI.`);
    const report = roadmaps.report(path);
    if (!report) throw new ResponseError(ErrorCodes.InvalidParams, `pm/roadmapTimeline: cannot read ${path}; check that the file exists.`);
    const lang: Lang = (LANGS as readonly string[]).includes(params.lang) ? params.lang : "en";
    const today = workspaces.forFile(path).env.today ?? new Date().toISOString().slice(0, 10);
    const options: TimelineOptions = { lang, today, interactive: true };
    const json = roadmapJson(report, pathToUri, 0);
    const layout = timelineLayout(json, options);
    const keys = roadmaps.phaseKeys(report);
    const before = sent.get(path);
    const resultId = String(nextResultId++);
    sent.set(path, { resultId, layout, keys, json });

    if (before && params.previousResultId != null && before.resultId === params.previousResultId && before.layout === layout) {
      const phases: Array<PmTimelinePhase | PmTimelinePhaseCards> = [];
      let firstItem = 0;
      for (const [index, phase] of json.phases.entries()) {
        if (before.keys[index] !== keys[index]) {
          const cards = params.cards === false ? null : changedCards(before.json, json, index, firstItem, options);
          phases.push(cards ?? { kind: "phase", index, firstItem, ...renderTimelinePhase(json, index, options), items: targets(phase), replacedItems: before.json.phases[index]!.items.length });
        }
        firstItem += phase.items.length;
      }
      return { kind: "phases", title: json.title, head: renderTimelineHead(json, options), phases, total: firstItem, resultId };
    }
    return { kind: "page", html: renderTimelineBody([json], options), css: TIMELINE_CSS, title: json.title, items: json.phases.flatMap(targets), resultId };
  });
}
