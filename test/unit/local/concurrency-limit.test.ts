import { ConcurrencyLimit } from '../../../local/concurrency-limit';

/** A gate the test opens by hand: work that waits on it is "running" until then. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('a concurrency limit', () => {
  it('runs at most `limit` pieces of work at once; the next starts when one ends, in arrival order', async () => {
    const limit = new ConcurrencyLimit(2);
    const started: string[] = [];
    const gates = new Map(['a', 'b', 'c', 'd'].map((name) => [name, gate()]));
    const done = [...gates].map(([name, g]) => limit.run(async () => (started.push(name), await g.opened, name)));
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(limit.queued).toBe(2);
    gates.get('b')!.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    for (const g of gates.values()) g.open();
    expect(await Promise.all(done)).toEqual(['a', 'b', 'c', 'd']);
    expect(started).toEqual(['a', 'b', 'c', 'd']);
  });

  it('passes a failure on and frees the turn', async () => {
    const limit = new ConcurrencyLimit(1);
    await expect(limit.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limit.run(async () => 'next')).resolves.toBe('next');
  });

  it('once closed, refuses the work still waiting and any that comes, and lets the work under way finish', async () => {
    const limit = new ConcurrencyLimit(1);
    const running = gate();
    const underWay = limit.run(async () => (await running.opened, 'finished'));
    const waiting = limit.run(async () => 'ran');
    limit.close(new Error('stopping'));
    await expect(waiting).rejects.toThrow('stopping');
    await expect(limit.run(async () => 'ran')).rejects.toThrow('stopping');
    running.open();
    await expect(underWay).resolves.toBe('finished');
  });

  it('refuses a limit that is not a whole number of at least one', () => {
    expect(() => new ConcurrencyLimit(0)).toThrow('whole number');
    expect(() => new ConcurrencyLimit(1.5)).toThrow('whole number');
  });
});
