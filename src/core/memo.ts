/**
 * A cache for pure computations on the keystroke path (heading normalisation, slugs, front
 * matter, section verdicts). Bounded simply: when full it starts over, which costs one
 * recomputation of what is still in use and never grows without limit.
 */
export class BoundedMemo<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}

  get(key: K, compute: () => V): V {
    let value = this.map.get(key);
    if (value === undefined) {
      value = compute();
      if (this.map.size >= this.limit) this.map.clear();
      this.map.set(key, value);
    }
    return value;
  }
}
