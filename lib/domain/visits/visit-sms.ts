import { consoleLink, shortLocalTime, sms } from '../sms-text';

/** Visit messages: plain Chinese, one segment, the visit id as reference (no names or addresses). */
export const visitSms = {
  dayBefore: (visitId: string, start: Date) => sms(`提醒：明天${shortLocalTime(start).slice(-5)}有一次临时儿女探访（${visitId}），到达后回复“到”签到。`),
  shortlyBefore: (visitId: string, start: Date) => sms(`探访${visitId}将于${shortLocalTime(start).slice(-5)}开始，到达后回复“到”签到。`),
  missedToBackup: (visitId: string) => sms(`探访${visitId}未按时签到，请您作为备岗尽快联系老人，到达后回复“到”。`),
  missedToGridWorker: (visitId: string) => sms(`探访${visitId}未按时签到，已通知备岗志愿者，请30分钟内联系老人。`),
  emergencyContact: (visitId: string) => sms(`您的家人今日探访${visitId}未能联系上，社区已启动上门查看，请尽快联系老人。`),
  /** The answer to `到`: with the console's page where the volunteer checks out (the visit is the one they just checked in to). */
  checkedIn: (visitId: string, consoleUrl?: string) =>
    sms(consoleUrl ? `探访已签到，离开时请签退并填写老人情况：${consoleLink(consoleUrl, '/volunteer')}` : `探访${visitId}已签到，离开时请登录民情直通签退并填写老人情况。`),
  nothingToCheckIn: () => sms('未找到您当前可签到的探访。'),
  rosterUncovered: (weekId: string, count: number) => sms(`${weekId}起一周有${count}位独居老人未能排上探访志愿者，请协调。`),
};
