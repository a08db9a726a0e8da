import type { CheckProblem, ContentCheck } from "./types";
import { AUDIENCE, MDE, SPLIT, TIME_WINDOW } from "./patterns";

/** Experiment design: audience, split, minimum detectable effect and duration. */
export const experimentDesign: ContentCheck = {
  name: "experiment-design",
  summary: { en: "audience, split, minimum detectable effect and duration", "zh-CN": "受众、分流比例、最小可检测效应和实验时长" },
  run({ prose }) {
    const problems: CheckProblem[] = [];
    if (!AUDIENCE.test(prose)) problems.push({ message: { en: "no audience: say who is in the experiment", "zh-CN": "缺少受众：写明实验人群" } });
    if (!SPLIT.test(prose)) problems.push({ message: { en: "no split: give the traffic split (e.g. 50/50)", "zh-CN": "缺少分流：写明流量分配（如 50/50）" } });
    if (!MDE.test(prose)) problems.push({ message: { en: "no minimum detectable effect: state the smallest change worth detecting", "zh-CN": "缺少最小可检测效应：写明值得检测的最小变化" } });
    if (!TIME_WINDOW.test(prose)) problems.push({ message: { en: "no duration: state how long the experiment runs (e.g. 14 days)", "zh-CN": "缺少时长：写明实验持续多久（如 14 天）" } });
    return problems;
  },
};
