import { isReturnedToQueue, queueKey } from '../../../lib/domain/wishes/queue-key';

describe('a published wish\'s queue key', () => {
  it('puts a wish given back by a lapsed claim before every other, then orders by publication', () => {
    const fresh = queueKey({ publishedAt: '2026-11-20T01:00:00.000Z', wishId: 'W1' }, false);
    const returned = queueKey({ publishedAt: '2026-11-22T01:00:00.000Z', wishId: 'W2' }, true);
    const older = queueKey({ publishedAt: '2026-11-19T01:00:00.000Z', wishId: 'W3' }, false);
    // Stored as the sort key of the published-wishes index: the shape is data.
    expect([fresh, returned]).toEqual(['1#2026-11-20T01:00:00.000Z#W1', '0#2026-11-22T01:00:00.000Z#W2']);
    expect([fresh, returned, older].sort()).toEqual([returned, older, fresh]);
    expect([isReturnedToQueue(returned), isReturnedToQueue(fresh), isReturnedToQueue(undefined)]).toEqual([true, false, false]);
  });
});
