import middy from '@middy/core';
import { sendDeferredSms } from '../../lib/use-cases/notify';
import { container } from '../_shared/container';

/** 07:00 Asia/Shanghai: sends what quiet hours held back overnight. */
export const handler = middy().handler(async () => ({ sent: await sendDeferredSms(container()) }));
