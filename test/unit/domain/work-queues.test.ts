import { CENTRE_QUEUE, departmentQueue, gridQueue, queueOfStep } from '../../../lib/domain/work-queues';

describe('work queues', () => {
  it('have the stored names', () => {
    expect([gridQueue('G01'), departmentQueue('water'), CENTRE_QUEUE]).toEqual(['GRID#G01', 'DEPT#water', 'CENTRE']);
  });

  it('a step waits in its grid, its department or the centre; feedback on no one', () => {
    expect(queueOfStep({ step: 'grid-check', assignee: { gridId: 'G01' } })).toBe('GRID#G01');
    expect(queueOfStep({ step: 'verify', assignee: { gridId: 'G01', departmentId: 'water' } })).toBe('GRID#G01');
    expect(queueOfStep({ step: 'accept', assignee: { gridId: 'G01', departmentId: 'water' } })).toBe('DEPT#water');
    expect(queueOfStep({ step: 'resolve', assignee: {} })).toBe('CENTRE');
    expect(queueOfStep({ step: 'grid-check', assignee: { gridId: 'G01', centre: true } })).toBe('CENTRE');
    expect(queueOfStep({ step: 'centre-review', assignee: { gridId: 'G01' } })).toBe('CENTRE');
    expect(queueOfStep({ step: 'grid-check', assignee: {} })).toBe('CENTRE');
    expect(queueOfStep({ step: 'feedback', assignee: { gridId: 'G01' } })).toBeUndefined();
  });
});
