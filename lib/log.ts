import { LogFormatter, LogItem, Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import type { LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import * as z from 'zod';
import { maskPersonalNumbers, maskTrackingCodes } from './domain/redact';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/** `LOG_LEVEL`, any case; unset is `info`, anything else fails the cold start naming the variable. */
const levelSchema = z.string().toLowerCase().pipe(z.enum(LEVELS)).default('info');

function levelFromEnv(): Level {
  const parsed = levelSchema.safeParse(process.env.LOG_LEVEL);
  if (!parsed.success) throw new Error(`LOG_LEVEL must be one of ${LEVELS.join(', ')}`);
  return parsed.data;
}

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

/**
 * Our line shape (`level`, `msg`, then what the caller passed) with what Powertools knows of the
 * invocation: request id, cold start and X-Ray trace id under Powertools' own names. Everything is
 * scrubbed here, before anything is serialised, so no later step sees a raw value.
 */
class ScrubbingFormatter extends LogFormatter {
  formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const context = attributes.lambdaContext;
    const line = {
      level: attributes.logLevel.toLowerCase(),
      msg: attributes.message,
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      ...(context ? { function_name: context.functionName, function_request_id: context.awsRequestId, cold_start: context.coldStart } : {}),
      ...(attributes.xRayTraceId ? { xray_trace_id: attributes.xRayTraceId } : {}),
      ...additional,
    };
    return new LogItem({ attributes: scrub(line) as LogAttributes });
  }
}

export interface Logger {
  debug(msg: string, data?: Record<string, unknown>): void;
  info(msg: string, data?: Record<string, unknown>): void;
  warn(msg: string, data?: Record<string, unknown>): void;
  error(msg: string, data?: Record<string, unknown>): void;
}

const toStdout = (line: string) => process.stdout.write(`${line}\n`);

/**
 * Powertools' logger, writing each scrubbed line through `write`. Powertools keeps levels, sampling
 * and the Lambda context (`injectLambdaContext`); the line is written without its print step, which
 * would drop null values a caller logged on purpose. (Powertools may log while it is being
 * constructed, before `write` is set: those lines go to stdout.)
 */
class ScrubbingLogger extends PowertoolsLogger {
  private write?: (line: string) => void;

  constructor(serviceName: string, persistentKeys: Record<string, unknown>, logLevel: Level, write: (line: string) => void) {
    super({ serviceName, persistentKeys, logLevel: logLevel.toUpperCase() as Uppercase<Level>, logFormatter: new ScrubbingFormatter() });
    this.write = write;
  }

  protected override printLog(_logLevel: number, item: LogItem): void {
    (this.write ?? toStdout)(JSON.stringify(item.getAttributes()));
  }
}

/** Our four calls on a Powertools logger: a message and, optionally, one object of fields. */
function callsOn(logger: PowertoolsLogger): Logger {
  const at = (level: Level) => (msg: string, data?: Record<string, unknown>) => (data ? logger[level](msg, data) : logger[level](msg));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Structured JSON lines; personal data and secrets are redacted by key, and masked in any text. */
export function createLogger(base: Record<string, unknown> = {}, write: (line: string) => void = toStdout, minLevel: Level = levelFromEnv()): Logger {
  const { service, ...persistentKeys } = base;
  return callsOn(new ScrubbingLogger(typeof service === 'string' ? service : 'minqing', persistentKeys, minLevel, write));
}

const powertools = new ScrubbingLogger('minqing', {}, levelFromEnv(), toStdout);
export const log = callsOn(powertools);

/**
 * Middy middleware giving every line of an invocation its request id, cold start and function name
 * (the trace id Powertools reads from the environment Lambda sets per invocation).
 */
export const logContext = () => injectLambdaContext(powertools);
