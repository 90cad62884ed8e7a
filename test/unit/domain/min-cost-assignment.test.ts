import fc from 'fast-check';
import { AssignmentSolver, solveAssignment } from '../../../lib/domain/matching/min-cost-assignment';
import { SparseRowsBuilder, type SparseRows } from '../../../lib/domain/matching/sparse-rows';

type Rows = Array<Array<{ column: number; cost: number }>>;

const sparse = (rows: Rows): SparseRows => {
  const builder = new SparseRowsBuilder();
  for (const edges of rows) {
    for (const e of edges) builder.add(e.column, e.cost);
    builder.endRow();
  }
  return builder.build();
};
const solve = (rows: Rows, columns: number) => solveAssignment({ rows: sparse(rows), columns });

/** Exact reference: the cheapest assignment covering exactly `must` (Infinity when impossible). */
function cheapestCovering(rows: Rows, columns: number, must: boolean[]): number {
  let best = Infinity;
  const used = new Array<boolean>(columns).fill(false);
  const visit = (r: number, cost: number): void => {
    if (r === rows.length) {
      best = Math.min(best, cost);
      return;
    }
    if (!must[r]) return visit(r + 1, cost);
    for (const e of rows[r]!) {
      if (used[e.column]) continue;
      used[e.column] = true;
      visit(r + 1, cost + e.cost);
      used[e.column] = false;
    }
  };
  visit(0, 0);
  return best;
}

const problem = fc.integer({ min: 1, max: 7 }).chain((columns) =>
  fc.record({
    columns: fc.constant(columns),
    rows: fc.array(
      fc.uniqueArray(fc.record({ column: fc.integer({ min: 0, max: columns - 1 }), cost: fc.integer({ min: -50, max: 200 }) }), {
        selector: (e) => e.column,
        maxLength: columns,
      }),
      { minLength: 1, maxLength: 7 },
    ),
  }),
);

