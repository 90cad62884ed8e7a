import * as z from 'zod';
import { zhCN } from 'zod/locales';
import { PayloadTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../errors';
import { pathIdSchema } from '../contracts/http/path';
import type { HttpEvent } from './event';

// Validation messages reach residents and staff: in Chinese. Only this locale is imported: through
// `z.locales` a bundle would carry all of zod's languages.
z.config(zhCN());

export const MAX_BODY_BYTES = 16 * 1024;
/** Exactly `application/json`, optionally with a charset: `json-seq`, `+json` and friends are other formats. */
const JSON_CONTENT_TYPE = /^\s*application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/** `a.b.0` → message, for every field zod rejected: the caller learns exactly what to fix. */
export function fieldsFromZod(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[path === '(body)' ? key : `${path}.${key}`] = '不支持的字段';
    } else if (!(path in fields)) {
      fields[path] = issue.message;
    }
  }
  return fields;
}

export function parseWith<S extends z.ZodType>(schema: S, value: unknown, what = '请求'): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(`${what}字段有误`, fieldsFromZod(result.error));
  return result.data;
}

/** Parses a JSON body within the size limit, then validates it; nothing reaches a use case unchecked. */
export function parseJsonBody<S extends z.ZodType>(event: HttpEvent, schema: S): z.infer<S> {
  const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new PayloadTooLargeError(MAX_BODY_BYTES);
  const contentType = header(event, 'content-type');
  if (contentType && !JSON_CONTENT_TYPE.test(contentType)) throw new UnsupportedMediaTypeError();
  if (raw.trim() === '') throw new ValidationError('请求体不能为空', { '(body)': '需要 JSON 对象' }, 'EMPTY_BODY');
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    throw new ValidationError('请求体不是合法的 JSON', { '(body)': '无法解析的 JSON' }, 'MALFORMED_JSON');
  }
  return parseWith(schema, json);
}

export function header(event: HttpEvent, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers)) if (key.toLowerCase() === wanted) return value;
  return undefined;
}

export function pathParam(event: HttpEvent, name: string): string {
  const value = event.pathParameters?.[name];
  if (!value) throw new ValidationError(`缺少路径参数 ${name}`, { [name]: '必填' });
  const checked = pathIdSchema.safeParse(value);
  if (!checked.success) throw new ValidationError(`路径参数 ${name} 有误`, { [name]: checked.error.issues[0]?.message ?? '格式有误' });
  return checked.data;
}
