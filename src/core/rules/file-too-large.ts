import type { Rule } from "../rule";

/** PM011: the file is over the size limit (maxFileSize), so it was not linted. Reported by the linter itself. */
export const fileTooLarge: Rule = {
  id: "PM011",
  name: "file-too-large",
  description: { en: "The file is larger than maxFileSize and was not linted.", "zh-CN": "文件超过 maxFileSize，未做检查。" },
  tags: ["limits"],
  severity: { draft: "info", review: "info", approved: "info", shipped: "info", deprecated: "info" },
  fixable: false,
  needsTemplate: false,
  check() {
    /* The size check runs before parsing; see lint.ts. */
  },
};
