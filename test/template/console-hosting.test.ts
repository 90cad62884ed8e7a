import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConsoleOutputs } from '../../deploy/publish-console';
import { packagedService } from '../support/packaged-service';

/**
 * The console on AWS (serverless.yml, "The console"): web/dist in a private bucket, read only by the
 * console's CloudFront distribution through Origin Access Control; the hosted UI's code + PKCE client.
 */
const ROOT = resolve(__dirname, '../..');
const CACHING_DISABLED = '4135ea2d-6df8-44a3-9df3-4b5a84be39ad';
const CACHING_OPTIMIZED = '658327ea-f89d-4fab-a63d-7e88639e58f6';

type Resource = { Type: string; Condition?: string; Properties: Record<string, any> };
type Template = { Resources: Record<string, Resource>; Outputs: Record<string, { Value: unknown; Condition?: string }>; Conditions: Record<string, unknown> };

/** What the stack would hold for the references these tests resolve (names as CloudFormation makes them). */
const FAKE = {
  HttpApi: 'a1b2c3d4e5',
  UserPoolDomain: 'minqing-ci',
  UserPoolClient: 'console-client-id',
  'ConsoleDistribution.DomainName': 'd111111abcdef8.cloudfront.net',
  'EdgeDistribution.DomainName': 'd222222abcdef8.cloudfront.net',
  'AWS::Region': 'ap-southeast-1',
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::AccountId': '123456789012',
  'AWS::Partition': 'aws',
} as Record<string, string>;

/** Evaluates the intrinsics these resources use (Ref, GetAtt, Join, Sub, If, Select, Split, conditions). */
function evaluate(template: Template, node: any): any {
  const ev = (n: any): any => evaluate(template, n);
  if (Array.isArray(node)) return node.map(ev).filter((v) => v !== NO_VALUE);
  if (typeof node !== 'object' || node === null) return node;
  if ('Ref' in node) return node.Ref === 'AWS::NoValue' ? NO_VALUE : (FAKE[node.Ref] ?? `<${node.Ref}>`);
  if ('Fn::GetAtt' in node) return FAKE[[].concat(node['Fn::GetAtt']).join('.')] ?? `<${node['Fn::GetAtt']}>`;
  if ('Fn::Join' in node) return ev(node['Fn::Join'][1]).join(node['Fn::Join'][0]);
  if ('Fn::Sub' in node) return (node['Fn::Sub'] as string).replace(/\$\{([^}]+)\}/g, (_, name: string) => FAKE[name] ?? `<${name}>`);
  if ('Fn::Select' in node) return ev(node['Fn::Select'][1])[node['Fn::Select'][0]];
  if ('Fn::Split' in node) return ev(node['Fn::Split'][1]).split(node['Fn::Split'][0]);
  if ('Fn::If' in node) return ev(conditionHolds(template, node['Fn::If'][0]) ? node['Fn::If'][1] : node['Fn::If'][2]);
  if ('Fn::Not' in node) return !ev(node['Fn::Not'][0]);
  if ('Fn::And' in node) return node['Fn::And'].every(ev);
  if ('Fn::Equals' in node) return ev(node['Fn::Equals'][0]) === ev(node['Fn::Equals'][1]);
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, ev(v)]).filter(([, v]) => v !== NO_VALUE));
}
const NO_VALUE = Symbol('AWS::NoValue');
const conditionHolds = (template: Template, name: string): boolean => evaluate(template, template.Conditions[name]) as boolean;

/** The CloudFront Function's code, run as CloudFront would run it on a viewer request. */
function spaRewrite(code: string): (uri: string) => string {
  const handler = new Function(`${code}\nreturn handler;`)() as (event: { request: { uri: string } }) => { uri: string };
  return (uri) => handler({ request: { uri } }).uri;
}

const cspDirectives = (csp: string) => new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));

function load(extra: string[] = []): Template {
  return JSON.parse(readFileSync(join(packagedService(extra), 'cloudformation-template-update-stack.json'), 'utf8')) as Template;
}

