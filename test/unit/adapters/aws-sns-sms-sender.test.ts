import { InvalidParameterException, PublishCommand, SNSClient, ThrottledException } from '@aws-sdk/client-sns';
import { mockClient } from 'aws-sdk-client-mock';
import { resetAroundEachTest } from '../../support/aws-mock';
import { SnsSmsSender } from '../../../lib/adapters/aws/sns-sms-sender';

// SNS has no local stand-in that checks what is published (the local stack replaces this adapter with
// its outbox), so what the adapter asks of SNS is checked against a mocked client.
describe('SnsSmsSender', () => {
  const client = new SNSClient({ region: 'cn-north-1' });
  const sns = resetAroundEachTest(mockClient(client));

  it('publishes to the phone number as a transactional SMS with the sender id, and answers with the message id', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'msg-1' });

    const out = await new SnsSmsSender(client, 'MINQING').send({ to: '+8613800138000', text: '【民情直通】您的诉求已受理。' });

    expect(out).toEqual({ messageId: 'msg-1' });
    expect(sns.commandCalls(PublishCommand).map((call) => call.args[0].input)).toEqual([
      {
        PhoneNumber: '+8613800138000',
        Message: '【民情直通】您的诉求已受理。',
        MessageAttributes: {
          'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
          'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'MINQING' },
        },
      },
    ]);
  });

  it('sends no sender id attribute when none is configured (regions without sender ids)', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'msg-2' });

    await new SnsSmsSender(client).send({ to: '+8613800138000', text: '【民情直通】测试' });

    expect(sns.commandCalls(PublishCommand)[0]!.args[0].input.MessageAttributes).toEqual({
      'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
    });
  });

  it('names a message SNS accepted without an id "unknown" rather than failing a send that happened', async () => {
    sns.on(PublishCommand).resolves({});

    expect(await new SnsSmsSender(client).send({ to: '+8613800138000', text: '【民情直通】测试' })).toEqual({ messageId: 'unknown' });
  });

  it.each([
    ['a throttled publish', new ThrottledException({ message: 'Rate exceeded', $metadata: {} })],
    ['a refused number', new InvalidParameterException({ message: 'Invalid parameter: PhoneNumber', $metadata: {} })],
  ])('lets %s reach the delivery unchanged, so it releases its claim and the queue redelivers', async (_, error) => {
    sns.on(PublishCommand).rejects(error);

    await expect(new SnsSmsSender(client).send({ to: '+8613800138000', text: '【民情直通】测试' })).rejects.toBe(error);
  });
});
