import { join, resolve } from 'node:path';
import { loadServerlessConfig } from '../../../local/serverless-config';
import { openApiDocument } from '../../../lib/http/openapi';
import { API_ROUTES } from '../../../lib/http/routes';

describe('the OpenAPI document', () => {
  const config = loadServerlessConfig(join(resolve(__dirname, '../../..'), 'serverless.yml'), { stage: 'ci', region: 'ap-southeast-1' });
  const deployed = config.functions.flatMap((fn) => fn.http.map((h) => ({ key: `${h.method.toLowerCase()} ${h.path}`, staff: Boolean(h.authorizer) })));

  it('documents exactly the routes serverless.yml deploys', () => {
    expect(API_ROUTES.map((r) => `${r.method} ${r.path}`).sort()).toEqual(deployed.map((d) => d.key).sort());
  });

  it('marks every route behind the authorizer as needing a staff token', () => {
    for (const d of deployed) {
      const route = API_ROUTES.find((r) => `${r.method} ${r.path}` === d.key)!;
      expect({ route: d.key, staff: route.access === 'staff' }).toEqual({ route: d.key, staff: d.staff });
    }
  });

  it('carries the request schemas the handlers validate with', () => {
    const doc = openApiDocument() as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: { properties?: object; oneOf?: unknown[] } }> } }>> };
    const createCase = doc.paths['/v1/cases']!.post!.requestBody!.content['application/json']!.schema;
    expect(Object.keys(createCase.properties ?? {})).toEqual(expect.arrayContaining(['category', 'description', 'location', 'reporter']));
    const actions = doc.paths['/v1/cases/{caseId}/actions']!.post!.requestBody!.content['application/json']!.schema;
    expect(actions.oneOf).toHaveLength(7);
    expect(JSON.stringify(doc)).not.toContain('"$schema"');
  });
});
