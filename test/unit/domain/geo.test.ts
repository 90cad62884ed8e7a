import fc from 'fast-check';
import { distanceKm } from '../../../lib/domain/geo';

describe('distanceKm', () => {
  it('measures a degree of latitude as 111.19 km and a degree of longitude shorter towards the pole', () => {
    expect(distanceKm({ lat: 39, lng: 116 }, { lat: 40, lng: 116 })).toBeCloseTo(111.195, 3);
    expect(distanceKm({ lat: 60, lng: 116 }, { lat: 60, lng: 117 })).toBeCloseTo(55.6, 1);
  });

  it('is zero from a point to itself and the same both ways', () => {
    const point = fc.record({ lat: fc.double({ min: -80, max: 80, noNaN: true }), lng: fc.double({ min: -179, max: 179, noNaN: true }) });
    fc.assert(
      fc.property(point, point, (a, b) => {
        expect(distanceKm(a, a)).toBe(0);
        expect(distanceKm(a, b)).toBeCloseTo(distanceKm(b, a), 9);
      }),
    );
  });
});
