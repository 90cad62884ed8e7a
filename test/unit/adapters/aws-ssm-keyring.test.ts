import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { resetAroundEachTest } from '../../support/aws-mock';
import { newKeyring } from '../../../lib/adapters/keyring';
import { keyringFromSsm } from '../../../lib/adapters/aws/ssm-keyring';

// The local stack serves the keyring from a file, not SSM; what this adapter asks of SSM, and how it
// fails, is checked against a mocked client.
describe('keyringFromSsm', () => {
  const client = new SSMClient({ region: 'cn-north-1' });
  const ssm = resetAroundEachTest(mockClient(client));

  it('reads the named SecureString decrypted and parses it', async () => {
    const ring = newKeyring();
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: '/minqing/keyring', Type: 'SecureString', Value: JSON.stringify(ring) } });

    expect(await keyringFromSsm(client, '/minqing/keyring')).toEqual(ring);
    expect(ssm.commandCalls(GetParameterCommand).map((call) => call.args[0].input)).toEqual([{ Name: '/minqing/keyring', WithDecryption: true }]);
  });

  it('fails the start naming the parameter when it has no value', async () => {
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: '/minqing/keyring' } });

    await expect(keyringFromSsm(client, '/minqing/keyring')).rejects.toThrow('SSM parameter /minqing/keyring has no value');
  });

  it('fails on a malformed keyring without repeating the secret in the message', async () => {
    const secret = 'c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlYw==';
    ssm.on(GetParameterCommand).resolves({ Parameter: { Value: JSON.stringify({ current: 'v2', keys: { v1: secret } }) } });

    const failure = await keyringFromSsm(client, '/minqing/keyring').catch((err: Error) => err);

    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(/^the keyring is invalid/);
    expect((failure as Error).message).not.toContain(secret);
  });

  it('lets a missing parameter fail the start as SSM names it', async () => {
    const error = new ParameterNotFound({ message: 'not found', $metadata: {} });
    ssm.on(GetParameterCommand).rejects(error);

    await expect(keyringFromSsm(client, '/minqing/keyring')).rejects.toBe(error);
  });
});
