import type { Wish } from '../../../../lib/domain/wishes/wish';
import { ConflictError, ForbiddenError } from '../../../../lib/errors';
import { actOnWish } from '../../../../lib/use-cases/wishes/act';
import { fakePorts, type FakePorts } from '../../../support/fakes/ports';
import { gridWorker } from '../case-flow';
import { publishedWish as published, registeredVolunteers, volunteer } from '../people';

/** A wish published in grid G01 with its workflow running and waiting for claims. */
const publishedWish = (ports: FakePorts, over: Partial<Wish> = {}) => published(ports, { waitingFor: 'claimed', taskToken: 'wish-claimed-token', version: 3, ...over });

describe('actOnWish: claims (fast, on fakes)', () => {
  it('takes the last place for a volunteer: the wish is claimed, its claim workflow starts, the volunteer is told, the wait resumes', async () => {
    const ports = fakePorts();
    const [v] = await registeredVolunteers(ports, 1);
    const wish = await publishedWish(ports);
    await expect(actOnWish(ports, wish.wishId, volunteer(v!.volunteerId), { type: 'claim' })).resolves.toEqual({ wishId: wish.wishId, status: 'claimed' });
    expect(await ports.wishes.get(wish.wishId)).toMatchObject({ status: 'claimed', claimCount: 1 });
    expect(await ports.wishes.claims(wish.wishId)).toEqual([expect.objectContaining({ volunteerId: v!.volunteerId, status: 'claimed', seq: 1 })]);
    expect(ports.workflows.startedNames('wish-claim')).toEqual([`${wish.wishId}-${v!.volunteerId}-1`]);
    expect(ports.outbox.queued()).toEqual([expect.objectContaining({ key: `${wish.wishId}#claimed#${v!.volunteerId}#1`, to: v!.phone })]);
    expect(ports.workflows.completed).toEqual([{ token: 'wish-claimed-token', output: { claimed: true } }]);
  });

  it('answers a repeated claim with the wish as it is, claiming nothing twice', async () => {
    const ports = fakePorts();
    const [v] = await registeredVolunteers(ports, 1);
    const wish = await publishedWish(ports, { claimantsNeeded: 2 });
    await actOnWish(ports, wish.wishId, volunteer(v!.volunteerId), { type: 'claim' });
    await expect(actOnWish(ports, wish.wishId, volunteer(v!.volunteerId), { type: 'claim' })).resolves.toEqual({ wishId: wish.wishId, status: 'published' });
    expect(await ports.wishes.get(wish.wishId)).toMatchObject({ status: 'published', claimCount: 1 });
    expect(ports.workflows.startedNames('wish-claim')).toHaveLength(1);
  });

  it('refuses a claim once every place is taken (409)', async () => {
    const ports = fakePorts();
    const [a, b] = await registeredVolunteers(ports, 2);
    const wish = await publishedWish(ports);
    await actOnWish(ports, wish.wishId, volunteer(a!.volunteerId), { type: 'claim' });
    await expect(actOnWish(ports, wish.wishId, volunteer(b!.volunteerId), { type: 'claim' })).rejects.toMatchObject({ code: 'NOT_ALLOWED_NOW' });
  });

  it('gives the last place to exactly one of many volunteers claiming at once', async () => {
    const ports = fakePorts();
    const volunteers = await registeredVolunteers(ports, 5);
    const wish = await publishedWish(ports, { claimantsNeeded: 2 });
    const results = await Promise.allSettled(volunteers.map((v) => actOnWish(ports, wish.wishId, volunteer(v.volunteerId), { type: 'claim' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(ConflictError);
    expect(await ports.wishes.get(wish.wishId)).toMatchObject({ status: 'claimed', claimCount: 2 });
    expect((await ports.wishes.claims(wish.wishId)).filter((c) => c.status === 'claimed')).toHaveLength(2);
  });

  it('lets only volunteers claim: a grid worker of the grid may not (403)', async () => {
    const ports = fakePorts();
    const wish = await publishedWish(ports);
    await expect(actOnWish(ports, wish.wishId, gridWorker('G01'), { type: 'claim' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await ports.wishes.claims(wish.wishId)).toEqual([]);
  });

  it('gives a released place back: published again, at the front of the queue, claimable by another', async () => {
    const ports = fakePorts();
    const [a, b] = await registeredVolunteers(ports, 2);
    const wish = await publishedWish(ports);
    await actOnWish(ports, wish.wishId, volunteer(a!.volunteerId), { type: 'claim' });
    await expect(actOnWish(ports, wish.wishId, volunteer(a!.volunteerId), { type: 'release' })).resolves.toEqual({ wishId: wish.wishId, status: 'published' });
    const released = await ports.wishes.get(wish.wishId);
    expect(released).toMatchObject({ status: 'published', claimCount: 0 });
    expect(released!.queueKey!.startsWith('0#')).toBe(true);
    await expect(actOnWish(ports, wish.wishId, volunteer(b!.volunteerId), { type: 'claim' })).resolves.toMatchObject({ status: 'claimed' });
  });
});
