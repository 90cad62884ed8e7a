import { notifyOnce } from '../../../lib/use-cases/notify';
import { fakePorts } from '../../support/fakes/ports';

describe('notifyOnce (fast, on fakes)', () => {
  it('queues a business key once: a retried step queues nothing twice', async () => {
    const ports = fakePorts();
    const sms = { key: 'C1#grid-check#1', to: '+8613800001001', text: '请核实', urgent: false };
    await expect(notifyOnce(ports, sms)).resolves.toBe('queued');
    await expect(notifyOnce(ports, { ...sms, text: '请核实（重试）' })).resolves.toBe('already-queued');
    expect(ports.outbox.queued()).toEqual([sms]);
  });

  it('queues, never publishes: delivery is the sender’s', async () => {
    const ports = fakePorts();
    await notifyOnce(ports, { key: 'C2#closed', to: '+8613912345678', text: '已办结', urgent: false, audience: 'resident' });
    expect(ports.sms.sent).toEqual([]);
    expect(await ports.outbox.claim('C2#closed', 'queued', ports.clock.now())).toBe('claimed');
  });
});
