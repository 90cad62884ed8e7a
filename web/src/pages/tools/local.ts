import { problemFrom } from '../../api/problem';
import { config } from '../../config';
import type { NavItem } from '../../shell';

/**
 * The local stack's own routes (/local/…), which are not part of the API's OpenAPI document: read with
 * fetch, a failure turned into the same Chinese sentence as the API's. They exist only where the local
 * stack serves the console (config().localTools).
 */
export async function local<T>(path: string, init?: { method: 'POST'; body: unknown }): Promise<T> {
  const res = await fetch(`${config().apiBase || location.origin}${path}`, {
    method: init?.method ?? 'GET',
    cache: 'no-store',
    ...(init ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(init.body) } : {}),
  });
  const body: unknown = await res.json().catch(() => undefined);
  if (!res.ok) throw problemFrom(res.status, body);
  return body as T;
}

/** The tools' tabs. */
export const toolsNav: NavItem[] = [
  { to: '/tools/outbox', label: '短信' },
  { to: '/tools/clock', label: '时钟' },
  { to: '/tools/executions', label: '流程' },
];

/** An SMS as GET /local/outbox?masked=1 answers it: the number and any code in the text already masked. */
export interface MaskedMessage {
  to: string;
  text: string;
  at: string;
}

export interface ExecutionSummary {
  executionArn: string;
  name: string;
  stateMachine: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';
  state?: string;
  startedAt: string;
  stoppedAt?: string;
  events: number;
  ids: Record<string, string>;
}

export interface ShownEvent {
  id: number;
  type: string;
  at: string;
  state?: string;
  error?: string;
  ids?: Record<string, string>;
}

export type ExecutionDetail = ExecutionSummary & { history: ShownEvent[]; outputIds: Record<string, string> };

export interface AdvanceAnswer {
  now: string;
  fired: { timersFired: number; smsSent: number; executionsStarted: number; executionsChanged: number; executionsEnded: number };
}

export const STATUS: Record<ExecutionSummary['status'], { text: string; cls: string }> = {
  RUNNING: { text: '运行中', cls: 'badge' },
  SUCCEEDED: { text: '已完成', cls: 'badge ok' },
  FAILED: { text: '失败', cls: 'badge overdue' },
  TIMED_OUT: { text: '超时', cls: 'badge overdue' },
  ABORTED: { text: '已中止', cls: 'badge overdue' },
};

/** The state machines by the names serverless.yml gives them (…-case-lifecycle): what each one is. */
export function machineLabel(name: string): string {
  const known: Array<[RegExp, string]> = [
    [/case-lifecycle$/, '诉求办理'],
    [/companion-visit$/, '临时儿女探访'],
    [/wish-matching$/, '微心愿匹配'],
    [/wish$/, '微心愿'],
    [/weekly-roster$/, '每周排班'],
    [/reconcile$/, '巡检修复'],
  ];
  const label = known.find(([re]) => re.test(name))?.[1];
  return label ? `${label}（${name.replace(/^.*-local-/, '')}）` : name;
}
