// Candidate: compromise's part-of-speech tags filter the English decision-verb matches: a prefix
// term ("screen*", "set", "price") counts only where compromise tags the word as a verb, so "the
// screen shows" or "the price is" no longer reads as a decision. Chinese verbs are unchanged.
// The loop is RedLineModel.decidedBySystem with that one test added.
import nlp from "compromise";
import { RedLineModel } from "../../../src/core/redLines";

const CJK = /[\u3400-\u9fff]/;
let lastText = null;
let lastVerbStarts = new Set();

function verbStarts(text) {
  if (text !== lastText) {
    lastText = text;
    lastVerbStarts = new Set();
    for (const s of nlp(text).json({ offset: true })) for (const t of s.terms) if (t.tags.includes("Verb")) lastVerbStarts.add(t.offset.start);
  }
  return lastVerbStarts;
}

RedLineModel.prototype.decidedBySystem = function (text) {
  if (!this.actors.test(text) || this.decidedByPerson(text)) return false;
  this.verbs.lastIndex = 0;
  for (let m = this.verbs.exec(text); m; m = this.verbs.exec(text)) {
    if (!CJK.test(m[0]) && !verbStarts(text).has(m.index)) continue;
    if (!this.negatedAt(text, m.index)) return true;
  }
  return false;
};
