// Candidate: nzh reads Chinese numerals (三, 十五, 一百二十) as numbers; the bench empties the
// hand-written ZH_DIGITS in the bundled data, so a numeral counts only when nzh reads it. Kept
// from the current code: a lone 一 before 个/种/点… is an article (ZH_ONE_AS_ARTICLE), and
// 百分之/千分之 stay words.
import Nzh from "nzh";
import { ZH_ONE_AS_ARTICLE } from "../../../src/core/data/quantities";
import { readNumbersWith } from "./numbers.mjs";

// The characters nzh reads; finding the runs is the bench's glue, reading them is nzh's job.
const RUN = /[零〇一二两三四五六七八九十百千万亿]+(?!分之)/g;
const HAN = /[\u3400-\u9fff]/;

readNumbersWith((text) =>
  HAN.test(text)
    ? text.replace(RUN, (run, at) => {
        if (run === "一" && ZH_ONE_AS_ARTICLE.some((a) => text.startsWith(a, at))) return run;
        const n = Nzh.cn.decodeS(run);
        return typeof n === "number" && Number.isFinite(n) && (n > 0 || /^[零〇]$/.test(run)) ? String(n) : run;
      })
    : text,
);
