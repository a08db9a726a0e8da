// Candidate: words-to-numbers turns English number words into digits ("three weeks" -> "3 weeks").
import { wordsToNumbers } from "words-to-numbers";
import { readNumbersWith } from "./numbers.mjs";

const LATIN = /[A-Za-z]/;
readNumbersWith((text) => (LATIN.test(text) ? String(wordsToNumbers(text) ?? text) : text));
