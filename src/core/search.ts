/**
 * Binary search: the first index in [0, length) where `before(i)` is false, for a `before`
 * that holds on a prefix of the range and not after it (`length` when it holds everywhere).
 */
export function firstNotBefore(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
