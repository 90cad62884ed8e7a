import fc from 'fast-check';
import { solveOverAllPairs, type PairSource } from '../../../lib/domain/matching/column-generation';
import { solveAssignment } from '../../../lib/domain/matching/min-cost-assignment';
import { SparseRowsBuilder, type SparseRows } from '../../../lib/domain/matching/sparse-rows';

type Pair = { column: number; cost: number };

const sparse = (rows: Pair[][]): SparseRows => {
  const builder = new SparseRowsBuilder();
  for (const pairs of rows) {
    for (const p of pairs) builder.add(p.column, p.cost);
    builder.endRow();
  }
  return builder.build();
};

/** Every pair of every row, offered in full whatever the bound (a source may offer more than asked). */
const everyPairOf = (rows: Pair[][]): PairSource => ({
  usePotentials: () => undefined,
  forEachPair(row, _below, visit) {
    for (const p of rows[row]!) visit(p.column, p.cost);
    return rows[row]!.length;
  },
  forEachRowNear(column, visit) {
    rows.forEach((pairs, r) => pairs.some((p) => p.column === column) && visit(r));
  },
});

const week = fc.integer({ min: 1, max: 9 }).chain((columns) =>
  fc.record({
    columns: fc.constant(columns),
    rows: fc.array(
      fc.uniqueArray(fc.record({ column: fc.integer({ min: 0, max: columns - 1 }), cost: fc.integer({ min: -40, max: 120 }), candidate: fc.boolean() }), { selector: (p) => p.column, maxLength: columns }),
      { minLength: 1, maxLength: 10 },
    ),
  }),
);

describe('solveOverAllPairs', () => {
  it('from any candidate subset, covers the same rows at the same cost as solving over every pair', () => {
    fc.assert(
      fc.property(week, ({ rows, columns }) => {
        const all = rows.map((pairs) => pairs.map(({ column, cost }) => ({ column, cost })));
        const candidates = sparse(rows.map((pairs) => pairs.filter((p) => p.candidate).map(({ column, cost }) => ({ column, cost }))));
        const { result, certificate } = solveOverAllPairs(candidates, columns, everyPairOf(all));
        const reference = solveAssignment({ rows: sparse(all), columns });
        expect(Array.from(result.columnOfRow, (c) => c !== -1)).toEqual(Array.from(reference.columnOfRow, (c) => c !== -1));
        expect(result.totalCost).toBe(reference.totalCost);
        expect(certificate.violations).toBe(0);
      }),
      { numRuns: 1000 },
    );
  });
});
