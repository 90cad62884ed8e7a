import { compileFilter } from '../../../local/dynamo-stream';
import { loadServerlessConfig } from '../../../local/serverless-config';
import { join } from 'node:path';

const record = (eventName: string, image: Record<string, unknown>) => ({ eventName, eventSource: 'aws:dynamodb', dynamodb: { SequenceNumber: '1', NewImage: image } });
const outboxImage = (state: string, pk = 'SMS-OUTBOX#261123-K7F3Q#received') => ({ pk: { S: pk }, sk: { S: 'SMS' }, state: { S: state }, key: { S: '261123-K7F3Q#received' } });

describe("the local stream's event filter (Lambda's filter criteria)", () => {
  const sender = loadServerlessConfig(join(__dirname, '../../../serverless.yml'), { stage: 'local', region: 'ap-southeast-1' }).functions.find((f) => f.name === 'smsSender')!;
  const matches = compileFilter(sender.streams[0]!.filterPatterns);

  it("passes the sender only INSERTs of queued outbox items, as serverless.yml's filter says", () => {
    expect(matches(record('INSERT', outboxImage('queued')))).toBe(true);
    expect(matches(record('MODIFY', outboxImage('queued')))).toBe(false);
    expect(matches(record('INSERT', outboxImage('sending')))).toBe(false);
    expect(matches(record('INSERT', outboxImage('queued', 'CASE#261123-K7F3Q')))).toBe(false);
    expect(matches(record('INSERT', { pk: { S: 'SMS-OUTBOX#x' } }))).toBe(false);
    expect(matches({ eventName: 'REMOVE', dynamodb: { SequenceNumber: '2', Keys: {} } })).toBe(false);
  });

  it('matches any of several patterns, exists and anything-but, and no pattern at all', () => {
    const either = compileFilter([{ eventName: ['REMOVE'] }, { dynamodb: { NewImage: { audience: { S: [{ 'anything-but': ['staff'] }] } } } }]);
    expect(either({ eventName: 'REMOVE' })).toBe(true);
    expect(either(record('INSERT', { audience: { S: 'resident' } }))).toBe(true);
    expect(either(record('INSERT', { audience: { S: 'staff' } }))).toBe(false);
    expect(either(record('INSERT', {}))).toBe(false);
    const present = compileFilter([{ dynamodb: { NewImage: { staleAt: [{ exists: true }] } } }]);
    expect(present(record('INSERT', { staleAt: { S: '2026-11-23T10:00:00Z' } }))).toBe(true);
    expect(present(record('INSERT', {}))).toBe(false);
    expect(compileFilter([])(record('MODIFY', {}))).toBe(true);
  });

  it('refuses at start a rule it does not emulate, rather than match it wrongly', () => {
    expect(() => compileFilter([{ dynamodb: { NewImage: { n: { N: [{ numeric: ['>', 0] }] } } } }])).toThrow(/not emulated/);
    expect(() => compileFilter(['INSERT'])).toThrow(/pattern is an object/);
  });
});
