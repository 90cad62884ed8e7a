import { versionedUpdate } from '../../../lib/adapters/aws/versioned-update';

describe('versionedUpdate', () => {
  it('sets, adds and removes, moves the version on by one, only at the expected version', () => {
    expect(versionedUpdate({ expectedVersion: 4, set: { status: 'claimed', version: 99 }, add: { claimCount: 1 }, remove: ['gsi1pk'] })).toEqual({
      UpdateExpression: 'SET #s0 = :s0, #a0 = #a0 + :a0, #version = :next REMOVE #r0',
      ConditionExpression: '#version = :expected',
      ExpressionAttributeNames: { '#version': 'version', '#s0': 'status', '#a0': 'claimCount', '#r0': 'gsi1pk' },
      ExpressionAttributeValues: { ':expected': 4, ':next': 5, ':s0': 'claimed', ':a0': 1 },
    });
  });

  it('joins a further condition to the version check', () => {
    const update = versionedUpdate({ expectedVersion: 1, when: { expression: '#st = :published', names: { '#st': 'status' }, values: { ':published': 'published' } } });
    expect(update.UpdateExpression).toBe('SET #version = :next');
    expect(update.ConditionExpression).toBe('(#st = :published) AND #version = :expected');
    expect(update.ExpressionAttributeNames).toEqual({ '#st': 'status', '#version': 'version' });
    expect(update.ExpressionAttributeValues).toEqual({ ':published': 'published', ':expected': 1, ':next': 2 });
  });
});
