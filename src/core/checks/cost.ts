import type { ContentCheck } from "./types";
import { DURATION, MONEY } from "./patterns";

/** Cost and latency budget: money per request and/or latency with units. */
export const cost: ContentCheck = {
  name: "cost",
  summary: { en: "amounts with units: cost per request and/or latency", "zh-CN": "带单位的数值：单次请求成本和/或延迟" },
  run({ prose }) {
    return MONEY.test(prose) || DURATION.test(prose)
      ? []
      : [{ message: { en: "no budget figures: give cost per request (e.g. $0.002) and latency targets (e.g. p95 < 800 ms)", "zh-CN": "缺少预算数字：写明单次请求成本（如 0.01 元）和延迟目标（如 p95 < 800 毫秒）" } }];
  },
};
