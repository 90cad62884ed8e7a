import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetParameterCommand, PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { rekeyPhoneDigests } from '../lib/adapters/aws/dynamo-rekey';
import { addNextKey, installKeyring, newKeyring, parseKeyring, promoteNewestKey, retireOldKeys, type Keyring } from '../lib/adapters/keyring';
import { saveKeyring, secretsFile } from '../local/secrets';

const USAGE = `npx tsx bin/phone-keyring.ts <step> (--parameter NAME [--key-id KMS-KEY] | --data-dir DIR) [--table TABLE]
  create   a first keyring (v1), where none exists yet
  add      add the next key version; the current one stays current
  promote  make the newest version current
  rekey    move every item keyed by an older version to the current one (needs --table)
  retire   drop every version but the current one (after a rekey that reported 0 orphans)
  show     the versions and which is current (never the keys)
The steps in order, with the waits between them, are in docs/privacy.md.`;

/** Where the keyring is kept: SSM Parameter Store on AWS, `<data-dir>/secrets.json` for a local stack. */
interface KeyringStore {
  read(): Promise<Keyring | undefined>;
  write(ring: Keyring): Promise<void>;
}

function ssmStore(name: string, keyId: string | undefined): KeyringStore {
  const ssm = new SSMClient({});
  return {
    async read() {
      try {
        const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
        return out.Parameter?.Value ? parseKeyring(out.Parameter.Value) : undefined;
      } catch (err) {
        if ((err as Error).name === 'ParameterNotFound') return undefined;
        throw err;
      }
    },
    async write(ring) {
      await ssm.send(new PutParameterCommand({ Name: name, Type: 'SecureString', Value: JSON.stringify(ring), Overwrite: true, ...(keyId ? { KeyId: keyId } : {}) }));
    },
  };
}

function dataDirStore(dir: string): KeyringStore {
  return {
    read: async () => (existsSync(secretsFile(dir)) ? parseKeyring(readFileSync(secretsFile(dir), 'utf8')) : undefined),
    write: async (ring) => saveKeyring(dir, ring),
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { parameter: { type: 'string' }, 'key-id': { type: 'string' }, 'data-dir': { type: 'string' }, table: { type: 'string' } },
  });
  const step = positionals[0];
  if (!step || Boolean(values.parameter) === Boolean(values['data-dir'])) throw new Error(USAGE);
  const store = values.parameter ? ssmStore(values.parameter, values['key-id']) : dataDirStore(values['data-dir']!);
  const where = values.parameter ?? secretsFile(values['data-dir']!);
  const ring = await store.read();
  if (step === 'create') {
    if (ring) throw new Error(`${where} holds a keyring already: creating another would orphan every phone digest`);
    await store.write(newKeyring());
    return report({ created: where });
  }
  if (!ring) throw new Error(`no keyring at ${where}`);
  const versions = (r: Keyring) => ({ current: r.current, versions: Object.keys(r.keys).sort() });
  switch (step) {
    case 'show':
      return report(versions(ring));
    case 'add':
      return save(addNextKey(ring));
    case 'promote':
      return save(promoteNewestKey(ring));
    case 'retire':
      return save(retireOldKeys(ring));
    case 'rekey': {
      if (!values.table) throw new Error('rekey needs --table (e.g. minqing-prod-main)');
      installKeyring(ring);
      return report(await rekeyPhoneDigests(DynamoDBDocumentClient.from(new DynamoDBClient({})), values.table));
    }
    default:
      throw new Error(USAGE);
  }

  async function save(next: Keyring): Promise<void> {
    await store.write(next);
    report(versions(next));
  }
}

function report(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
