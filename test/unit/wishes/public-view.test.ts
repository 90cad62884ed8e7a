import { publicView, type Wish } from '../../../lib/domain/wishes/wish';

const wish: Wish = {
  wishId: 'W4F9XA',
  status: 'published',
  group: 'elder',
  category: 'daily-goods',
  title: '想要一台收音机，联系女儿13912345678',
  description: '王奶奶住金川区桂林路12号，女儿电话139 1234 5678',
  gridId: 'G01',
  claimantsNeeded: 1,
  claimCount: 0,
  fulfilledCount: 0,
  daysToFulfil: 7,
  submittedAt: '2026-11-23T09:00:00+08:00',
  version: 1,
};

describe('the public view of a wish', () => {
  it('masks a phone number typed into the title and never carries the description', () => {
    const view = publicView(wish);
    expect(view.title).toBe('想要一台收音机，联系女儿139****5678');
    expect(JSON.stringify(view)).not.toMatch(/13912345678|1234 5678|桂林路/);
  });
});
