import { shanghaiWallClock } from './calendar';
import type { ClosureCode, Rating } from './case';

/** One SMS segment holds 70 Chinese characters; every template here is written to fit in one. */
export const SMS_SEGMENT = 70;
const SIGNATURE = '【民情直通】';

/** A message as sent: every SMS of the service carries its signature, here and only here. */
export function sms(body: string): string {
  return `${SIGNATURE}${body}`;
}

// Made on first use: building a Segmenter loads ICU's break data, ~8 ms of every function's cold start.
let graphemes: Intl.Segmenter | undefined;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text with every lone surrogate replaced by U+FFFD (String#toWellFormed, which ES2023 lacks). */
export const wellFormed = (text: string) => text.replace(LONE_SURROGATE, '\uFFFD');

/**
 * Shortens free text to at most `maxUnits` UTF-16 code units (what an SMS segment counts), ellipsis
 * included, cutting only between graphemes: a split surrogate pair is not valid Unicode and the SMS
 * client rejects the whole message. Lone surrogates already in the input become U+FFFD.
 */
export function clip(text: string, maxUnits: number): string {
  const whole = wellFormed(text);
  if (whole.length <= maxUnits) return whole;
  let kept = '';
  graphemes ??= new Intl.Segmenter('zh', { granularity: 'grapheme' });
  for (const { segment } of graphemes.segment(whole)) {
    if (kept.length + segment.length > maxUnits - 1) break;
    kept += segment;
  }
  return `${kept}…`;
}

/**
 * The console's public base URL (`CONSOLE_URL`, no trailing slash) is at most this long: every text
 * that points to the console is written to fit one segment with a base this long (a longer one is
 * refused at cold start, lib/config.ts).
 */
export const CONSOLE_URL_MAX = 28;

/**
 * The console's address of a page, as a message carries it: the base and a short path that names an
 * id only, never a tracking code or a token (an SMS is read on a lock screen and forwarded).
 * Paths the console serves: `/grid/wishes/<wishId>` (a wish to vet), `/volunteer` (a volunteer's
 * visits), `/admin` (the centre), `/report` (a resident's new report).
 */
export function consoleLink(consoleUrl: string, path: string): string {
  return `${consoleUrl.replace(/\/+$/, '')}${path}`;
}

/** Names from reference data (grid, category, department) in a message: budgeted so every template fits. */
const NAME_UNITS = 10;
const name = (value: string) => clip(value, NAME_UNITS);

export const CLOSURE_LABEL: Record<ClosureCode, string> = {
  fixed: '已解决',
  'resolved-on-site': '已现场解决',
  'not-fixable': '暂无法解决，已说明原因',
  'not-responsible': '不属本平台职责，已告知办理渠道',
  duplicate: '与已有诉求重复，已合并',
  withdrawn: '已撤回',
  invalid: '经核实不成立',
};

export const RATING_LABEL: Record<Rating, string> = { satisfied: '满意', 'basically-satisfied': '基本满意', dissatisfied: '不满意' };

/**
 * A request to act by a time names it; one that would reach its reader after that time (held by quiet
 * hours) asks for it as soon as possible instead, which is still true in the morning.
 */
const by = (due: string | undefined) => (due ? `请于${due}前` : '请尽快');

export const smsText = {
  caseReceived: (ref: string, trackingCode: string) => sms(`已收到您的诉求，编号${ref}，查询码${trackingCode}。网格员将上门核实。`),
  gridCheckRequested: (ref: string, categoryName: string, gridName: string, due?: string) =>
    sms(`${name(gridName)}新诉求${ref}（${name(categoryName)}），${by(due)}到场核实。`),
  unroutedCase: (ref: string, categoryName: string) => sms(`诉求${ref}（${name(categoryName)}）无法定位网格，请中心分派核实。`),
  dispatched: (ref: string, categoryName: string, gridName: string, due?: string) =>
    sms(`派单${ref}（${name(categoryName)}，${name(gridName)}），${by(due)}签收。`),
  acceptedForReporter: (ref: string, departmentName: string, due?: string) =>
    sms(`您的诉求${ref}已由${name(departmentName)}受理，${due ? `预计${due}前办结` : '正在办理'}。`),
  acceptOverdue: (ref: string, departmentName: string) => sms(`吹哨：诉求${ref}派至${name(departmentName)}超时未签收，请督办。`),
  resolveReminder: (ref: string, due: string, nearDue: boolean) => sms(`提醒：诉求${ref}须于${due}前办结${nearDue ? '，即将到期' : '，时限已过半'}。`),
  resolveOverdue: (ref: string, departmentName: string) => sms(`督办：诉求${ref}（${name(departmentName)}）已超期未办结，请跟进。`),
  verifyRequested: (ref: string) => sms(`诉求${ref}部门已办结，请到场核查。`),
  reworkRequested: (ref: string) => sms(`诉求${ref}核查未通过，已退回返工，请尽快重新办理。`),
  stepOverdue: (ref: string, what: string) => sms(`督办：诉求${ref}${name(what)}超时，请跟进。`),
  feedbackRequested: (ref: string) => sms(`您的诉求${ref}已办结，请回复：1满意 2基本满意 3不满意。`),
  feedbackThanks: (ref: string, rating: Rating) =>
    sms(rating === 'dissatisfied' ? `收到您对${ref}的评价，已重新派单办理。` : `感谢您对${ref}的评价：${RATING_LABEL[rating]}。`),
  reopened: (ref: string, categoryName: string, gridName: string, due?: string) =>
    sms(`重办：群众对${ref}（${name(categoryName)}，${name(gridName)}）不满意，${by(due)}签收。`),
  centreReview: (ref: string) => sms(`诉求${ref}群众多次不满意，请中心研判处理。`),
  closed: (ref: string, code: ClosureCode) => sms(`您的诉求${ref}已办结：${CLOSURE_LABEL[code]}。`),
  merged: (ref: string, original: string) => sms(`您的诉求${ref}与在办诉求${original}相同，已合并，办结后通知您。`),
  replyHelp: (ref: string) => sms(`请回复数字评价诉求${ref}：1满意 2基本满意 3不满意。`),
  nothingToRate: (consoleUrl?: string) =>
    sms(consoleUrl ? `未找到待您评价的诉求。反映问题请拨打12345或访问${consoleLink(consoleUrl, '/report')}` : '未找到待您评价的诉求。如需反映问题，请访问民情直通网站或拨打12345。'),
  optedOut: () => sms('已退订通知短信，紧急通知仍会发送。回复“订阅”可恢复。'),
  optedIn: () => sms('已恢复通知短信。回复“退订”可停止接收。'),
};

/** Asia/Shanghai wall time as "11月23日14:05", short enough for a message. */
export function shortLocalTime(at: Date): string {
  const local = shanghaiWallClock(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local.getUTCMonth() + 1}月${local.getUTCDate()}日${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}`;
}