describe('the console hosting in the packaged template', () => {
  let template: Template;
  let resources: Record<string, Resource>;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const distribution = () => resources.ConsoleDistribution!.Properties.DistributionConfig;
  const behaviors = () => [distribution().DefaultCacheBehavior, ...distribution().CacheBehaviors];

  beforeAll(() => {
    template = load();
    resources = template.Resources;
  }, 120_000);

  it('keeps web/dist in a private, encrypted bucket with every kind of public access blocked and no website hosting', () => {
    const bucket = resources.ConsoleBucket!;
    expect(bucket.Type).toBe('AWS::S3::Bucket');
    expect(bucket.Condition).toBeUndefined();
    expect(bucket.Properties.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
    expect(bucket.Properties.WebsiteConfiguration).toBeUndefined();
    expect(bucket.Properties.AccessControl).toBeUndefined();
    expect(bucket.Properties.BucketEncryption.ServerSideEncryptionConfiguration[0].ServerSideEncryptionByDefault.SSEAlgorithm).toBe('AES256');
  });

  it('reads the bucket through Origin Access Control (SigV4, always signed), never a legacy origin access identity', () => {
    expect(ofType('AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual([]);
    expect(resources.ConsoleOriginAccessControl!.Properties.OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
    expect(distribution().Origins).toEqual([
      {
        Id: 'console-bucket',
        DomainName: { 'Fn::GetAtt': ['ConsoleBucket', 'RegionalDomainName'] },
        S3OriginConfig: { OriginAccessIdentity: '' },
        OriginAccessControlId: { 'Fn::GetAtt': ['ConsoleOriginAccessControl', 'Id'] },
      },
    ]);
  });

  it('lets only that distribution read, and only over TLS', () => {
    const policy = resources.ConsoleBucketPolicy!.Properties;
    expect(policy.Bucket).toEqual({ Ref: 'ConsoleBucket' });
    const statements = policy.PolicyDocument.Statement as Array<{ Effect: string; Principal: any; Action: string; Condition: any }>;
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows).toHaveLength(1);
    expect(allows[0]!.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
    expect(allows[0]!.Action).toBe('s3:GetObject');
    expect(evaluate(template, allows[0]!.Condition)).toEqual({ StringEquals: { 'AWS:SourceArn': 'arn:aws:cloudfront::123456789012:distribution/<ConsoleDistribution>' } });
    expect(statements.filter((s) => s.Effect === 'Deny').map((s) => s.Condition)).toEqual([{ Bool: { 'aws:SecureTransport': 'false' } }]);
  });

  it('serves over HTTPS only, compressed, index.html at the root', () => {
    expect(distribution().DefaultRootObject).toBe('index.html');
    for (const behavior of behaviors()) {
      expect(behavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', Compress: true, AllowedMethods: ['GET', 'HEAD'], ResponseHeadersPolicyId: { Ref: 'ConsoleHeadersPolicy' } });
    }
    expect(evaluate(template, distribution().ViewerCertificate)).toEqual({ CloudFrontDefaultCertificate: true });
    expect(evaluate(template, distribution()).Aliases).toBeUndefined();
  });

  it('answers the console\'s routes with index.html on the request, and a missing file with its real error', () => {
    expect(distribution().CustomErrorResponses).toBeUndefined();
    const fn = resources.ConsoleSpaRewrite!.Properties;
    expect(fn.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(fn.AutoPublish).toBe(true);
    const rewrite = spaRewrite(fn.FunctionCode);
    for (const route of ['/', '/admin', '/auth/callback', '/grid/wishes/W3K9QX', '/t/C20261123ABCD', '/volunteer/']) expect([route, rewrite(route)]).toEqual([route, '/index.html']);
    for (const file of ['/config.json', '/assets/index-DMd0yMkW.js', '/favicon.ico']) expect([file, rewrite(file)]).toEqual([file, file]);
    expect(distribution().DefaultCacheBehavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': ['ConsoleSpaRewrite', 'FunctionMetadata.FunctionARN'] } }]);
    expect(distribution().CacheBehaviors[0].FunctionAssociations).toBeUndefined();
  });

  it('keeps hashed assets at the edge and nothing else (index.html, config.json)', () => {
    expect(distribution().DefaultCacheBehavior.CachePolicyId).toBe(CACHING_DISABLED);
    expect(distribution().CacheBehaviors).toEqual([expect.objectContaining({ PathPattern: '/assets/*', CachePolicyId: CACHING_OPTIMIZED })]);
  });

  it('sends HSTS, nosniff, DENY and the local console\'s CSP, whose connect-src adds the API and the hosted UI', () => {
    const headers = evaluate(template, resources.ConsoleHeadersPolicy!.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig);
    expect(headers.StrictTransportSecurity).toMatchObject({ AccessControlMaxAgeSec: expect.any(Number), Override: true });
    expect(headers.StrictTransportSecurity.AccessControlMaxAgeSec).toBeGreaterThanOrEqual(31536000);
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    const local = /const CONSOLE_CSP = "([^"]+)"/.exec(readFileSync(join(ROOT, 'local/web-console.ts'), 'utf8'))![1]!;
    const deployed = cspDirectives(headers.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const [name, values] of cspDirectives(local)) {
      if (name === 'connect-src') continue;
      expect([name, deployed.get(name)]).toEqual([name, values]);
    }
    expect(deployed.get('connect-src')).toEqual(["'self'", 'https://a1b2c3d4e5.execute-api.ap-southeast-1.amazonaws.com', 'https://minqing-ci.auth.ap-southeast-1.amazoncognito.com']);
  });

  it('gives the console client the hosted UI\'s code flow, with no secret, returning only to the console', () => {
    const client = evaluate(template, resources.UserPoolClient!.Properties);
    expect(client.GenerateSecret).toBe(false);
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.AllowedOAuthScopes).toEqual(['openid', 'email', 'profile']);
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
    expect(client.CallbackURLs).toEqual(['https://d111111abcdef8.cloudfront.net/auth/callback']);
    expect(client.LogoutURLs).toEqual(['https://d111111abcdef8.cloudfront.net/']);
    expect(client).toMatchObject({ IdTokenValidity: 1, AccessTokenValidity: 1, TokenValidityUnits: { IdToken: 'hours', AccessToken: 'hours', RefreshToken: 'days' } });
    expect(client.RefreshTokenValidity).toBeLessThanOrEqual(30);
    expect(resources.UserPoolDomain!.Properties).toEqual({ UserPoolId: { Ref: 'UserPool' }, Domain: 'minqing-ci' });
  });

  it('accepts the console\'s tokens: its client is the authorizer\'s audience and what the functions check', () => {
    const [[, authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer') as [[string, Resource]];
    expect(authorizer.Properties.JwtConfiguration.Audience).toContainEqual({ Ref: 'UserPoolClient' });
    for (const [name, fn] of ofType('AWS::Lambda::Function')) {
      const audience = fn.Properties.Environment.Variables.JWT_AUDIENCE;
      if (audience !== undefined) expect([name, audience]).toEqual([name, { Ref: 'UserPoolClient' }]);
    }
  });

  it('lets the console\'s origin call the API (bearer tokens, no cookies: any origin may)', () => {
    const origins: string[] = resources.HttpApi!.Properties.CorsConfiguration.AllowOrigins;
    expect(origins.includes('*') || origins.includes('https://d111111abcdef8.cloudfront.net')).toBe(true);
    expect(resources.HttpApi!.Properties.CorsConfiguration.AllowCredentials).toBeFalsy();
    expect(resources.HttpApi!.Properties.CorsConfiguration.AllowHeaders).toContain('Authorization');
  });

  it('outputs everything deploy/publish-console.ts reads', () => {
    const outputs = Object.fromEntries(Object.entries(template.Outputs).filter(([, o]) => !o.Condition).map(([key, o]) => [key, evaluate(template, o.Value)]));
    expect(outputs.ConsoleUrl).toBe('https://d111111abcdef8.cloudfront.net');
    expect(outputs.ConsoleBucketName).toBe('<ConsoleBucket>');
    expect(outputs.ConsoleDistributionId).toBe('<ConsoleDistribution>');
    expect(outputs.ConsoleAuthDomain).toBe('https://minqing-ci.auth.ap-southeast-1.amazoncognito.com');
    expect(outputs.UserPoolIssuer).toBe('https://cognito-idp.ap-southeast-1.amazonaws.com/<UserPool>');
    const needed = Object.entries(ConsoleOutputs.shape).filter(([, schema]) => !schema.safeParse(undefined).success).map(([key]) => key);
    for (const key of needed) expect([key, key in outputs]).toEqual([key, true]);
    expect(template.Outputs.EdgeUrl!.Condition).toBe('HasEdgeWebAcl');
  });
});

describe('the console hosting with its own domain (--param consoleUrl and consoleCertificateArn)', () => {
  const CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/0123abcd-0000-0000-0000-000000000000';
  let template: Template;

  beforeAll(() => {
    template = load(['--param=consoleUrl=https://mq.example.gov.cn', `--param=consoleCertificateArn=${CERTIFICATE}`]);
  }, 120_000);

  it('answers on that host with its certificate, and sign-in may return there too', () => {
    expect(conditionHolds(template, 'HasConsoleDomain')).toBe(true);
    const config = evaluate(template, template.Resources.ConsoleDistribution!.Properties.DistributionConfig);
    expect(config.Aliases).toEqual(['mq.example.gov.cn']);
    expect(config.ViewerCertificate).toEqual({ AcmCertificateArn: CERTIFICATE, SslSupportMethod: 'sni-only', MinimumProtocolVersion: 'TLSv1.2_2021' });
    const client = evaluate(template, template.Resources.UserPoolClient!.Properties);
    expect(client.CallbackURLs).toEqual(['https://d111111abcdef8.cloudfront.net/auth/callback', 'https://mq.example.gov.cn/auth/callback']);
    expect(client.LogoutURLs).toEqual(['https://d111111abcdef8.cloudfront.net/', 'https://mq.example.gov.cn/']);
    expect(evaluate(template, template.Outputs.ConsoleUrl!.Value)).toBe('https://mq.example.gov.cn');
  });
});
