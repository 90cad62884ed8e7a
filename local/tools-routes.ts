import { toShanghaiIso } from '../lib/domain/case';
import { maskPhone } from '../lib/domain/phone';
import { maskPersonalNumbers, maskTrackingCodes } from '../lib/domain/redact';
import type { HistoryEvent, LocalStepFunctions } from './sfn/engine';
import type { OutboxMessage } from './sns-outbox';

/**
 * What the console's local tools (/tools/…) read from the local stack: the SMS outbox with every number
 * and tracking code masked, the executions of the local Step Functions service with ids only, and a
 * summary of what an advance of the clock set off. Nothing here hands out a phone number, a name, a
 * tracking code or a task token: the pages show what they are given.
 */

/** One SMS as the tools page shows it: the number masked (138****1234), codes and numbers in the text masked. */
export interface MaskedMessage {
  to: string;
  text: string;
  at: string;
}

export function maskedOutbox(messages: readonly OutboxMessage[]): MaskedMessage[] {
  return messages.map((m) => ({ to: maskPhone(m.to), text: maskTrackingCodes(maskPersonalNumbers(m.text)), at: m.at }));
}

type Execution = ReturnType<LocalStepFunctions['describe']>;

/** A key whose value is an id (caseId, wishId, visitId, id); a task token is no id to show. */
const ID_KEY = /^(id|[A-Za-z]*Id)$/;
const ID_VALUE = /^[\w.:#-]{1,64}$/;

/**
 * The ids in a JSON document (an execution's or a state's input or output), flattened to their key:
 * nothing else it carries is shown. A value that is not id-shaped is left out too.
 */
export function idsOnly(json: string | undefined): Record<string, string> {
  const ids: Record<string, string> = {};
  let value: unknown;
  try {
    value = JSON.parse(json ?? 'null');
  } catch {
    return ids;
  }
  const walk = (node: unknown, depth: number) => {
    if (depth > 4 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node.slice(0, 20)) walk(item, depth + 1);
      return;
    }
    for (const [key, v] of Object.entries(node as Record<string, unknown>)) {
      if (ID_KEY.test(key) && !/token/i.test(key) && (typeof v === 'string' || typeof v === 'number') && ID_VALUE.test(String(v))) ids[key] ??= String(v);
      else walk(v, depth + 1);
    }
  };
  walk(value, 0);
  return ids;
}

/** The state an execution is in (running) or ended in: the last state entered. */
function lastState(history: readonly HistoryEvent[]): string | undefined {
  for (let i = history.length - 1; i >= 0; i -= 1) {
    const entered = history[i]!.details.stateEnteredEventDetails as { name?: string } | undefined;
    if (entered?.name) return entered.name;
  }
  return undefined;
}

export interface ExecutionSummary {
  executionArn: string;
  name: string;
  stateMachine: string;
  status: string;
  state?: string;
  startedAt: string;
  stoppedAt?: string;
  events: number;
  ids: Record<string, string>;
}

function summary(execution: Execution, machineName: string): ExecutionSummary {
  const state = lastState(execution.history);
  return {
    executionArn: execution.executionArn,
    name: execution.name,
    stateMachine: machineName,
    status: execution.status,
    ...(state ? { state } : {}),
    startedAt: toShanghaiIso(execution.startDate),
    ...(execution.stopDate ? { stoppedAt: toShanghaiIso(execution.stopDate) } : {}),
    events: execution.history.length,
    ids: idsOnly(execution.input),
  };
}

function machineNames(sfn: LocalStepFunctions): Map<string, string> {
  return new Map(sfn.listStateMachines().map((m) => [m.stateMachineArn, m.name]));
}

/** Every execution of every state machine, the newest first. */
export function executionList(sfn: LocalStepFunctions): ExecutionSummary[] {
  const names = machineNames(sfn);
  return [...names.keys()]
    .flatMap((arn) => sfn.list(arn).map((e) => summary(e, names.get(arn)!)))
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt) || a.executionArn.localeCompare(b.executionArn));
}

/** One event of an execution's history as shown: its kind, the state it concerns, an error's name; ids only. */
export interface ShownEvent {
  id: number;
  type: string;
  at: string;
  state?: string;
  error?: string;
  ids?: Record<string, string>;
}

function shownEvent(event: HistoryEvent): ShownEvent {
  const detail = Object.values(event.details)[0] as Record<string, unknown> | undefined;
  const state = typeof detail?.name === 'string' ? detail.name : typeof detail?.stateName === 'string' ? detail.stateName : undefined;
  const error = typeof detail?.error === 'string' ? detail.error : undefined;
  const payload = [detail?.input, detail?.output].find((p): p is string => typeof p === 'string');
  const ids = payload ? idsOnly(payload) : {};
  return {
    id: event.id,
    type: event.type,
    at: toShanghaiIso(event.timestamp),
    ...(state ? { state } : {}),
    ...(error ? { error: error.slice(0, 80) } : {}),
    ...(Object.keys(ids).length ? { ids } : {}),
  };
}

/** One execution with its history; undefined for an ARN the service does not know. */
export function executionDetail(sfn: LocalStepFunctions, executionArn: string): (ExecutionSummary & { history: ShownEvent[]; outputIds: Record<string, string> }) | undefined {
  let execution: Execution;
  try {
    execution = sfn.describe(executionArn);
  } catch {
    return undefined;
  }
  const name = machineNames(sfn).get(execution.stateMachineArn) ?? execution.stateMachineArn.split(':').pop()!;
  return { ...summary(execution, name), outputIds: idsOnly(execution.output), history: execution.history.map(shownEvent) };
}

/** How the executions stood: each one's status and history length, by ARN. */
export function executionMarks(sfn: LocalStepFunctions): Map<string, string> {
  const marks = new Map<string, string>();
  for (const m of sfn.listStateMachines()) for (const e of sfn.list(m.stateMachineArn)) marks.set(e.executionArn, `${e.status}#${e.history.length}`);
  return marks;
}

export interface AdvanceSummary {
  timersFired: number;
  smsSent: number;
  executionsStarted: number;
  executionsChanged: number;
  executionsEnded: number;
}

/** What moved between two looks at the stack (before and after an advance of the clock). */
export function advanceSummary(
  before: { timersFired: number; sms: number; executions: Map<string, string> },
  after: { timersFired: number; sms: number; executions: Map<string, string> },
): AdvanceSummary {
  let started = 0;
  let changed = 0;
  let ended = 0;
  for (const [arn, mark] of after.executions) {
    const was = before.executions.get(arn);
    if (was === undefined) started += 1;
    else if (was !== mark) changed += 1;
    if (!mark.startsWith('RUNNING#') && (was === undefined || was.startsWith('RUNNING#'))) ended += 1;
  }
  return { timersFired: after.timersFired - before.timersFired, smsSent: after.sms - before.sms, executionsStarted: started, executionsChanged: changed, executionsEnded: ended };
}
