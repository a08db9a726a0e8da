import type { CheckProblem, ContentCheck } from "./types";
import { HALLUCINATION, NUMBER } from "./patterns";

/**
 * Evaluation plan: measurable, and for generative features a hallucination test.
 * A document opts out of the hallucination test with `generative: false` in front matter.
 */
export const evaluation: ContentCheck = {
  name: "evaluation",
  summary: { en: "measurable pass bars, and a hallucination test for generative features", "zh-CN": "可量化的通过标准；生成式功能需包含幻觉测试" },
  run({ doc, prose }) {
    const problems: CheckProblem[] = [];
    if (!NUMBER.test(prose)) problems.push({ message: { en: "not measurable: give each eval a number to pass (e.g. distortion <= 5% on 100 documents)", "zh-CN": "不可量化：为每项评估给出通过数值（如 100 篇长文档失真率 <= 5%）" } });
    if (doc.frontMatter.data["generative"] !== false && !HALLUCINATION.test(prose)) {
      problems.push({ message: { en: "no hallucination test: measure how often the system invents facts (or set generative: false)", "zh-CN": "缺少幻觉测试：衡量系统编造事实的频率（非生成式功能可设置 generative: false）" } });
    }
    return problems;
  },
};
