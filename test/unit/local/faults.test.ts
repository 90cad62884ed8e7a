import { FaultInjector, lambdaFault } from '../../../local/faults';

describe('injected faults', () => {
  const pattern = (injector: FaultInjector, n: number) => Array.from({ length: n }, () => injector.strike('dynamodb') !== undefined);

  it('are reproducible: the same seed fails the same calls', () => {
    expect(pattern(new FaultInjector(0.2, 7), 500)).toEqual(pattern(new FaultInjector(0.2, 7), 500));
    expect(pattern(new FaultInjector(0.2, 7), 500)).not.toEqual(pattern(new FaultInjector(0.2, 8), 500));
  });

  it('fail about the share asked for, and are counted per service', () => {
    const injector = new FaultInjector(0.2, 1);
    const failed = pattern(injector, 10_000).filter(Boolean).length;
    expect(failed).toBeGreaterThan(1800);
    expect(failed).toBeLessThan(2200);
    expect(injector.counts()).toMatchObject({ dynamodb: failed, lambda: 0, total: failed });
  });

  it('never fail at rate 0', () => {
    expect(pattern(new FaultInjector(0, 1), 1000).some(Boolean)).toBe(false);
  });

  it('fail Lambda invocations the ways Lambda does, some after the function ran', () => {
    const kinds = [0.1, 0.5, 0.9].map(lambdaFault);
    expect(kinds.map((k) => [k.error.name, k.afterRun])).toEqual([
      ['Lambda.TooManyRequestsException', false],
      ['Lambda.ServiceException', false],
      ['Lambda.SdkClientException', true],
    ]);
  });
});
