// Candidate: Intl.Segmenter's Chinese word granularity (ICU dictionary, built in). A Chinese cue,
// decision verb, system actor or "a person decides" match of the red-line model counts only
// when it starts and ends on a word boundary, so 人工 inside a longer word does not match.
import { RedLineModel } from "../../../src/core/redLines";

const CJK = /[\u3400-\u9fff]/;
const words = new Intl.Segmenter("zh", { granularity: "word" });
let lastText = null;
let lastBounds = new Set();

function bounds(text) {
  if (text !== lastText) {
    lastText = text;
    lastBounds = new Set([text.length]);
    for (const s of words.segment(text)) lastBounds.add(s.index);
  }
  return lastBounds;
}

const aligned = (text, m) => !CJK.test(m[0]) || (bounds(text).has(m.index) && bounds(text).has(m.index + m[0].length));

/** A RegExp whose exec (and so test) skips Chinese matches that cut through a word. */
class WordAligned extends RegExp {
  exec(text) {
    // A non-global pattern searches from the start each time: a global twin walks past the misaligned matches.
    const scan = this.global || this.sticky ? this : (this.twin ??= new RegExp(this.source, this.flags + "g"));
    if (scan !== this) scan.lastIndex = 0;
    for (let m = RegExp.prototype.exec.call(scan, text); m; m = RegExp.prototype.exec.call(scan, text)) {
      if (aligned(text, m)) return m;
      scan.lastIndex = m.index + 1;
    }
    return null;
  }
}

const wrap = (re) => (re ? new WordAligned(re.source, re.flags) : re);
const current = RedLineModel.prototype.find;

RedLineModel.prototype.find = function (p) {
  if (!this.wordAligned) {
    this.wordAligned = true;
    for (const a of this.areas) {
      a.cue = wrap(a.cue);
      a.decision = wrap(a.decision);
    }
    for (const field of ["anyCue", "useCue", "verbs", "actors", "humanDecides"]) this[field] = wrap(this[field]);
  }
  return current.call(this, p);
};
