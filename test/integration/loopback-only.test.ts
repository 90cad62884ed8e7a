import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { startTestStack, type TestStack } from '../support/local-stack';

/** Every address of this machine other than loopback (IPv6 link-local ones with their interface). */
const external = Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
  (addresses ?? []).filter((a) => !a.internal).map((a) => (a.family === 'IPv6' && a.address.startsWith('fe80') ? `${a.address}%${name}` : a.address)),
);

/** Whether a TCP connection to host:port is accepted within a second (refused or silent counts as no). */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

if (external.length === 0) {
  // eslint-disable-next-line no-console
  console.warn('loopback-only: this machine has no non-loopback interface, so there is nothing to check the stack is hidden from');
}

(external.length ? describe : describe.skip)('the local stack listens on 127.0.0.1 only', () => {
  let t: TestStack;
  beforeAll(async () => {
    t = await startTestStack();
  }, 120_000);
  afterAll(() => t?.stop());

  const ports = () => {
    const { endpoints, url } = t.stack;
    return { 'HTTP API': url, DynamoDB: endpoints.dynamodb, 'Step Functions': endpoints.stepFunctions, SNS: endpoints.sns, SSM: endpoints.ssm };
  };

  it('answers on 127.0.0.1 and on no other address of this machine', async () => {
    const seen: string[] = [];
    for (const [service, endpoint] of Object.entries(ports())) {
      const port = Number(new URL(endpoint).port);
      expect(await answers('127.0.0.1', port)).toBe(true);
      for (const address of external) if (await answers(address, port)) seen.push(`${service} on ${address}:${port}`);
    }
    expect(seen).toEqual([]);
  });
});
