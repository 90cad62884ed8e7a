import { join } from 'node:path';
import * as z from 'zod';
import { loadProjectGraph } from '../../../local/project-loader';

const FIXTURES = join(__dirname, 'fixtures');
const load = () => loadProjectGraph(FIXTURES, join(FIXTURES, 'uses-package'), (request) => require(request) as unknown).seen as { instance: object; zodType: unknown; date: unknown };

/** Under jest, a function's sandbox: its own project modules, shared packages, the stack's globals. */
describe('loading a handler graph under jest', () => {
  it("gives each graph its own project modules, but one copy of each package, and the test's own globals", () => {
    const first = load();
    const second = load();
    expect(first.instance).not.toBe(second.instance);
    expect(first.zodType).toBe(second.zodType);
    expect(first.zodType).toBe(z.ZodType);
    // Compiled in this realm: the stack's virtual clock, which replaces `Date` here, is what a handler sees.
    expect(first.date).toBe(Date);
  });

  it('names a project module it cannot find', () => {
    expect(() => loadProjectGraph(FIXTURES, join(FIXTURES, 'no-such-module'), require)).toThrow(/Cannot find module/);
  });
});
