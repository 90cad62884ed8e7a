import { maskPersonalNumbers, maskTrackingCodes } from './domain/redact';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/**
 * Keys whose values are personal data or secrets: never written, whatever a caller passes (a request's
 * headers carry `x-tracking-code` and `authorization`; an SMS its `to` and `text`).
 */
const SECRET_KEYS =
  /^(phone|phones|phoneNumber|originationNumber|destinationNumber|mobile|name|names|address|reporter|beneficiary|emergencyContact|contact|to|from|text|message|messageBody|trackingCode|x-tracking-code|trackingCodeHash|authorization|cookie|token|taskToken)$/i;
/** Any other E.164 number (a foreign one the mainland patterns do not know). */
const E164_IN_TEXT = /\+\d{8,15}/g;

/** The safety net for text: phones, ID-card numbers, plates and tracking codes masked wherever they appear. */
const scrubText = (text: string) => maskTrackingCodes(maskPersonalNumbers(text)).replace(E164_IN_TEXT, (m) => `${m.slice(0, 3)}****${m.slice(-2)}`);

function scrub(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[depth]';
  if (typeof value === 'string') return scrubText(value);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  if (value instanceof Error) return { name: value.name, message: scrub(value.message, depth + 1) };
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = SECRET_KEYS.test(k) ? '[redacted]' : scrub(v, depth + 1);
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

/** Structured JSON lines; personal data and secrets are redacted by key, and masked in any text. */
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
