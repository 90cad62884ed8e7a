import type { OptOutList } from '../../lib/ports/messaging';

/** What every OptOutList does (lib/ports/messaging.ts): one entry per number, acknowledged once. */
export function describeOptOutListContract(name: string, make: () => Promise<OptOutList>): void {
  describe(`OptOutList contract: ${name}`, () => {
    const at = new Date('2026-11-23T02:00:00Z');

    it('holds a number from its opt-out until its opt-in, whatever its writing', async () => {
      const list = await make();
      expect(await list.has('13912345678')).toBe(false);
      expect(await list.optOut('13912345678', { messageId: 'in-1', at })).toBe(true);
      expect(await list.has('+86 139 1234 5678')).toBe(true);
      expect(await list.has('+8613912345678')).toBe(true);
      expect(await list.has('13800138000')).toBe(false);
      expect(await list.optIn('+8613912345678')).toBe(true);
      expect(await list.has('13912345678')).toBe(false);
      expect(await list.optIn('13912345678')).toBe(false);
    });

    it('acknowledges an opt-out once: its redelivery says true again, another message false', async () => {
      const list = await make();
      expect(await list.optOut('13912345678', { messageId: 'in-1', at })).toBe(true);
      expect(await list.optOut('13912345678', { messageId: 'in-1', at })).toBe(true);
      expect(await list.optOut('+86 13912345678', { messageId: 'in-2', at })).toBe(false);
    });

    it('puts a number on the list again after it opted in', async () => {
      const list = await make();
      await list.optOut('13912345678', { messageId: 'in-1', at });
      await list.optIn('13912345678');
      expect(await list.optOut('13912345678', { messageId: 'in-3', at })).toBe(true);
      expect(await list.has('13912345678')).toBe(true);
    });
  });
}
