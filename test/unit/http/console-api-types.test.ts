import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The console is typed from the API's own OpenAPI document: when a route or a field changes, the
 * committed types must change with it (npm run web:types), or the console would compile against an API
 * that no longer exists. (Run as the script itself: openapi-typescript's dependencies are ESM only.)
 */
it("the console's API types are those of the current OpenAPI document", () => {
  const root = join(__dirname, '..', '..', '..');
  const out = spawnSync(join(root, 'node_modules', '.bin', 'tsx'), ['web/scripts/api-types.ts', '--check'], { cwd: root, encoding: 'utf8' });
  expect({ status: out.status, stderr: out.stderr.trim() }).toEqual({ status: 0, stderr: '' });
});
