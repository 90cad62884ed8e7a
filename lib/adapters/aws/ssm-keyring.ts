import { GetParameterCommand, type SSMClient } from '@aws-sdk/client-ssm';
import { parseKeyring, type Keyring } from '../keyring';

/**
 * The keyring from SSM Parameter Store: a SecureString holding `{current, keys}` (docs/privacy.md).
 * Read once per cold start; the value is never logged, and a missing or malformed one fails the start.
 */
export async function keyringFromSsm(ssm: SSMClient, name: string): Promise<Keyring> {
  const out = await ssm.send(new GetParameterCommand({ Name: name, WithDecryption: true }));
  const value = out.Parameter?.Value;
  if (!value) throw new Error(`SSM parameter ${name} has no value`);
  return parseKeyring(value);
}
