import fc from 'fast-check';
import { z } from 'zod';
import { hostileJsonValue } from './hostile-values';
import { parsedOrUndefined, RawJson, toJsonText } from './json-text';

/** The subset of JSON Schema that `z.toJSONSchema` writes for the request schemas. */
interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  pattern?: string;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
}

export const jsonSchemaOf = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;

const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type[0] : s.type);

/**
 * Realistic values for fields whose rules the JSON schema cannot show (a zod refinement: a phone, a
 * grid that exists), so the skeleton usually passes them and the break is what the server meets.
 */
const HINTS: Record<string, string[]> = {
  phone: ['13912345678', '+8613912345678', '13800007001'],
  gridId: ['G01', 'G02'],
  category: ['road-damage', 'daily'],
  departmentId: ['urban', 'water'],
  suggestedDepartmentId: ['water'],
  teamId: ['T-C01'],
  address: ['金水苑3号楼门口'],
  description: ['金水苑门口路面塌陷，有一个大坑'],
  note: ['已回填修补'],
  name: ['李奶奶'],
  title: ['一台收音机'],
};

/**
 * A plausible instance of the schema: the skeleton a break is applied to, so that the break, not
 * some other field, is what the server has to notice. It need not be valid itself.
 */
export function plausible(schema: JsonSchema, field?: string): fc.Arbitrary<unknown> {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches?.length) return fc.oneof(...branches.map((b) => plausible(b, field)));
  if (schema.allOf?.length) return plausible(schema.allOf[0]!);
  if ('const' in schema) return fc.constant(schema.const);
  if (schema.enum?.length) return fc.constantFrom(...schema.enum);
  switch (typeOf(schema)) {
    case 'object': {
      const props = schema.properties ?? {};
      const required = new Set(schema.required ?? []);
      return fc.record(
        Object.fromEntries(Object.entries(props).map(([key, s]) => [key, plausible(s, key)])),
        { requiredKeys: Object.keys(props).filter((k) => required.has(k)) },
      );
    }
    case 'array': {
      const min = schema.minItems ?? 0;
      return fc.array(schema.items ? plausible(schema.items) : fc.jsonValue({ maxDepth: 1 }), { minLength: min, maxLength: Math.min(schema.maxItems ?? min + 2, min + 2) });
    }
    case 'string': {
      if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= (schema.maxLength ?? 200));
      const min = schema.minLength ?? 0;
      const random = fc.string({ unit: 'grapheme', minLength: min, maxLength: Math.min(schema.maxLength ?? min + 20, min + 20) });
      const hints = field && Object.hasOwn(HINTS, field) ? HINTS[field]! : [];
      return hints.length ? fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...hints) }, { weight: 1, arbitrary: random }) : random;
    }
    case 'integer':
      return fc.integer({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000 });
    case 'number':
      return fc.double({ min: schema.minimum ?? -1000, max: schema.maximum ?? 1000, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    default:
      return fc.jsonValue({ maxDepth: 1 });
  }
}

/** Values that break a field of this schema's type: the wrong type, or out of its bounds. */
function breaking(schema: JsonSchema): fc.Arbitrary<unknown> {
  const outOfBounds: fc.Arbitrary<unknown>[] = [];
  switch (typeOf(schema)) {
    case 'string':
      outOfBounds.push(fc.constantFrom(1, 0, true, null, [], {}, ['x'], new RawJson('-0')));
      if (schema.maxLength !== undefined) outOfBounds.push(fc.constant('超'.repeat(schema.maxLength + 1)));
      if (schema.minLength) outOfBounds.push(fc.constant(''));
      if (schema.enum || 'const' in schema) outOfBounds.push(fc.constantFrom('🙂', 'OK', 'Satisfied', '\ud800', ' ', 'grid_check', 'ACCEPT'));
      break;
    case 'number':
    case 'integer':
      outOfBounds.push(
        fc.constantFrom<unknown>('1', 'NaN', 'Infinity', '-0', '1e308', null, true, [1], { value: 1 }, 1e-131, -1e-131, 1e308, -1e308, 5e-324, new RawJson('1e400'), new RawJson('-1e400')),
      );
      if (schema.minimum !== undefined) outOfBounds.push(fc.constant(schema.minimum - 1), fc.constant(schema.minimum - 1e-9));
      if (schema.maximum !== undefined) outOfBounds.push(fc.constant(schema.maximum + 1), fc.constant(schema.maximum + 1e-9));
      if (typeOf(schema) === 'integer') outOfBounds.push(fc.constantFrom(1.5, 2.000001, 3e-10));
      break;
    case 'boolean':
      outOfBounds.push(fc.constantFrom<unknown>('true', 'false', 0, 1, null, [], {}, 'yes'));
      break;
    case 'array':
      outOfBounds.push(fc.constantFrom<unknown>('[]', {}, 'x', 0, null));
      if (schema.maxItems !== undefined) outOfBounds.push(fc.constant(Array.from({ length: schema.maxItems + 1 }, () => 'x')));
      if (schema.minItems) outOfBounds.push(fc.constant([]));
      if (schema.items) outOfBounds.push(breaking(schema.items).map((bad) => [bad]));
      break;
    case 'object':
      outOfBounds.push(fc.constantFrom<unknown>([], 'x', 0, null, true, [{}]));
      break;
    default:
      break;
  }
  return outOfBounds.length ? fc.oneof(...outOfBounds, hostileJsonValue) : hostileJsonValue;
}

