import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { openApiDocument } from '../../../lib/http/openapi';

const ROOT = resolve(__dirname, '../../..');

/** Redocly's linter, offline, on the document /v1/openapi.json serves, with the repository's redocly.yaml. */
describe('the OpenAPI document under @redocly/cli lint', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'minqing-openapi-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has no problems at all (recommended-strict: warnings count as errors)', async () => {
    const file = join(dir, 'openapi.json');
    writeFileSync(file, JSON.stringify(openApiDocument(), null, 2));
    const cli = join(ROOT, 'node_modules/@redocly/cli/bin/cli.js');
    // Exit code 1 means problems were found; the JSON report says which, so read it either way.
    const run = await promisify(execFile)(process.execPath, [cli, 'lint', file, '--config', join(ROOT, 'redocly.yaml'), '--format', 'json'], {
      cwd: dir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    }).catch((err: { stdout?: string; stderr?: string }) => ({ stdout: err.stdout ?? '', stderr: err.stderr ?? '' }));
    const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string; message: string; location: unknown }> };
    expect(report.problems.map((p) => `${p.ruleId}: ${p.message} at ${JSON.stringify(p.location)}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });
});
