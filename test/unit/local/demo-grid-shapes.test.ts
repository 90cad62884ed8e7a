import { DEMO_GRIDS } from '../../../local/seed/demo-data';
import { gridShapeSchema } from '../../../lib/domain/reference';
import { listGrids } from '../../../lib/use-cases/list-reference';

type Ring = Array<[number, number]>;

/** Ray casting: whether [lng, lat] lies inside the ring. */
function inside([x, y]: [number, number], ring: Ring): boolean {
  let odd = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

const box = (ring: Ring) => ({
  west: Math.min(...ring.map((p) => p[0])),
  east: Math.max(...ring.map((p) => p[0])),
  south: Math.min(...ring.map((p) => p[1])),
  north: Math.max(...ring.map((p) => p[1])),
});

describe('the demo grids’ outlines (drawn by the centre’s map)', () => {
  const rings = DEMO_GRIDS.map((g) => ({ gridId: g.gridId, centroid: g.centroid, ring: gridShapeSchema.parse(g.shape).coordinates[0] as Ring }));

  it('every demo grid has one closed ring of [lng, lat] around its own centroid', () => {
    for (const { ring, centroid } of rings) {
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(inside([centroid.lng, centroid.lat], ring)).toBe(true);
    }
  });

  it('no two outlines overlap: their bounding boxes are apart', () => {
    for (const [i, a] of rings.entries()) {
      for (const b of rings.slice(i + 1)) {
        const p = box(a.ring);
        const q = box(b.ring);
        const apart = p.east < q.west || q.east < p.west || p.north < q.south || q.north < p.south;
        expect({ pair: [a.gridId, b.gridId], apart }).toEqual({ pair: [a.gridId, b.gridId], apart: true });
      }
    }
  });

  it('GET /v1/grids carries the outline where the reference data has one, and leaves it out where not', async () => {
    const [withShape, withoutShape] = [DEMO_GRIDS[0]!, { ...DEMO_GRIDS[1]!, shape: undefined }];
    const { shape: _, ...bare } = withoutShape;
    const answer = await listGrids({ reference: { grids: async () => [withShape, bare] } as never });
    expect(answer[0]!.shape).toEqual(withShape.shape);
    expect('shape' in answer[1]!).toBe(false);
  });
});
