import middy from '@middy/core';
import { sendDeferredSms } from '../../lib/use-cases/notify';
import { container, containerReady } from '../_shared/container';

/** 07:00 Asia/Shanghai: sends what quiet hours held back overnight. */
export const handler = middy().handler(async () => {
  await containerReady();
  return { sent: await sendDeferredSms(container()) };
});
