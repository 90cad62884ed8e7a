import { Activity } from '../../../local/activity';

/** A promise and the hand that settles it, so a test decides when work ends. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const state = (promise: Promise<unknown>) => {
  let settled = false;
  void promise.then(() => (settled = true));
  return () => settled;
};

/** A few turns of the event loop, for work to move on that could (and must not) end the wait early. */
const turns = async (n: number) => {
  for (let i = 0; i < n; i += 1) await new Promise((r) => setImmediate(r));
};

describe('the local stack settles on events', () => {
  it('resolves at once when nothing is under way', async () => {
    await expect(new Activity().idle(1000)).resolves.toBeUndefined();
  });

  it('resolves once the work under way has ended, not before', async () => {
    const activity = new Activity();
    const work = gate();
    void activity.track(() => work.opened);
    const idle = activity.idle(60_000);
    const settled = state(idle);
    await turns(5);
    expect(settled()).toBe(false);
    work.open();
    await idle;
    expect(activity.isIdle()).toBe(true);
  });

  it('waits for work that an ending piece of work hands on to, in the next turn of the event loop', async () => {
    const activity = new Activity();
    const second = gate();
    const order: string[] = [];
    void activity.track(async () => {
      // As a stream poll or a callback does: the follow-up begins after a turn, not within the first piece.
      setImmediate(() => void activity.track(() => second.opened.then(() => order.push('second ended'))));
    });
    const idle = activity.idle(60_000).then(() => order.push('idle'));
    await turns(5);
    expect(order).toEqual([]);
    second.open();
    await idle;
    expect(order).toEqual(['second ended', 'idle']);
  });

  it('schedules nothing while it waits: it is woken by the work ending, not by looking again', async () => {
    const activity = new Activity();
    const work = gate();
    void activity.track(() => work.opened);
    const immediates = jest.spyOn(global, 'setImmediate');
    const timeouts = jest.spyOn(global, 'setTimeout');
    try {
      const idle = activity.idle(60_000);
      await turns(20);
      const scheduledWhileWaiting = immediates.mock.calls.length - 20 + timeouts.mock.calls.length;
      // One real timer, the give-up guard; nothing else, however long the work takes.
      expect(scheduledWhileWaiting).toBe(1);
      work.open();
      await idle;
    } finally {
      immediates.mockRestore();
      timeouts.mockRestore();
    }
  });

  it('passes on the outcome of tracked work, and counts it ended when it fails', async () => {
    const activity = new Activity();
    await expect(activity.track(async () => 7)).resolves.toBe(7);
    await expect(activity.track(() => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await expect(
      activity.track(() => {
        throw new Error('at once');
      }),
    ).rejects.toThrow('at once');
    expect(activity.isIdle()).toBe(true);
  });

  it('gives up, naming itself, when the work never ends', async () => {
    const activity = new Activity();
    activity.begin();
    await expect(activity.idle(20, 'the test stack')).rejects.toThrow('the test stack did not settle within 0.02 s');
  });
});
