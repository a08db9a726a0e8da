/** `pm/roadmapTimeline`: the engine's timeline picture of one roadmap, for the editor's webview. */
import { ErrorCodes, ResponseError, type Connection } from "vscode-languageserver/node";
import { roadmapJson } from "../core/roadmapHealth";
import { renderTimelineBody, TIMELINE_CSS } from "../core/timeline";
import { LANGS, type Lang } from "../core/types";
import { RoadmapTimelineRequest, type PmRoadmapTimeline } from "../protocol";
import { pathToUri, uriToPath } from "./convert";
import type { RoadmapService } from "./roadmap";
import type { Workspaces } from "./workspaces";

export function registerTimeline(connection: Connection, roadmaps: RoadmapService, workspaces: Workspaces): void {
  connection.onRequest(RoadmapTimelineRequest, (params): PmRoadmapTimeline => {
    const uri = params?.textDocument?.uri;
    const path = uri ? uriToPath(uri) : null;
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `pm/roadmapTimeline: ${String(uri)} is not a file URI.`);
    const report = roadmaps.report(path);
    if (!report) throw new ResponseError(ErrorCodes.InvalidParams, `pm/roadmapTimeline: cannot read ${path}; check that the file exists.`);
    const lang: Lang = (LANGS as readonly string[]).includes(params.lang) ? params.lang : "en";
    const today = workspaces.forFile(path).env.today ?? new Date().toISOString().slice(0, 10);
    const json = roadmapJson(report, pathToUri, 0);
    return {
      html: renderTimelineBody([json], { lang, today, interactive: true }),
      css: TIMELINE_CSS,
      title: json.title,
      items: json.phases.flatMap((p) => p.items.map((i) => ({ line: i.line, specUri: i.spec?.exists ? i.spec.path : null }))),
    };
  });
}
