// Shared by the number candidates: every quantity test (NUMBER, THRESHOLD, TIME_WINDOW, DURATION,
// MONEY) reads the text after `convert` has turned the library's number words into digits. The
// bench removes the hand-written words from the bundled data (nlp.mjs, `transform`), so what is
// left to recognise them is the library.
import * as Q from "../../../src/core/quantities";

export function readNumbersWith(convert) {
  for (const name of ["NUMBER", "THRESHOLD", "TIME_WINDOW", "DURATION", "MONEY"]) {
    const current = Q[name].test;
    Q[name].test = (text) => current(convert(text));
  }
}
