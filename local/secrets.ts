import { chmodSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { newKeyring, parseKeyring, type Keyring } from '../lib/adapters/keyring';
import { writeState } from './state-file';

export const secretsFile = (dataDir: string) => join(dataDir, 'secrets.json');

/**
 * The stack's keyring (phone digests, cursors): kept in `<data-dir>/secrets.json` (mode 0600) across
 * restarts, since a stack that lost it could never find a digest-keyed item again; an in-memory stack
 * gets a fresh one. `fresh` tells the caller a kept folder had tables but no keyring (made before the
 * keyring existed, or the file was lost): the caller re-keys and refuses to go on if anything is lost.
 */
export function loadKeyring(dataDir: string | undefined): KeptKeyring {
  if (!dataDir) {
    const keyring = newKeyring();
    return { keyring, fresh: false, save: () => undefined, read: () => JSON.stringify(keyring) };
  }
  const file = secretsFile(dataDir);
  // Read afresh each time: a rotation step (bin/phone-keyring.ts --data-dir) reaches the running stack.
  const read = () => readFileSync(file, 'utf8');
  if (existsSync(file)) return { keyring: parseKeyring(read()), fresh: false, save: () => undefined, read };
  const keyring = newKeyring();
  const tables = join(dataDir, 'dynamodb');
  return { keyring, fresh: existsSync(tables) && readdirSync(tables).length > 0, save: () => saveKeyring(dataDir, keyring), read };
}

export interface KeptKeyring {
  keyring: Keyring;
  /** A kept folder with tables but without secrets.json. */
  fresh: boolean;
  /** Writes a new keyring to the folder (a no-op when it was read from there, or kept in memory). */
  save(): void;
  /** The keyring as Parameter Store would hand it out now. */
  read(): string;
}

export function saveKeyring(dataDir: string, keyring: Keyring): void {
  writeState(secretsFile(dataDir), keyring);
  chmodSync(secretsFile(dataDir), 0o600);
}
