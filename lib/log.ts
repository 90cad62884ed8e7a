import { maskPhone } from './domain/phone';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** Keys whose values are personal data: never written, whatever a caller passes. */
const PERSONAL_KEYS = /^(phone|phones|mobile|name|names|address|reporter|beneficiary|emergencyContact|to|from|text|message)$/i;
const PHONE_IN_TEXT = /(\+?86)?1[3-9]\d{9}|\+\d{8,15}/g;

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return value.replace(PHONE_IN_TEXT, (m) => maskPhone(m));
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: scrub(value.message, depth + 1) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = PERSONAL_KEYS.test(k) ? '[redacted]' : scrub(v, depth + 1);
    return out;
  }
  return value;
}

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

/** Structured JSON lines; personal data is redacted by key and phone numbers masked in any text. */
export function createLogger(
  base: Record<string, unknown> = {},
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  minLevel: Level = (process.env.LOG_LEVEL as Level | undefined) ?? 'info',
): Logger {
  const emit = (level: Level) => (msg: string, data: Record<string, unknown> = {}) => {
    if (ORDER[level] < (ORDER[minLevel] ?? 20)) return;
    write(JSON.stringify({ level, msg: scrub(msg), ...(scrub({ ...base, ...data }) as object) }));
  };
  return { debug: emit('debug'), info: emit('info'), warn: emit('warn'), error: emit('error') };
}

export const log = createLogger({ service: 'minqing' });
