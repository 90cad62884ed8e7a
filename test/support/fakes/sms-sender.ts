import type { SmsSender } from '../../../lib/ports/messaging';

/** Records every SMS published, in order, and answers with a message id as the provider does. */
export class FakeSmsSender implements SmsSender {
  readonly sent: Array<{ to: string; text: string; messageId: string }> = [];

  async send(message: { to: string; text: string }): Promise<{ messageId: string }> {
    const messageId = `msg-${this.sent.length + 1}`;
    this.sent.push({ ...message, messageId });
    return { messageId };
  }
}
