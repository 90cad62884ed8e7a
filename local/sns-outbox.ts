import { randomUUID } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { serviceUnavailable, type FaultInjector } from './faults';
import type { JsonRoute } from './http-util';
import { readJsonLines } from './state-file';
import { maskPhone } from '../lib/domain/phone';
import { maskPersonalNumbers, maskTrackingCodes } from '../lib/domain/redact';

export interface OutboxMessage {
  to: string;
  text: string;
  at: string;
}

/**
 * Amazon SNS as far as SMS goes: `Publish` with a `PhoneNumber` is recorded in the outbox instead of
 * sent, and echoed to the console with the number (and any tracking code or number in the text) masked.
 * Speaks both the query protocol (form body, XML answer) and the JSON protocol, whichever the SDK in
 * use sends. Given a file, the outbox is kept there (one JSON line a message, written before `Publish`
 * answers) and read back at the next start.
 */
export class SnsOutbox {
  readonly messages: OutboxMessage[] = [];

  constructor(
    private readonly now: () => Date,
    private readonly echo: (line: string) => void,
    private readonly file?: string,
    private readonly faults?: FaultInjector,
  ) {
    if (file) this.messages.push(...(readJsonLines(file) as OutboxMessage[]));
  }

  route(): JsonRoute {
    return async (req, raw) => {
      const isJson = String(req.headers['content-type'] ?? '').includes('json');
      const params: Record<string, string> = isJson
        ? (JSON.parse(raw || '{}') as Record<string, string>)
        : Object.fromEntries(new URLSearchParams(raw));
      const action = isJson ? String(req.headers['x-amz-target'] ?? '').split('.').pop() : params.Action;
      if (this.faults?.strike('sms') !== undefined) return serviceUnavailable(isJson);
      if (action !== 'Publish' || !params.PhoneNumber || typeof params.Message !== 'string') {
        return { status: 400, body: errorBody(isJson, 'InvalidParameter', 'Only Publish to a PhoneNumber is emulated locally'), contentType: isJson ? 'application/json' : 'text/xml' };
      }
      const message = { to: params.PhoneNumber, text: params.Message, at: this.now().toISOString() };
      if (this.file) appendFileSync(this.file, `${JSON.stringify(message)}\n`);
      this.messages.push(message);
      // The console is a log: the text may carry a tracking code (查询码) or a number, as any log line may.
      this.echo(`SMS → ${maskPhone(message.to)}: ${maskTrackingCodes(maskPersonalNumbers(message.text))}`);
      const messageId = randomUUID();
      return isJson
        ? { status: 200, body: { MessageId: messageId } }
        : {
            status: 200,
            contentType: 'text/xml',
            body: `<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/"><PublishResult><MessageId>${messageId}</MessageId></PublishResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></PublishResponse>`,
          };
    };
  }

  to(phone?: string): OutboxMessage[] {
    if (!phone) return [...this.messages];
    const digits = phone.replace(/\D/g, '').slice(-11);
    return this.messages.filter((m) => m.to.replace(/\D/g, '').endsWith(digits));
  }
}

function errorBody(isJson: boolean, code: string, message: string): unknown {
  return isJson
    ? { __type: code, message }
    : `<ErrorResponse><Error><Type>Sender</Type><Code>${code}</Code><Message>${message}</Message></Error></ErrorResponse>`;
}
