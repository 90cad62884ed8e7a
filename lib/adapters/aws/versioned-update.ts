/**
 * What a versioned item's change (a case, a visit, a wish) sets, removes and adds to. The item's
 * `version` is the store's to move, never a caller's to set.
 */
export interface VersionedChange {
  /** The version the caller read: the write happens only if the item is still at it. */
  expectedVersion: number;
  set?: Record<string, unknown>;
  remove?: readonly string[];
  /** Counters to add to (a negative amount takes away). */
  add?: Record<string, number>;
  /** A further condition on the item, with its own `#name`s and `:value`s (not `#s…`, `#r…`, `#a…`, `#version`, `:expected`, `:next`). */
  when?: { expression: string; names?: Record<string, string>; values?: Record<string, unknown> };
}

/**
 * The one optimistic-concurrency update of the stores: the change's SET/ADD/REMOVE, `version` moved on
 * by one, conditional on `version` still being `expectedVersion` (and `when`). Spread it into an
 * `UpdateCommand` or a transaction's `Update` with the item's table and key; a failed condition means
 * another writer got there first.
 */
export function versionedUpdate(change: VersionedChange) {
  const names: Record<string, string> = { ...change.when?.names, '#version': 'version' };
  const values: Record<string, unknown> = { ...change.when?.values, ':expected': change.expectedVersion, ':next': change.expectedVersion + 1 };
  const sets = Object.entries(change.set ?? {})
    .filter(([name]) => name !== 'version')
    .map(([name, value], i) => {
      names[`#s${i}`] = name;
      values[`:s${i}`] = value;
      return `#s${i} = :s${i}`;
    });
  const adds = Object.entries(change.add ?? {}).map(([name, amount], i) => {
    names[`#a${i}`] = name;
    values[`:a${i}`] = amount;
    return `#a${i} = #a${i} + :a${i}`;
  });
  const removes = (change.remove ?? []).map((name, i) => {
    names[`#r${i}`] = name;
    return `#r${i}`;
  });
  return {
    UpdateExpression: `SET ${[...sets, ...adds, '#version = :next'].join(', ')}${removes.length ? ` REMOVE ${removes.join(', ')}` : ''}`,
    ConditionExpression: change.when ? `(${change.when.expression}) AND #version = :expected` : '#version = :expected',
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  };
}
