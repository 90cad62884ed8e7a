import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packagedService } from '../support/packaged-service';

const PARAMETER = '/minqing/ci/phone-digest-keyring';
type Resource = { Type: string; Properties: Record<string, any> };
type Statement = { Effect: string; Action: string | string[]; Resource: unknown; Condition?: Record<string, any> };

describe('the phone-digest keyring in the packaged template', () => {
  let dir: string;
  let resources: Record<string, Resource>;
  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const statementsOf = (role: Resource): Statement[] => (role.Properties.Policies ?? []).flatMap((p: any) => p.PolicyDocument.Statement as Statement[]);

  beforeAll(() => {
    dir = packagedService();
    resources = JSON.parse(readFileSync(join(dir, 'cloudformation-template-update-stack.json'), 'utf8')).Resources;
  }, 120_000);

  it('tells every function where the keyring is', () => {
    for (const [, fn] of ofType('AWS::Lambda::Function')) expect(fn.Properties.Environment.Variables.PHONE_KEY_PARAMETER).toBe(PARAMETER);
  });

  it('lets each function read exactly that parameter, and decrypt it only through SSM with the stack key', () => {
    const roles = ofType('AWS::IAM::Role').filter(([, r]) => JSON.stringify(r).includes('lambda.amazonaws.com'));
    expect(roles.length).toBe(ofType('AWS::Lambda::Function').length);
    for (const [name, role] of roles) {
      const statements = statementsOf(role);
      const reads = statements.filter((s) => ([] as string[]).concat(s.Action).some((a) => a.startsWith('ssm:')));
      expect({ name, reads: reads.map((s) => [s.Action, s.Resource]) }).toEqual({
        name,
        reads: [[['ssm:GetParameter'], { 'Fn::Sub': `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${PARAMETER}` }]],
      });
      const decrypts = statements.filter((s) => ([] as string[]).concat(s.Action).includes('kms:Decrypt') && JSON.stringify(s.Resource).includes('PhoneKeyringKey'));
      expect(decrypts).toHaveLength(1);
      expect(decrypts[0]!.Condition).toEqual({ StringEquals: { 'kms:ViaService': { 'Fn::Sub': 'ssm.${AWS::Region}.${AWS::URLSuffix}' } } });
    }
  });

  it('creates the key with rotation and an alias for the parameter', () => {
    expect(resources.PhoneKeyringKey).toMatchObject({ Type: 'AWS::KMS::Key', Properties: { EnableKeyRotation: true } });
    expect(resources.PhoneKeyringKeyAlias?.Properties.AliasName).toBe('alias/minqing-ci-phone-keyring');
  });
});
