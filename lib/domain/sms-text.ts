/** One SMS segment holds 70 Chinese characters; every template here is written to fit in one. */
export const SMS_SEGMENT = 70;
const SIGNATURE = '【民情直通】';

function sms(body: string): string {
  return `${SIGNATURE}${body}`;
}

export const smsText = {
  caseReceived: (ref: string, trackingCode: string) =>
    sms(`已收到您的诉求，编号${ref}，查询码${trackingCode}。网格员将上门核实。`),
  gridCheckRequested: (ref: string, categoryName: string, gridName: string, dueLocal: string) =>
    sms(`${gridName}新诉求${ref}（${categoryName}），请于${dueLocal}前到场核实。`),
};

/** Asia/Shanghai wall time as "11月23日14:05", short enough for a message. */
export function shortLocalTime(at: Date): string {
  const local = new Date(at.getTime() + 8 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
