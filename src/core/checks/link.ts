import type { ContentCheck } from "./types";
import { LINK } from "./patterns";

/** Prototype: a link to something a reader can open. */
export const link: ContentCheck = {
  name: "link",
  summary: { en: "a link to a prototype, demo or design", "zh-CN": "原型、演示或设计稿的链接" },
  run({ prose }) {
    return LINK.test(prose) ? [] : [{ message: { en: "no link: point to the prototype, demo or design file", "zh-CN": "缺少链接：请附上原型、演示或设计稿地址" } }];
  },
};
