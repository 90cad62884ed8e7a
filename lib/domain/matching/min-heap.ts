/** A binary min-heap of (key, value) number pairs, for the solver's Dijkstra. */
export class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  /** The key of the value `pop` returned last. */
  lastKey = 0;

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    const keys = this.keys;
    const values = this.values;
    let i = keys.length;
    keys.push(key);
    values.push(value);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (keys[parent]! <= key) break;
      keys[i] = keys[parent]!;
      values[i] = values[parent]!;
      i = parent;
    }
    keys[i] = key;
    values[i] = value;
  }

  /** Removes the minimum; returns its value and leaves its key in `lastKey`. */
  pop(): number {
    const keys = this.keys;
    const values = this.values;
    const topValue = values[0]!;
    this.lastKey = keys[0]!;
    const lastK = keys.pop()!;
    const lastV = values.pop()!;
    const n = keys.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        if (l >= n) break;
        const r = l + 1;
        const c = r < n && keys[r]! < keys[l]! ? r : l;
        if (keys[c]! >= lastK) break;
        keys[i] = keys[c]!;
        values[i] = values[c]!;
        i = c;
      }
      keys[i] = lastK;
      values[i] = lastV;
    }
    return topValue;
  }

  clear(): void {
    this.keys.length = 0;
    this.values.length = 0;
  }
}
