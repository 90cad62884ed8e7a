import type { Wish } from '../../../../lib/domain/wishes/wish';
import { actOnWish } from '../../../../lib/use-cases/wishes/act';
import { awaitWishStep } from '../../../../lib/use-cases/wishes/await-wish-step';
import { fakePorts, type FakePorts } from '../../../support/fakes/ports';
import { gridWorker } from '../case-flow';
import { publishedWish, registeredVolunteers, volunteer } from '../people';

/**
 * Every wish action records first and tells the workflow after. When the telling fails (Step Functions
 * unavailable beyond the SDK's retries, or the process killed between the two) the client retries, and
 * the repeat must tell the workflow again: a repeat answered from the record alone leaves the workflow
 * waiting for something that has already happened (the wish confirmed, its points never credited).
 */
describe('wish actions: an answer lost on its way to the workflow is passed on by the repeat (fast, on fakes)', () => {
  /** A wish in `over`'s state whose workflow waits at `waitingFor` with token `T`. */
  const waitingWish = (ports: FakePorts, over: Partial<Wish>) => publishedWish(ports, { taskToken: 'T', version: 3, ...over });

  /** The action fails while Step Functions is out, and its repeat succeeds. */
  async function failsThenRepeats(ports: FakePorts, act: () => Promise<unknown>) {
    ports.workflows.outage(1);
    await expect(act()).rejects.toMatchObject({ name: 'ServiceUnavailable' });
    return act();
  }

  it('vetting', async () => {
    const ports = fakePorts();
    const wish = await waitingWish(ports, { status: 'submitted', waitingFor: 'vet' });
    const vet = () => actOnWish(ports, wish.wishId, gridWorker('G01'), { type: 'vet', approved: true, note: '属实' });
    await expect(failsThenRepeats(ports, vet)).resolves.toMatchObject({ status: 'published' });
    expect(ports.workflows.completed).toEqual([{ token: 'T', output: { approved: true } }]);
  });

  it('the claim that takes the last place: its claim workflow, its SMS and the wait for claims', async () => {
    const ports = fakePorts();
    const [v] = await registeredVolunteers(ports, 1);
    const wish = await waitingWish(ports, { waitingFor: 'claimed' });
    const claim = () => actOnWish(ports, wish.wishId, volunteer(v!.volunteerId), { type: 'claim' });
    await expect(failsThenRepeats(ports, claim)).resolves.toMatchObject({ status: 'claimed' });
    expect(ports.workflows.startedNames('wish-claim')).toEqual([`${wish.wishId}-${v!.volunteerId}-1`]);
    expect(ports.outbox.queued()).toEqual([expect.objectContaining({ key: `${wish.wishId}#claimed#${v!.volunteerId}#1` })]);
    expect(ports.workflows.completed).toEqual([{ token: 'T', output: { claimed: true } }]);
  });

  it('the last fulfilment', async () => {
    const ports = fakePorts();
    const [v] = await registeredVolunteers(ports, 1);
    const wish = await waitingWish(ports, { waitingFor: 'claimed' });
    await actOnWish(ports, wish.wishId, volunteer(v!.volunteerId), { type: 'claim' });
    await awaitWishStep(ports, { wishId: wish.wishId, step: 'fulfilled', taskToken: 'F' });
    const fulfil = () => actOnWish(ports, wish.wishId, volunteer(v!.volunteerId), { type: 'fulfil', note: '已送到' });
    await expect(failsThenRepeats(ports, fulfil)).resolves.toMatchObject({ status: 'fulfilled' });
    expect(ports.workflows.completed).toContainEqual({ token: 'F', output: { fulfilled: true } });
  });

  it('the confirmation', async () => {
    const ports = fakePorts();
    const wish = await waitingWish(ports, { status: 'fulfilled', claimCount: 1, fulfilledCount: 1, waitingFor: 'confirm' });
    const confirm = () => actOnWish(ports, wish.wishId, gridWorker('G01'), { type: 'confirm', note: '已收到' });
    await expect(failsThenRepeats(ports, confirm)).resolves.toMatchObject({ status: 'confirmed' });
    expect(ports.workflows.completed).toEqual([{ token: 'T', output: { confirmed: true } }]);
  });

  it('a withdrawal', async () => {
    const ports = fakePorts();
    const wish = await waitingWish(ports, { waitingFor: 'claimed' });
    const withdraw = () => actOnWish(ports, wish.wishId, gridWorker('G01'), { type: 'withdraw', reason: '受助人已搬走' });
    await expect(failsThenRepeats(ports, withdraw)).resolves.toMatchObject({ status: 'withdrawn' });
    expect(ports.workflows.failed).toEqual([{ token: 'T', error: 'WishWithdrawn' }]);
  });

  it('a claim given back while the workflow waits for fulfilment', async () => {
    const ports = fakePorts();
    const [v] = await registeredVolunteers(ports, 1);
    const wish = await waitingWish(ports, { waitingFor: 'claimed' });
    await actOnWish(ports, wish.wishId, volunteer(v!.volunteerId), { type: 'claim' });
    await awaitWishStep(ports, { wishId: wish.wishId, step: 'fulfilled', taskToken: 'F' });
    const release = () => actOnWish(ports, wish.wishId, volunteer(v!.volunteerId), { type: 'release' });
    await expect(failsThenRepeats(ports, release)).resolves.toMatchObject({ status: 'published' });
    expect(ports.workflows.failed).toEqual([{ token: 'F', error: 'ClaimReleased' }]);
  });
});

describe('a wish wait that opens after what it waits for has happened is answered at once (fast, on fakes)', () => {
  it('a withdrawn wish fails the wait for claims with WishWithdrawn (its Catch ends the wish), asking no one', async () => {
    const ports = fakePorts();
    const wish = await publishedWish(ports, { status: 'withdrawn' });
    await awaitWishStep(ports, { wishId: wish.wishId, step: 'claimed', taskToken: 'C' });
    expect(ports.workflows.failed).toEqual([{ token: 'C', error: 'WishWithdrawn' }]);
    expect(ports.outbox.queued()).toEqual([]);
  });

  it('the wait for fulfilment finds a place given back meanwhile (published again) and goes back to waiting for claims', async () => {
    const ports = fakePorts();
    const wish = await publishedWish(ports, { status: 'published', claimCount: 0 });
    await awaitWishStep(ports, { wishId: wish.wishId, step: 'fulfilled', taskToken: 'F' });
    expect(ports.workflows.failed).toEqual([{ token: 'F', error: 'ClaimReleased' }]);
  });
});
