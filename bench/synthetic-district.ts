import type { RosterElder, RosterVolunteer } from '../lib/domain/visits/plan-week';

/** A deterministic pseudo-random source, so every run measures the same district. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const AVAILABILITY: RosterVolunteer['availability'][] = [
  [{ days: ['6', '16', '26'], from: '09:00', to: '12:00' }],
  [{ days: ['SAT'], from: '09:00', to: '17:00' }],
  [{ days: ['MON', 'WED', 'FRI'], from: '18:30', to: '20:30' }],
  [{ days: ['TUE', 'THU'], from: '14:00', to: '17:00' }],
];

/**
 * A district of `sideKm` × `sideKm` with 1 km grids; elders and volunteers scattered over it, with
 * risk tiers, a local dialect spoken by some, gender preferences and previous visitors.
 */
export function syntheticDistrict(opts: { elders: number; volunteers: number; sideKm: number; seed: number; capMax?: number }) {
  const rnd = random(opts.seed);
  const place = () => {
    const y = rnd() * opts.sideKm;
    const x = rnd() * opts.sideKm;
    return { location: { lat: 38.4 + y / 111.2, lng: 102.1 + x / 87 }, gridId: `G${Math.floor(y)}-${Math.floor(x)}` };
  };
  const volunteers: RosterVolunteer[] = Array.from({ length: opts.volunteers }, (_, i) => ({
    volunteerId: `V${i}`,
    ...place(),
    gender: rnd() < 0.6 ? 'F' : 'M',
    languages: rnd() < 0.3 ? ['zh', 'gansu-dialect'] : ['zh'],
    availability: AVAILABILITY[Math.floor(rnd() * AVAILABILITY.length)]!,
    maxVisitsPerWeek: 1 + Math.floor(rnd() * (opts.capMax ?? 3)),
  }));
  const elders: RosterElder[] = Array.from({ length: opts.elders }, (_, i) => {
    const r = rnd();
    const elder: RosterElder = { elderId: `E${i}`, ...place(), riskTier: r < 0.3 ? 'high' : r < 0.7 ? 'key' : 'general', languages: rnd() < 0.2 ? ['gansu-dialect'] : ['zh'] };
    if (rnd() < 0.3) elder.preferredGender = 'F';
    if (rnd() < 0.5) elder.lastVolunteerId = `V${Math.floor(rnd() * opts.volunteers)}`;
    return elder;
  });
  return { elders, volunteers };
}
