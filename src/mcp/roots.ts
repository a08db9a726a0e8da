/**
 * The folders an MCP client may reach: every path an agent passes is resolved against them and
 * refused when it leads outside, by `..` or through a symbolic link.
 */
import { isAbsolute, relative, resolve, sep } from "node:path";
import type { WorkspaceHost } from "../core/host";
import { isInside } from "../node/files";

export class OutsideRootError extends Error {}

function lexicallyInside(root: string, abs: string): boolean {
  const rel = relative(root, abs);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
}

export class Roots {
  constructor(readonly folders: readonly string[]) {}

  get primary(): string {
    return this.folders[0]!;
  }

  /** The root holding `abs` (lexically and after symlinks), or null. */
  rootOf(abs: string): string | null {
    return this.folders.find((r) => lexicallyInside(r, abs) && isInside(r, abs)) ?? null;
  }

  /** `path` (relative to the first root, or absolute) as an absolute path inside a root. */
  resolve(path: string): { abs: string; root: string } {
    const abs = resolve(this.primary, path);
    const root = this.rootOf(abs);
    if (!root) {
      throw new OutsideRootError(`${path}: outside the workspace root ${this.folders.join(", ")} (after resolving .. and symbolic links); pass a path inside it`);
    }
    return { abs, root };
  }

  /** A host that answers only for paths inside the roots: links to files outside read as missing. */
  guard(host: WorkspaceHost): WorkspaceHost {
    return {
      stat: (p) => (this.rootOf(p) ? host.stat(p) : null),
      readText: (p) => (this.rootOf(p) ? host.readText(p) : null),
    };
  }
}
