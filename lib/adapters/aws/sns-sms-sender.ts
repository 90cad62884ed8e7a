import { PublishCommand, type SNSClient } from '@aws-sdk/client-sns';
import type { SmsSender } from '../../ports/messaging';

/**
 * SMS through Amazon SNS. SNS cannot send SMS from the AWS China regions; there a domestic provider's
 * adapter implements the same SmsSender port.
 */
export class SnsSmsSender implements SmsSender {
  constructor(
    private readonly client: SNSClient,
    private readonly senderId?: string,
  ) {}

  async send(message: { to: string; text: string }): Promise<{ messageId: string }> {
    const out = await this.client.send(
      new PublishCommand({
        PhoneNumber: message.to,
        Message: message.text,
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          ...(this.senderId ? { 'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: this.senderId } } : {}),
        },
      }),
    );
    return { messageId: out.MessageId ?? 'unknown' };
  }
}