describe('solveAssignment', () => {
  it('covers rows greedily in priority order, and covers as many as any assignment can', () => {
    fc.assert(
      fc.property(problem, ({ rows, columns }) => {
        const result = solve(rows, columns);
        const must = rows.map(() => false);
        for (let r = 0; r < rows.length; r += 1) {
          must[r] = true;
          if (cheapestCovering(rows, columns, must) === Infinity) must[r] = false;
        }
        expect(Array.from(result.columnOfRow, (c) => c !== -1)).toEqual(must);
      }),
      { numRuns: 400 },
    );
  });

  it('is exactly optimal for the rows it covers', () => {
    fc.assert(
      fc.property(problem, ({ rows, columns }) => {
        const result = solve(rows, columns);
        const covered = Array.from(result.columnOfRow, (c) => c !== -1);
        expect(result.totalCost).toBeCloseTo(cheapestCovering(rows, columns, covered), 6);
      }),
      { numRuns: 400 },
    );
  });

  it('uses every column at most once and only candidate columns', () => {
    fc.assert(
      fc.property(problem, ({ rows, columns }) => {
        const { columnOfRow } = solve(rows, columns);
        const used = Array.from(columnOfRow).filter((c) => c !== -1);
        expect(new Set(used).size).toBe(used.length);
        columnOfRow.forEach((c, r) => c === -1 || expect(rows[r]!.some((e) => e.column === c)).toBe(true));
      }),
      { numRuns: 300 },
    );
  });

  it('prefers the cheaper of two ways to cover everyone', () => {
    const rows = [
      [{ column: 0, cost: 1 }, { column: 1, cost: 2 }],
      [{ column: 0, cost: 1 }, { column: 1, cost: 10 }],
    ];
    const result = solve(rows, 2);
    expect(Array.from(result.columnOfRow)).toEqual([1, 0]);
    expect(result.totalCost).toBe(3);
  });

  it('returns duals that certify the cost: no edge of a covered row below them, used edges tight, unused columns at 0', () => {
    fc.assert(
      fc.property(problem, ({ rows, columns }) => {
        const { columnOfRow, rowDual, columnDual, shift } = solve(rows, columns);
        rows.forEach((edges, r) => {
          if (columnOfRow[r] === -1) return;
          for (const e of edges) {
            const reduced = e.cost + shift - rowDual[r]! - columnDual[e.column]!;
            expect(reduced).toBeGreaterThanOrEqual(0);
            if (e.column === columnOfRow[r]) expect(reduced).toBe(0);
          }
        });
        const used = new Set(columnOfRow);
        columnDual.forEach((v, j) => (used.has(j) ? expect(v).toBeLessThanOrEqual(0) : expect(v).toBe(0)));
      }),
      { numRuns: 400 },
    );
  });

  it('closes what a failed search explored: closed rows reach only columns closed no later, each held by an earlier row', () => {
    fc.assert(
      fc.property(problem, ({ rows, columns }) => {
        const { columnOfRow, rowClosedBy, columnClosedBy } = solve(rows, columns);
        rows.forEach((edges, r) => {
          expect(rowClosedBy[r] === r).toBe(columnOfRow[r] === -1);
          if (rowClosedBy[r] === -1) return;
          for (const e of edges) {
            expect(columnClosedBy[e.column]).not.toBe(-1);
            expect(columnClosedBy[e.column]).toBeLessThanOrEqual(rowClosedBy[r]!);
          }
        });
        columnClosedBy.forEach((k, j) => {
          if (k === -1) return;
          const holder = columnOfRow.indexOf(j);
          expect(holder).toBeGreaterThanOrEqual(0);
          expect(holder).toBeLessThan(k);
          expect(rowClosedBy[holder]).toBe(k);
        });
      }),
      { numRuns: 400 },
    );
  });

  it('repairs after edges are added to covered rows as if it had solved the larger graph afresh', () => {
    const extra = fc.array(fc.record({ row: fc.nat(), column: fc.nat(), cost: fc.integer({ min: -80, max: 200 }) }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(problem, extra, ({ rows, columns }, added) => {
        const solver = new AssignmentSolver({ rows: sparse(rows), columns });
        const before = solver.result();
        fc.pre(before.columnOfRow.every((c, r) => c !== -1 || rows[r]!.length === 0) && before.rowClosedBy.every((k, r) => k === -1 || rows[r]!.length === 0));
        const covered = rows.map((_, r) => r).filter((r) => before.columnOfRow[r] !== -1);
        fc.pre(covered.length > 0);
        const larger = rows.map((edges) => [...edges]);
        const edges = { row: [] as number[], column: [] as number[], cost: [] as number[] };
        for (const a of added) {
          const r = covered[a.row % covered.length]!;
          const column = a.column % columns;
          if (larger[r]!.some((e) => e.column === column)) continue;
          larger[r]!.push({ column, cost: a.cost });
          edges.row.push(r);
          edges.column.push(column);
          edges.cost.push(a.cost);
        }
        if (solver.addEdges(edges) === 'start over') return;
        const repaired = solver.result();
        const afresh = solve(larger, columns);
        expect(Array.from(repaired.columnOfRow, (c) => c !== -1)).toEqual(Array.from(afresh.columnOfRow, (c) => c !== -1));
        expect(repaired.totalCost).toBe(afresh.totalCost);
        larger.forEach((list, r) => {
          if (repaired.columnOfRow[r] === -1) return;
          for (const e of list) expect(e.cost + repaired.shift - repaired.rowDual[r]! - repaired.columnDual[e.column]!).toBeGreaterThanOrEqual(0);
        });
        repaired.columnDual.forEach((v, j) => (repaired.columnOfRow.includes(j) ? expect(v).toBeLessThanOrEqual(0) : expect(v).toBe(0)));
      }),
      { numRuns: 400 },
    );
  });
});
