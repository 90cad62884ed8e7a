/** Times as people in China read them: Beijing time, month-day hour:minute. */
const fmt = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });

export const when = (iso: string | undefined) => (iso ? fmt.format(new Date(iso)) : '—');

/** "还剩 5 小时" / "已超时 2 小时", from now (the local stack's virtual now where it runs one). */
export function timeLeft(dueIso: string | undefined, nowMs: number): { text: string; overdue: boolean } {
  if (!dueIso) return { text: '—', overdue: false };
  const ms = Date.parse(dueIso) - nowMs;
  const abs = Math.abs(ms);
  const span = abs >= 86_400_000 ? `${Math.round(abs / 86_400_000)} 天` : abs >= 3_600_000 ? `${Math.round(abs / 3_600_000)} 小时` : `${Math.max(1, Math.round(abs / 60_000))} 分钟`;
  return ms >= 0 ? { text: `还剩 ${span}`, overdue: false } : { text: `已超时 ${span}`, overdue: true };
}
