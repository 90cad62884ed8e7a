import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as z from 'zod';

/**
 * Remembers which state machine definitions passed validation, by the SHA-256 of their text and the
 * validator's version, in `node_modules/.cache/minqing/asl-valid/`. aws-local-stepfunctions validates
 * with asl-validator, which builds and compiles its whole JSON schema anew on every call (~100 ms
 * each, ~0.9 s for the seven machines at every start of the stack, every test file's included). A
 * definition changed by one byte is a new key, so it is validated again; a failed one is never kept.
 */
const ROOT = resolve(__dirname, '..', '..');
const DIR = join(ROOT, 'node_modules', '.cache', 'minqing', 'asl-valid');

const packageJson = z.object({ version: z.string().min(1) });

/**
 * The engine's version, read from its package.json in node_modules (its `exports` do not expose the
 * file to `require`); none when it cannot be read, and then nothing is remembered.
 */
function validatorVersion(): string | null {
  try {
    const read = packageJson.safeParse(JSON.parse(readFileSync(join(ROOT, 'node_modules', 'aws-local-stepfunctions', 'package.json'), 'utf8')));
    return read.success ? read.data.version : null;
  } catch {
    return null;
  }
}

const VERSION = validatorVersion();

/** Runs `validate` (which throws on an invalid definition) unless this exact definition passed before. */
export function validateOnce(definition: unknown, validate: () => void, version = VERSION): void {
  if (version === null) return validate();
  const key = createHash('sha256').update(version).update('\0').update(JSON.stringify(definition)).digest('hex');
  const marker = join(DIR, key);
  if (existsSync(marker)) return;
  validate();
  try {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(marker, '');
  } catch {
    // A read-only install only validates every time.
  }
}
