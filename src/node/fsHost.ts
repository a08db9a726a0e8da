import { readFileSync, statSync } from "node:fs";
import type { WorkspaceHost } from "../core/host";
import { stripBom } from "../core/text";

export const nodeHost: WorkspaceHost = {
  stat(p) {
    try {
      const s = statSync(p, { throwIfNoEntry: false });
      return s?.isFile() ? "file" : s?.isDirectory() ? "directory" : null;
    } catch {
      return null;
    }
  },
  readText(p) {
    try {
      return stripBom(readFileSync(p, "utf8")).text;
    } catch {
      return null;
    }
  },
};
