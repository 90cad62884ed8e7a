import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { openApiDocument } from '../../lib/http/openapi';

/**
 * Checks an HTTP answer against the OpenAPI document the API serves: the status must be documented for
 * that operation, the body must match the documented schema, and documented required headers (such as
 * Retry-After on 429) must be there. Used by `TestStack.api`, so every e2e and integration test checks
 * the contract of every answer it receives.
 */

type JsonObject = Record<string, any>;

const DOCUMENT_ID = 'https://minqing.local/openapi.json';
const document = openApiDocument() as JsonObject;

// The document is OpenAPI 3.1, whose schemas are JSON Schema 2020-12. `strict: false` because ajv reads
// the whole document as one schema, and OpenAPI's own keys (paths, info…) are not schema keywords.
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...document, $id: DOCUMENT_ID });

const pointer = (...parts: string[]) => parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

interface Operation {
  method: string;
  path: string;
  pattern: RegExp;
  responses: JsonObject;
  pointer: string;
}

const operations: Operation[] = Object.entries(document.paths as JsonObject).flatMap(([path, item]) =>
  Object.entries(item as JsonObject).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    pattern: new RegExp(`^${path.replace(/\{\w+\}/g, '[^/]+')}$`),
    responses: (op as JsonObject).responses,
    pointer: `#/${pointer('paths', path, method, 'responses')}`,
  })),
);

const validators = new Map<string, ValidateFunction>();
function validatorAt(ref: string): ValidateFunction {
  let validate = validators.get(ref);
  if (!validate) {
    validate = ajv.getSchema(`${DOCUMENT_ID}${ref}`);
    if (!validate) throw new Error(`openapi contract: no schema at ${ref}`);
    validators.set(ref, validate);
  }
  return validate;
}

/** A response object and where its schema lives, following one `$ref` to `components/responses`. */
function responseAt(op: Operation, status: number): { response: JsonObject; schemaRef: string } | undefined {
  const key = [String(status), `${String(status)[0]}XX`, 'default'].find((k) => k in op.responses);
  if (!key) return undefined;
  const declared = op.responses[key] as JsonObject;
  if (typeof declared.$ref === 'string') {
    const name = declared.$ref.replace('#/components/responses/', '');
    return { response: document.components.responses[name], schemaRef: `#/${pointer('components', 'responses', name, 'content', 'application/json', 'schema')}` };
  }
  return { response: declared, schemaRef: `${op.pointer}/${pointer(key, 'content', 'application/json', 'schema')}` };
}

export interface ReceivedResponse {
  method: string;
  /** The path as requested, without the query string. */
  path: string;
  status: number;
  headers: Headers;
  text: string;
}

/** What is wrong with this answer by the document, or `undefined` when it keeps the contract. */
export function contractViolation(res: ReceivedResponse): string | undefined {
  const method = res.method.toUpperCase();
  const where = `${method} ${res.path} → ${res.status}`;
  const op = operations.find((o) => o.method === method && o.pattern.test(res.path));
  // No operation: the gateway's own 404 (or 413, answered before routing), in the documented error shape.
  const found = op ? responseAt(op, res.status) : { response: document.components.responses.NotFound, schemaRef: '#/components/schemas/Error' };
  if (!found) return `${where}: status not documented for ${op!.method} ${op!.path} (documented: ${Object.keys(op!.responses).join(', ')})`;
  for (const [name, header] of Object.entries((found.response.headers ?? {}) as JsonObject)) {
    if (header.required && !res.headers.has(name)) return `${where}: missing required header ${name}`;
  }
  if (!found.response.content) return res.text === '' ? undefined : `${where}: documented without a body, got ${res.text.slice(0, 200)}`;
  const contentType = res.headers.get('content-type') ?? '';
  if (!/^application\/json\b/i.test(contentType)) return `${where}: content-type ${contentType || '(none)'} is not application/json`;
  let body: unknown;
  try {
    body = JSON.parse(res.text);
  } catch {
    return `${where}: body is not JSON: ${res.text.slice(0, 200)}`;
  }
  const validate = validatorAt(found.schemaRef);
  if (validate(body)) return undefined;
  const problems = (validate.errors ?? []).map((e) => `${e.instancePath || '(body)'} ${e.message}${e.params ? ` ${JSON.stringify(e.params)}` : ''}`);
  return `${where}: body breaks the document:\n  ${problems.slice(0, 8).join('\n  ')}\n  body: ${res.text.slice(0, 500)}`;
}

/**
 * Throws when an answer of the API breaks the document, naming what broke; `/local/*` routes (not in
 * the document) and CORS preflights (answered by the gateway, not an operation) pass unchecked.
 */
export function assertKeepsContract(method: string, url: string, res: { status: number; headers: Headers }, text: string): void {
  const path = new URL(url).pathname;
  if (path.startsWith('/local/') || method.toUpperCase() === 'OPTIONS') return;
  const violation = contractViolation({ method, path, status: res.status, headers: res.headers, text });
  if (violation) throw new Error(`OpenAPI contract: ${violation}`);
}
