import { clip, consoleLink, sms, SMS_SEGMENT } from '../sms-text';

/** Wish messages: the wish code as reference, the title shortened; never the beneficiary's details. */
const short = (title: string) => clip(title, 11);

export const wishSms = {
  /** To the grid worker, with the console's page of the wish (the title as far as the link leaves room). */
  vetRequested: (wishId: string, title: string, consoleUrl?: string) => {
    if (!consoleUrl) return sms(`新微心愿${wishId}（${short(title)}）待您核实，请登录民情直通审核。`);
    const link = consoleLink(consoleUrl, `/grid/wishes/${wishId}`);
    const room = SMS_SEGMENT - sms(`新微心愿${wishId}待核实：${link}`).length - 2;
    return sms(`新微心愿${wishId}${room >= 3 ? `（${clip(title, Math.min(room, 11))}）` : ''}待核实：${link}`);
  },
  rejected: (wishId: string) => sms(`您的微心愿${wishId}经核实暂未发布，网格员会与您联系说明。`),
  published: (wishId: string) => sms(`您的微心愿${wishId}已发布，有人认领后会通知您。`),
  suggestion: (wishId: string, title: string, gridName: string) => sms(`微心愿${wishId}（${short(title)}，${clip(gridName, 10)}）需要您，回复${wishId}即可认领。`),
  claimed: (wishId: string, days: number) => sms(`您已认领微心愿${wishId}，请${days}天内联系网格员对接，并在截止前完成。`),
  contactReminder: (wishId: string) => sms(`提醒：您认领的微心愿${wishId}尚未对接，请尽快联系网格员。`),
  fulfilReminder: (wishId: string, deadline: string) => sms(`提醒：您认领的微心愿${wishId}须于${deadline}前完成。`),
  released: (wishId: string) => sms(`微心愿${wishId}因超期未完成已释放给其他志愿者，感谢您的关注。`),
  confirmRequested: (wishId: string) => sms(`微心愿${wishId}已完成，请到场确认受助人已收到。`),
  thanks: (wishId: string, points: number) => sms(`微心愿${wishId}已圆梦，感谢您的爱心！已记${points}志愿积分。`),
  expired: (wishId: string) => sms(`微心愿${wishId}到期未能圆梦，已关闭，网格员会继续跟进。`),
  withdrawn: (wishId: string) => sms(`微心愿${wishId}已由受助方撤回，感谢您的爱心，积分不受影响。`),
  confirmByReply: (wishId: string) => sms(`您的微心愿${wishId}已有志愿者完成，如已收到请回复“收到”。`),
  confirmedThanks: (wishId: string) => sms(`已确认您收到微心愿${wishId}，祝您生活顺心。`),
  claimFailed: (wishId: string) => sms(`微心愿${wishId}已被认领满或已关闭，感谢您的爱心。`),
};
