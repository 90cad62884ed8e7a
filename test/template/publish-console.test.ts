import { consoleConfig, parseStackOutputs, publishCommands } from '../../deploy/publish-console';

/** What `aws cloudformation describe-stacks --query 'Stacks[0].Outputs'` prints for a deployed stack. */
const STACK_OUTPUTS = [
  { OutputKey: 'UserPoolId', OutputValue: 'ap-southeast-1_AbCdEf123' },
  { OutputKey: 'UserPoolClientId', OutputValue: '4k2j9d8s7a6f5g4h3j2k1l0p9o' },
  { OutputKey: 'UserPoolIssuer', OutputValue: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf123' },
  { OutputKey: 'ConsoleUrl', OutputValue: 'https://d111111abcdef8.cloudfront.net' },
  { OutputKey: 'ConsoleBucketName', OutputValue: 'minqing-prod-consolebucket-1a2b3c4d5e6f' },
  { OutputKey: 'ConsoleDistributionId', OutputValue: 'E2QWRUHEXAMPLE' },
  { OutputKey: 'ConsoleAuthDomain', OutputValue: 'https://minqing-prod.auth.ap-southeast-1.amazoncognito.com' },
  { OutputKey: 'HttpApiUrl', OutputValue: 'https://a1b2c3d4e5.execute-api.ap-southeast-1.amazonaws.com', Description: 'URL of the HTTP API', ExportName: 'sls-minqing-prod-HttpApiUrl' },
];
const withOutput = (key: string, value: string | undefined) =>
  [...STACK_OUTPUTS.filter((o) => o.OutputKey !== key), ...(value === undefined ? [] : [{ OutputKey: key, OutputValue: value }])];

describe('the console config the publish writes from the stack outputs', () => {
  it('points the console at the API and at the hosted UI, with the endpoints Cognito\'s discovery lacks', () => {
    expect(consoleConfig(parseStackOutputs(STACK_OUTPUTS))).toEqual({
      apiBase: 'https://a1b2c3d4e5.execute-api.ap-southeast-1.amazonaws.com',
      auth: {
        kind: 'oidc',
        issuer: 'https://cognito-idp.ap-southeast-1.amazonaws.com/ap-southeast-1_AbCdEf123',
        clientId: '4k2j9d8s7a6f5g4h3j2k1l0p9o',
        scopes: 'openid email profile',
        authorizationEndpoint: 'https://minqing-prod.auth.ap-southeast-1.amazoncognito.com/oauth2/authorize',
        tokenEndpoint: 'https://minqing-prod.auth.ap-southeast-1.amazoncognito.com/oauth2/token',
        endSessionEndpoint: 'https://minqing-prod.auth.ap-southeast-1.amazoncognito.com/logout',
      },
    });
  });

  it('goes through the WAF edge when the stack has one', () => {
    const config = consoleConfig(parseStackOutputs(withOutput('EdgeUrl', 'https://d222222abcdef8.cloudfront.net')));
    expect(config.apiBase).toBe('https://d222222abcdef8.cloudfront.net');
  });

  it('drops a trailing slash, so the API\'s paths join cleanly', () => {
    const config = consoleConfig(parseStackOutputs(withOutput('ConsoleAuthDomain', 'https://minqing-prod.auth.ap-southeast-1.amazoncognito.com/')));
    expect(config.auth.tokenEndpoint).toBe('https://minqing-prod.auth.ap-southeast-1.amazoncognito.com/oauth2/token');
  });

  it.each([
    ['a stack without the console', 'ConsoleBucketName', undefined, /ConsoleBucketName/],
    ['a client id missing', 'UserPoolClientId', undefined, /UserPoolClientId/],
    ['an API over plain HTTP', 'HttpApiUrl', 'http://a1b2c3d4e5.execute-api.ap-southeast-1.amazonaws.com', /HttpApiUrl/],
    ['an issuer that is not a user pool', 'UserPoolIssuer', 'https://evil.example.com/ap-southeast-1_AbCdEf123', /UserPoolIssuer/],
    ['a distribution id with a path in it', 'ConsoleDistributionId', 'E2Q/../x', /ConsoleDistributionId/],
  ])('refuses %s, naming the output', (_what, key, value, message) => {
    expect(() => parseStackOutputs(withOutput(key, value))).toThrow(message);
  });

  it('refuses something that is not an output list', () => {
    expect(() => parseStackOutputs({ Outputs: [] })).toThrow();
  });
});

describe('the publish commands', () => {
  const commands = publishCommands(parseStackOutputs(STACK_OUTPUTS), 'ap-southeast-1', '/build/web/dist');

  it('uploads the hashed assets first, for a year, then the rest uncached, keeping old assets, then invalidates', () => {
    expect(commands).toEqual([
      ['aws', 's3', 'sync', '/build/web/dist/assets', 's3://minqing-prod-consolebucket-1a2b3c4d5e6f/assets', '--region', 'ap-southeast-1', '--cache-control', 'public, max-age=31536000, immutable'],
      ['aws', 's3', 'sync', '/build/web/dist', 's3://minqing-prod-consolebucket-1a2b3c4d5e6f', '--region', 'ap-southeast-1', '--exclude', 'assets/*', '--delete', '--cache-control', 'no-cache'],
      ['aws', 'cloudfront', 'create-invalidation', '--distribution-id', 'E2QWRUHEXAMPLE', '--paths', '/*'],
    ]);
  });
});
