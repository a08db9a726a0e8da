import { ChunkCache, type ParsedChunk } from "../core/markdown";

/**
 * A chunk cache that keeps exactly the chunks the previous lint used. Unlike an LRU of fixed
 * size it never thrashes on a document with more chunks than the limit, and it never holds
 * more than two versions' worth of chunks.
 */
export class GenerationalChunkCache extends ChunkCache {
  private current = new Map<string, ParsedChunk>();
  private previous = new Map<string, ParsedChunk>();

  override get(key: string): ParsedChunk | undefined {
    const hit = this.current.get(key);
    if (hit) return hit;
    const old = this.previous.get(key);
    if (old) this.current.set(key, old);
    return old;
  }

  override set(key: string, value: ParsedChunk): void {
    this.current.set(key, value);
  }

  /** Call before each lint: chunks the last lint did not use are dropped. */
  nextGeneration(): void {
    this.previous = this.current;
    this.current = new Map();
  }
}
