/** Finding Markdown files (honouring .gitignore) and writing files without ever losing data. */
import { closeSync, constants, existsSync, fsyncSync, linkSync, lstatSync, openSync, readdirSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { basename, dirname, join, relative, resolve, sep } from "node:path";
import ignore, { type Ignore } from "ignore";
import picomatch from "picomatch";

const ALWAYS_SKIPPED = new Set([".git", "node_modules", ".hg", ".svn"]);

/** Markdown files under `root`, skipping what .gitignore files (at any depth) ignore. */
export function* walkMarkdown(root: string): Generator<string> {
  const stack: Array<{ dir: string; rules: Array<{ base: string; ig: Ignore }> }> = [{ dir: root, rules: [] }];
  while (stack.length > 0) {
    const { dir, rules: inherited } = stack.pop()!;
    let rules = inherited;
    const gi = join(dir, ".gitignore");
    if (existsSync(gi)) {
      try {
        rules = [...inherited, { base: dir, ig: ignore().add(readFileSync(gi, "utf8")) }];
      } catch {
        /* unreadable .gitignore: ignore nothing extra */
      }
    }
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : a.name > b.name ? -1 : 0));
    const subdirs: string[] = [];
    for (const e of entries) {
      if (ALWAYS_SKIPPED.has(e.name)) continue;
      const p = join(dir, e.name);
      const isDir = e.isDirectory();
      if (rules.some((r) => r.ig.ignores(relative(r.base, p).split(sep).join("/") + (isDir ? "/" : "")))) continue;
      if (isDir) subdirs.push(p);
      else if (e.isFile() && /\.(md|markdown)$/i.test(e.name)) yield p;
    }
    for (const d of subdirs) stack.push({ dir: d, rules });
  }
}

/**
 * Expands CLI operands: files, folders (walked), and globs relative to `cwd`.
 * Returns sorted absolute paths and the operands that matched nothing.
 */
export function expandOperands(operands: string[], cwd: string): { files: string[]; unmatched: string[] } {
  const found = new Set<string>();
  const unmatched: string[] = [];
  for (const op of operands.length ? operands : ["."]) {
    const abs = resolve(cwd, op);
    let kind: "file" | "dir" | null = null;
    try {
      const s = statSync(abs);
      kind = s.isDirectory() ? "dir" : s.isFile() ? "file" : null;
    } catch {
      kind = null;
    }
    const before = found.size;
    if (kind === "file") found.add(abs);
    else if (kind === "dir") for (const f of walkMarkdown(abs)) found.add(f);
    else if (picomatch.scan(op).isGlob) {
      const { base } = picomatch.scan(op);
      const baseAbs = resolve(cwd, base || ".");
      const match = picomatch(op.replace(/^\.\//, ""), { dot: false });
      for (const f of walkMarkdown(baseAbs)) if (match(relative(cwd, f).split(sep).join("/"))) found.add(f);
    }
    if (found.size === before && kind !== "file") unmatched.push(op);
  }
  return { files: [...found].sort(), unmatched };
}

export class UnsafeWriteError extends Error {}

/** True when `child` is `parent` or inside it, after resolving symlinks of what exists. */
export function isInside(parent: string, child: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return join(real(dirname(p)), basename(p));
    }
  };
  const rel = relative(real(parent), real(child));
  return rel === "" || (!rel.startsWith("..") && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel));
}

function tempPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.pmw-${process.pid}-${Date.now().toString(36)}.tmp`);
}

function writeTemp(target: string, text: string): string {
  const tmp = tempPath(target);
  const fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, 0o644);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/**
 * Creates `target` with `text`, atomically and never over an existing file: the text is
 * written to a temporary file that is then hard-linked into place (link fails if the name exists).
 */
export function createFileExclusive(target: string, text: string): void {
  const tmp = writeTemp(target, text);
  try {
    linkSync(tmp, target);
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Replaces an existing regular file's contents atomically (temp file + rename), refusing
 * symlinks (their target may be outside the workspace) and files changed since `expected` was read.
 */
export function replaceFileAtomic(target: string, text: string, expected: string): void {
  const st = lstatSync(target);
  if (st.isSymbolicLink()) throw new UnsafeWriteError(`${target}: is a symbolic link; not writing through it`);
  if (!st.isFile()) throw new UnsafeWriteError(`${target}: not a regular file`);
  if (readFileSync(target, "utf8") !== expected) throw new UnsafeWriteError(`${target}: changed on disk while fixing; run again`);
  const tmp = writeTemp(target, text);
  try {
    renameSync(tmp, target);
  } catch (e) {
    unlinkSync(tmp);
    throw e;
  }
}
