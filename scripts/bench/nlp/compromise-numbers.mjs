// Candidate: compromise's .numbers() turns English number words into digits.
import nlp from "compromise";
import { readNumbersWith } from "./numbers.mjs";

const LATIN = /[A-Za-z]/;
readNumbersWith((text) => {
  if (!LATIN.test(text)) return text;
  const doc = nlp(text);
  doc.numbers().toNumber();
  return doc.text();
});
