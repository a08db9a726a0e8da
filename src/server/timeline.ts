/**
 * `pm/roadmapTimeline`: the engine's timeline picture of one roadmap, for the editor's webview.
 * The first answer is the whole page; later ones, while the page's layout holds, carry only the
 * phases whose key (the one pm/roadmapUpdate uses) changed, rendered by the same renderer.
 */
import { ErrorCodes, ResponseError, type Connection } from "vscode-languageserver/node";
import { roadmapJson, type RoadmapJson } from "../core/roadmapHealth";
import { renderTimelineBody, renderTimelineHead, renderTimelinePhase, TIMELINE_CSS, timelineLayout, type TimelineOptions } from "../core/timeline";
import { LANGS, type Lang } from "../core/types";
import { RoadmapTimelineRequest, type PmRoadmapTimeline, type PmRoadmapTimelinePhases, type PmTimelineItemTarget } from "../protocol";
import { pathToUri, uriToPath } from "./convert";
import type { RoadmapService } from "./roadmap";
import type { Workspaces } from "./workspaces";

const targets = (phase: RoadmapJson["phases"][number]): PmTimelineItemTarget[] => phase.items.map((i) => ({ line: i.line, specUri: i.spec?.exists ? i.spec.path : null }));

export function registerTimeline(connection: Connection, roadmaps: RoadmapService, workspaces: Workspaces): void {
  /** What the last picture sent for each roadmap was made of, under its result id. */
  const sent = new Map<string, { resultId: string; layout: string; keys: string[] }>();
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
    sent.set(path, { resultId, layout, keys });

    if (before && params.previousResultId != null && before.resultId === params.previousResultId && before.layout === layout) {
      const phases = [];
      let firstItem = 0;
      for (const [index, phase] of json.phases.entries()) {
        if (before.keys[index] !== keys[index]) phases.push({ index, firstItem, ...renderTimelinePhase(json, index, options), items: targets(phase) });
        firstItem += phase.items.length;
      }
      return { kind: "phases", title: json.title, head: renderTimelineHead(json, options), phases, resultId };
    }
    return { kind: "page", html: renderTimelineBody([json], options), css: TIMELINE_CSS, title: json.title, items: json.phases.flatMap(targets), resultId };
  });
}