type Path = (string | number)[];
interface Spot {
  path: Path;
  schema: JsonSchema;
  required: boolean;
}

/** Every field reachable in the instance, with its schema: where a break may land. */
function spots(schema: JsonSchema, value: unknown, path: Path = []): Spot[] {
  const branches = schema.oneOf ?? schema.anyOf;
  if (branches) {
    // The branch the value was drawn from is the one whose const fields it carries.
    const branch = branches.find((b) => Object.entries(b.properties ?? {}).every(([k, s]) => !('const' in s) || (value as Record<string, unknown>)?.[k] === s.const)) ?? branches[0]!;
    return spots(branch, value, path);
  }
  if (typeOf(schema) === 'object' && value && typeof value === 'object' && !Array.isArray(value)) {
    const required = new Set(schema.required ?? []);
    return Object.entries(schema.properties ?? {}).flatMap(([key, s]) => {
      const here: Spot = { path: [...path, key], schema: s, required: required.has(key) };
      return key in value ? [here, ...spots(s, (value as Record<string, unknown>)[key], here.path)] : [here];
    });
  }
  if (typeOf(schema) === 'array' && Array.isArray(value) && schema.items) {
    return value.flatMap((item, i) => spots(schema.items!, item, [...path, i]));
  }
  return [];
}

function setAt(root: unknown, path: Path, value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy: any = Array.isArray(root) ? [...root] : { ...(root as object) };
  const [head, ...rest] = path;
  if (rest.length === 0) {
    if (remove) delete copy[head!];
    else copy[head!] = value;
  } else {
    copy[head!] = setAt(copy[head!], rest, value, remove);
  }
  return copy;
}

type Mutation = (value: unknown) => unknown;

function mutations(schema: JsonSchema, value: unknown): fc.Arbitrary<Mutation> {
  const all = spots(schema, value);
  const required = all.filter((s) => s.required);
  const options: fc.Arbitrary<Mutation>[] = [];
  if (required.length) {
    options.push(fc.constantFrom(...required).map((s): Mutation => (v) => setAt(v, s.path, undefined, true)));
    options.push(fc.constantFrom(...required).chain((s) => breaking(s.schema).map((bad): Mutation => (v) => setAt(v, s.path, bad))));
  }
  if (all.length) options.push(fc.constantFrom(...all).chain((s) => breaking(s.schema).map((bad): Mutation => (v) => setAt(v, s.path, bad))));
  options.push(
    fc
      .tuple(fc.constantFrom('__proto__', 'constructor', 'extra', '$where', 'pk', 'x'.repeat(1000), '🙂', ''), hostileJsonValue)
      .map(([key, bad]): Mutation => (v) => (v && typeof v === 'object' && !Array.isArray(v) ? { ...(v as object), [key]: bad } : v)),
  );
  return fc.oneof(...options);
}

/**
 * A JSON body that the route's zod schema refuses, by construction: a plausible instance with one to
 * three breaks (a required field dropped or of the wrong type or out of bounds, an unknown field, a
 * hostile value anywhere), kept only if the schema indeed refuses what the server will parse. A body
 * that parsed would be a real request and could legitimately write.
 */
export function brokenBody(schema: z.ZodType): fc.Arbitrary<string> {
  const json = jsonSchemaOf(schema);
  return plausible(json)
    .chain((value) => fc.array(mutations(json, value), { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce((v, m) => m(v), value)))
    .map(toJsonText)
    .filter((text) => {
      const parsed = parsedOrUndefined(text);
      return !parsed || !schema.safeParse(parsed.value).success;
    });
}
