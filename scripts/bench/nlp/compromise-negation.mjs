// Candidate: compromise decides whether an English decision verb is negated ("does not approve",
// "never decides"), in place of the hand-written clause scan (RedLineModel negatedAt/governs).
// Where compromise sees no verb at the match (a noun such as "decision", a prohibited use), and
// for Chinese, the current code still decides.
import nlp from "compromise";
import { RedLineModel } from "../../../src/core/redLines";

const CJK = /[\u3400-\u9fff]/;
const current = RedLineModel.prototype.negatedAt;
let lastText = null;
let lastVerbs = [];

function verbsOf(text) {
  if (text !== lastText) {
    lastText = text;
    lastVerbs = nlp(text)
      .verbs()
      .json({ offset: true })
      .map((v) => ({ start: v.offset.start, end: v.offset.start + v.offset.length, negative: Boolean(v.verb?.negative) }));
  }
  return lastVerbs;
}

RedLineModel.prototype.negatedAt = function (text, index) {
  if (CJK.test(text.charAt(index))) return current.call(this, text, index);
  const verb = verbsOf(text).find((v) => v.start <= index && index < v.end);
  return verb ? verb.negative : current.call(this, text, index);
};
