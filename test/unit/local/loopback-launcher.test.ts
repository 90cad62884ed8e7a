import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const dir = resolve(__dirname, '../../../local/java');

function javacAvailable(): boolean {
  try {
    execFileSync('javac', ['-version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

// The stack runs the committed .class so that a Java runtime is enough; this keeps it the compiled
// form of the source beside it (javac --release 17 emits the same bytes from JDK 17 and later).
(javacAvailable() ? it : it.skip)('the committed DynamoDB Local launcher is compiled from its source', () => {
  const out = mkdtempSync(join(tmpdir(), 'launcher-'));
  try {
    execFileSync('javac', ['--release', '17', '-d', out, join(dir, 'LoopbackDynamoDBLocal.java')]);
    expect(readFileSync(join(out, 'LoopbackDynamoDBLocal.class')).equals(readFileSync(join(dir, 'LoopbackDynamoDBLocal.class')))).toBe(true);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});
