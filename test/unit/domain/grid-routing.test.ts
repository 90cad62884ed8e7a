import { routeToGrid } from '../../../lib/domain/grid-routing';
import { DEMO_GRIDS } from '../../../local/seed/demo-data';

describe('routeToGrid', () => {
  const [g1, g2] = DEMO_GRIDS as [typeof DEMO_GRIDS[0], typeof DEMO_GRIDS[0]];

  it('takes the grid the caller named', () => {
    expect(routeToGrid({ gridId: g2.gridId, address: g1.addressKeywords[0] }, DEMO_GRIDS)?.gridId).toBe(g2.gridId);
  });

  it('does not invent a grid for an unknown id', () => {
    expect(routeToGrid({ gridId: 'G99' }, DEMO_GRIDS)).toBeUndefined();
  });

  it('routes coordinates to the nearest grid centre', () => {
    expect(routeToGrid({ lat: g2.centroid.lat + 0.0001, lng: g2.centroid.lng }, DEMO_GRIDS)?.gridId).toBe(g2.gridId);
  });

  it('leaves far-away coordinates to the centre', () => {
    expect(routeToGrid({ lat: 39.9, lng: 116.4 }, DEMO_GRIDS)).toBeUndefined();
  });

  it('routes an address by the longest street or estate name in it', () => {
    expect(routeToGrid({ address: `${g1.addressKeywords[0]}5号楼2单元` }, DEMO_GRIDS)?.gridId).toBe(g1.gridId);
  });

  it('leaves an unknown address to the centre', () => {
    expect(routeToGrid({ address: '不存在的街道' }, DEMO_GRIDS)).toBeUndefined();
  });
});
