import type { ContentCheck } from "./types";
import { measurable } from "./measurable";
import { metricsTable } from "./metrics-table";
import { requirementIds } from "./requirement-ids";
import { link } from "./link";
import { stepsOnFailure } from "./steps-on-failure";
import { stepsWithTriggers } from "./steps-with-triggers";
import { reviewGate } from "./review-gate";
import { evaluation } from "./evaluation";
import { cost } from "./cost";
import { hypothesis } from "./hypothesis";
import { experimentDesign } from "./experiment-design";
import { decisionRule } from "./decision-rule";
import { operations } from "./operations";
import { rolloutGates } from "./rollout-gates";
import { analysisPlan } from "./analysis-plan";

export const CHECKS: readonly ContentCheck[] = [measurable, metricsTable, requirementIds, link, stepsOnFailure, stepsWithTriggers, reviewGate, evaluation, cost, hypothesis, experimentDesign, decisionRule, operations, rolloutGates, analysisPlan];

export const CHECK_NAMES = CHECKS.map((c) => c.name);
export type CheckName = string;

const BY_NAME = new Map(CHECKS.map((c) => [c.name, c]));

export function getCheck(name: string): ContentCheck | undefined {
  return BY_NAME.get(name);
}

export type { ContentCheck, CheckInput, CheckProblem } from "./types";
