import type { CaseRecord } from '../../../lib/domain/case';
import { triageCase, type TriageCaseDeps } from '../../../lib/use-cases/case/triage';
import { sampleCase } from '../../contract/samples';

/** Just what triage reads and writes, in memory: the open cases of a grid, their addresses, turns. */
function world() {
  const cases = new Map<string, CaseRecord>();
  const addresses = new Map<string, string>();
  const locks = new Set<string>();
  const deps = {
    cases: {
      get: async (id: string) => cases.get(id),
      contact: async (id: string) => ({ caseId: id, phone: '+8613700000000', address: addresses.get(id) }),
      openSimilar: async (gridId: string, category: string) => [...cases.values()].filter((c) => c.gridId === gridId && c.category === category && c.status !== 'closed'),
      markOriginal: async (id: string, at: string) => void (cases.get(id)!.originalSince ??= at),
    },
    once: {
      claim: async (key: string) => (locks.has(key) ? false : (locks.add(key), true)),
      release: async (key: string) => void locks.delete(key),
    },
  } as unknown as TriageCaseDeps;
  const report = (caseId: string, address: string) => {
    cases.set(caseId, sampleCase(caseId));
    addresses.set(caseId, address);
  };
  return { deps, report, cases };
}

describe('triage of two reports of one problem arriving together', () => {
  it('the one triaged second follows the first, even when the first was triaged before the second was stored and has the later id', async () => {
    const { deps, report } = world();
    report('261123-BBBBB', '同时路1号');
    expect((await triageCase(deps, { caseId: '261123-BBBBB' })).duplicateOf).toBeNull();
    // Its twin is stored only now, in the same second and with the smaller id; the first has not yet
    // opened its grid check (still `submitted`). Before, the twin took it for a later report: both stayed open.
    report('261123-AAAAA', '同时路1号');
    expect((await triageCase(deps, { caseId: '261123-AAAAA' })).duplicateOf).toBe('261123-BBBBB');
  });

  it('when both are stored, the earlier-ordered one is the original whichever is triaged first, never each the other', async () => {
    const { deps, report } = world();
    report('261123-AAAAA', '同时路2号');
    report('261123-BBBBB', '同时路2号');
    expect((await triageCase(deps, { caseId: '261123-BBBBB' })).duplicateOf).toBe('261123-AAAAA');
    expect((await triageCase(deps, { caseId: '261123-AAAAA' })).duplicateOf).toBeNull();
  });
});
