/** What the engine may ask of the workspace. Injected, so tests run in memory. */
export interface WorkspaceHost {
  stat(absPath: string): "file" | "directory" | null;
  readText(absPath: string): string | null;
}

/** A host over an in-memory map of absolute path -> text (directories are implied). */
export function memoryHost(files: Record<string, string>): WorkspaceHost {
  return {
    stat(p) {
      if (p in files) return "file";
      const dir = p.endsWith("/") ? p : `${p}/`;
      return Object.keys(files).some((f) => f.startsWith(dir)) ? "directory" : null;
    },
    readText: (p) => files[p] ?? null,
  };
}
