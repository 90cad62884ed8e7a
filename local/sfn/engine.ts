import { randomBytes } from 'node:crypto';
import { StateMachine } from 'aws-local-stepfunctions';
import { Activity } from '../activity';
import type { VirtualClock } from '../clock';
import { HEARTBEAT_KEY, prepareDefinition, STATE_INPUT_KEY, TIMEOUT_KEY, TOKEN_PLACEHOLDER, type PreparedDefinition } from './definition';
import { noJournal, type ExecutionJournal, type JournalEntry, type Outcome, type PauseWait } from './journal';
import { validateOnce } from './validation-cache';

/** An error as the Step Functions API reports it (`ExecutionAlreadyExists`, `TaskTimedOut`, …). */
export class SfnApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = code;
  }
}

/** An error raised inside a running execution, matched by Retry/Catch on its name. */
class StatesError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export type Invoke = (functionArn: string, payload: unknown) => Promise<unknown>;

type Status = 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'TIMED_OUT' | 'ABORTED';

export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: Date;
  type: string;
  details: Record<string, unknown>;
}

interface Execution {
  executionArn: string;
  stateMachineArn: string;
  name: string;
  input: string;
  status: Status;
  startDate: Date;
  stopDate?: Date;
  output?: string;
  error?: string;
  cause?: string;
  history: HistoryEvent[];
  abort?: () => void;
  tokens: Set<string>;
  /** Waits this execution is blocked on (0 or 1: waits in branches are refused). */
  waiting: number;
  timers: Set<number>;
  /** Settle whatever the interpreter still awaits, so it clears its own timers when the execution ends. */
  cancellers: Set<() => void>;
  /** After a restart: the pause to continue from, taken by the first run of that state. */
  resume?: Resume;
  /** After a restart: the state whose re-entry is not history (it was entered before the restart). */
  reentered?: string;
}

interface Resume {
  state: string;
  wait: PauseWait;
  handedOut: boolean;
  outcome?: Outcome;
}

/** The last pause read back from the journal, with the raw input its state is re-entered with. */
type RestoredPause = Resume & { stateInput: unknown };

type TokenWait = Extract<PauseWait, { kind: 'token' }>;

interface PendingTask {
  token: string;
  executionArn: string;
  stateName: string;
  resolve: (output: unknown) => void;
  reject: (err: Error) => void;
  timeoutTimer?: number;
  heartbeatTimer?: number;
  heartbeatSeconds?: number | undefined;
  /** Whether the execution counts as waiting on this task (set once the handing-out Lambda returned). */
  waiting: boolean;
  /** Answered (or timed out) already, possibly while the handing-out Lambda was still running. */
  settled: boolean;
}

/** As on AWS, a finished Standard execution's history (and its name) is kept 90 days. */
const HISTORY_RETENTION_MS = 90 * 86400_000;

const HISTORY_DETAIL_KEYS: Record<string, string> = {
  StateEntered: 'stateEnteredEventDetails',
  StateExited: 'stateExitedEventDetails',
};

/**
 * A Step Functions service for one process: state machines from serverless.yml run on the
 * aws-local-stepfunctions interpreter, Lambda tasks call handlers in-process with AWS's
 * `{Payload, StatusCode}` envelope, task tokens are issued and honoured, and every wait or timeout
 * runs on the virtual clock. Each execution counts in the stack's `activity` while it does work (not
 * while it waits), so the clock can tell when the system has settled. With a file journal every execution survives a restart of the process:
 * `restore()` continues each RUNNING one from its last pause with the same token and timers.
 */
export class LocalStepFunctions {
  private readonly machines = new Map<string, { name: string; prepared: PreparedDefinition; createdAt: Date }>();
  private readonly executions = new Map<string, Execution>();
  private readonly pendingTasks = new Map<string, PendingTask>();
  /** Tokens whose task already finished or timed out: AWS answers TaskTimedOut for them. */
  private readonly spentTokens = new Set<string>();

  constructor(
    private readonly clock: VirtualClock,
    private readonly invoke: Invoke,
    private readonly region: string,
    private readonly account: string,
    private journal: ExecutionJournal = noJournal,
    private readonly activity: Activity = new Activity(),
  ) {}

  /** An execution starts or resumes doing work (`1`), or stops: it waits, or it ended (`-1`). */
  private working(delta: 1 | -1): void {
    if (delta === 1) this.activity.begin();
    else this.activity.end();
  }

  /** Validates the definition once (see validation-cache.ts); executions reuse it unvalidated. */
  register(arn: string, name: string, definition: Record<string, unknown>): void {
    const prepared = prepareDefinition(definition);
    validateOnce(prepared.definition, () => new StateMachine(prepared.definition as never, { validationOptions: { checkArn: false } }));
    this.machines.set(arn, { name, prepared, createdAt: this.clock.now() });
  }

  /**
   * Reads back every execution the journal holds: finished ones keep their history and reserve their
   * names for 90 days, then are dropped; RUNNING ones continue from their last pause (a token still waits on the same token with its
   * timers at the same virtual times; an answered task or a finished Wait moves on with its outcome).
   */
  restore(): { running: number; finished: number } {
    let running = 0;
    for (const { executionArn, entries } of this.journal.load()) {
      const { execution, resume } = this.readBack(executionArn, entries);
      if (execution.stopDate && this.clock.nowMs() - execution.stopDate.getTime() > HISTORY_RETENTION_MS) {
        this.journal.forget(executionArn);
        continue;
      }
      this.executions.set(executionArn, execution);
      if (resume?.wait.kind === 'token' && (resume.outcome || execution.status !== 'RUNNING')) this.spentTokens.add(resume.wait.token);
      if (execution.status !== 'RUNNING') continue;
      const machine = this.machines.get(execution.stateMachineArn);
      if (!machine || (resume && !(resume.state in machine.prepared.definition.States))) {
        this.finish(execution, { status: 'FAILED', error: 'States.Runtime', cause: 'the state machine changed while this execution was stopped; it cannot continue here' }, false);
        continue;
      }
      running += 1;
      if (!resume) {
        this.run(execution, machine.prepared, JSON.parse(execution.input));
        continue;
      }
      const { stateInput, ...pause } = resume;
      execution.resume = pause;
      execution.reentered = pause.state;
      this.run(execution, machine.prepared, stateInput, pause.state);
    }
    return { running, finished: [...this.executions.values()].filter((e) => e.status !== 'RUNNING').length };
  }

  /** One execution as its journal left it, and the pause it was last in (if any). */
  private readBack(executionArn: string, entries: JournalEntry[]): { execution: Execution; resume: RestoredPause | undefined } {
    const start = entries[0] as Extract<JournalEntry, { k: 'start' }>;
    const execution = this.blankExecution(executionArn, start.stateMachineArn, start.name, start.input, new Date(start.startMs));
    let resume: RestoredPause | undefined;
    const current = (token: string) => resume?.wait.kind === 'token' && resume.wait.token === token;
    for (const entry of entries) {
      if (entry.k === 'event') execution.history.push({ ...entry.event, timestamp: new Date(entry.event.timestampMs) });
      else if (entry.k === 'pause') {
        if (resume?.wait.kind === 'token') this.spentTokens.add(resume.wait.token);
        resume = { state: entry.state, wait: entry.wait, handedOut: false, stateInput: entry.stateInput };
      } else if (entry.k === 'handed-out' && current(entry.token)) resume!.handedOut = true;
      else if (entry.k === 'heartbeat' && current(entry.token)) (resume!.wait as TokenWait).heartbeatDueMs = entry.dueMs;
      else if (entry.k === 'outcome' && resume && !resume.outcome) resume.outcome = entry.outcome;
      else if (entry.k === 'end') Object.assign(execution, { status: entry.status, output: entry.output, error: entry.error, cause: entry.cause, stopDate: new Date(entry.stopMs) });
    }
    return { execution, resume };
  }

  private blankExecution(executionArn: string, stateMachineArn: string, name: string, input: string, startDate: Date): Execution {
    return { executionArn, stateMachineArn, name, input, status: 'RUNNING', startDate, history: [], tokens: new Set(), waiting: 0, timers: new Set(), cancellers: new Set() };
  }

  listStateMachines() {
    return [...this.machines.entries()].map(([arn, m]) => ({ stateMachineArn: arn, name: m.name, type: 'STANDARD', creationDate: m.createdAt }));
  }

  startExecution(stateMachineArn: string, name: string | undefined, input = '{}'): { executionArn: string; startDate: Date } {
    const machine = this.machines.get(stateMachineArn);
    if (!machine) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    const execName = name ?? randomBytes(16).toString('hex');
    if (!/^[A-Za-z0-9_-]{1,80}$/.test(execName)) throw new SfnApiError('InvalidName', `Invalid Name: '${execName}'`);
    let parsedInput: unknown;
    try {
      parsedInput = JSON.parse(input);
    } catch {
      throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: not valid JSON');
    }
    const executionArn = `arn:aws:states:${this.region}:${this.account}:execution:${machine.name}:${execName}`;
    const existing = this.executions.get(executionArn);
    if (existing) {
      // As on AWS: the same name and input while running returns the original; anything else is refused.
      if (existing.status === 'RUNNING' && existing.input === input) return { executionArn, startDate: existing.startDate };
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${executionArn}'`);
    }
    const execution = this.blankExecution(executionArn, stateMachineArn, execName, input, this.clock.now());
    this.executions.set(executionArn, execution);
    this.journal.append(executionArn, { k: 'start', executionArn, stateMachineArn, name: execName, input, startMs: execution.startDate.getTime() });
    this.record(execution, 'ExecutionStarted', { executionStartedEventDetails: { input, roleArn: 'local' } });
    this.run(execution, machine.prepared, parsedInput);
    return { executionArn, startDate: execution.startDate };
  }

  private run(execution: Execution, prepared: PreparedDefinition, input: unknown, startAt?: string): void {
    const overrides: Record<string, (input: any) => Promise<any>> = {};
    const retryIntervalOverrides: Record<string, number> = {};
    for (const [stateName, task] of prepared.tasks) {
      retryIntervalOverrides[stateName] = 0;
      overrides[stateName] =
        task.kind === 'wait'
          ? (params) => this.waitOnClock(execution, stateName, params)
          : task.kind === 'token'
            ? (params) => this.waitForToken(execution, stateName, params)
            : (params) => this.invokeLambda(execution, stateName, params);
    }
    const definition = startAt ? { ...prepared.definition, StartAt: startAt } : prepared.definition;
    const machine = new StateMachine(definition as never, { validationOptions: { noValidate: true } });
    const context = {
      Execution: { Id: execution.executionArn, Name: execution.name, StartTime: execution.startDate.toISOString(), Input: input, RoleArn: 'local' },
      StateMachine: { Id: execution.stateMachineArn, Name: this.machines.get(execution.stateMachineArn)!.name },
    };
    // Counted as working before the interpreter starts: it runs up to the first wait synchronously.
    this.working(1);
    const run = machine.run(input as never, { overrides: { taskResourceLocalHandlers: overrides, retryIntervalOverrides }, context: context as never });
    execution.abort = run.abort;
    const collected = this.collectEvents(execution, run.eventLogs);
    // The interpreter's event log trails its result: read it to its end (the interpreter closes it on
    // every way an execution ends: success, failure, abort, timeout) so the history stays in order.
    const drained = <T>(value: T) => collected.then(() => value);
    run.result.then(drained, (err) => drained(Promise.reject(err))).then(
      (output) => this.finish(execution, { status: 'SUCCEEDED', output: JSON.stringify(output ?? null) }),
      (err: Error & { cause?: { name?: string; message?: string } }) => {
        if (execution.status === 'ABORTED') return this.finish(execution, { status: 'ABORTED' });
        const inner = err.cause && typeof err.cause === 'object' ? err.cause : err;
        this.finish(execution, { status: 'FAILED', error: inner.name ?? 'States.Runtime', cause: inner.message ?? String(err) });
      },
    );
  }

  private async collectEvents(execution: Execution, events: AsyncGenerator<any>): Promise<void> {
    try {
      for await (const event of events) {
        const kind = String(event.type);
        if (kind === 'StateEntered' && event.state?.name === execution.reentered) {
          execution.reentered = undefined;
          continue;
        }
        if (kind in HISTORY_DETAIL_KEYS && event.state) {
          const verb = kind === 'StateEntered' ? 'Entered' : 'Exited';
          const payload = kind === 'StateEntered' ? { input: JSON.stringify(event.state.input ?? null) } : { output: JSON.stringify(event.state.output ?? null) };
          this.record(execution, `${event.state.type}State${verb}`, { [HISTORY_DETAIL_KEYS[kind]!]: { name: event.state.name, ...payload } });
        } else if (kind === 'StateRetried' || kind === 'StateCaught' || kind === 'StateFailed') {
          this.record(execution, kind, { name: event.state?.name, error: event.Error, cause: typeof event.Cause === 'string' ? event.Cause : undefined });
        }
      }
    } catch {
      // The log ends when the execution does; a failure here must not affect the execution.
    }
  }

  private finish(execution: Execution, outcome: { status: Status; output?: string; error?: string; cause?: string }, wasRunning = true): void {
    if (execution.stopDate) return;
    if (execution.waiting === 0 && wasRunning) this.working(-1);
    execution.waiting = 0;
    for (const timer of execution.timers) this.clock.cancel(timer);
    for (const cancel of execution.cancellers) cancel();
    Object.assign(execution, outcome, { stopDate: this.clock.now() });
    for (const token of execution.tokens) this.dropTask(token);
    const { status, output, error, cause } = execution;
    this.journal.append(execution.executionArn, { k: 'end', status, output, error, cause, stopMs: execution.stopDate!.getTime() });
    const type = { SUCCEEDED: 'ExecutionSucceeded', FAILED: 'ExecutionFailed', ABORTED: 'ExecutionAborted', TIMED_OUT: 'ExecutionTimedOut', RUNNING: '' }[outcome.status];
    const details =
      outcome.status === 'SUCCEEDED'
        ? { executionSucceededEventDetails: { output: outcome.output } }
        : outcome.status === 'FAILED'
          ? { executionFailedEventDetails: { error: outcome.error, cause: outcome.cause } }
          : {};
    this.record(execution, type, details);
  }

  private record(execution: Execution, type: string, details: Record<string, unknown>): void {
    const id = execution.history.length + 1;
    const timestamp = this.clock.now();
    execution.history.push({ id, previousEventId: id - 1, timestamp, type, details });
    this.journal.append(execution.executionArn, { k: 'event', event: { id, previousEventId: id - 1, timestampMs: timestamp.getTime(), type, details } });
  }

  /** The pause a restarted execution continues from, if this state is it. */
  private takeResume(execution: Execution, stateName: string): Resume | undefined {
    const resume = execution.resume;
    if (resume?.state !== stateName) return undefined;
    execution.resume = undefined;
    return resume;
  }

  private noteOutcome(execution: Execution, stateName: string, outcome: Outcome): void {
    this.journal.append(execution.executionArn, { k: 'outcome', state: stateName, outcome });
  }

  private async invokeLambda(execution: Execution, stateName: string, params: any): Promise<unknown> {
    this.record(execution, 'TaskScheduled', { taskScheduledEventDetails: { resourceType: 'lambda', resource: 'invoke', region: this.region, parameters: JSON.stringify(params) } });
    try {
      const payload = await this.invoke(String(params.FunctionName), params.Payload ?? {});
      this.record(execution, 'TaskSucceeded', { taskSucceededEventDetails: { resourceType: 'lambda', resource: 'invoke', output: JSON.stringify(payload ?? null) } });
      // The envelope the optimized integration returns on AWS; ASL reads `$.Payload`.
      return { ExecutedVersion: '$LATEST', Payload: payload ?? null, StatusCode: 200 };
    } catch (err) {
      const e = err as Error;
      this.record(execution, 'TaskFailed', { taskFailedEventDetails: { error: e.name, cause: JSON.stringify({ errorType: e.name, errorMessage: e.message }), stateName } });
      throw new StatesError(e.name || 'Error', JSON.stringify({ errorType: e.name, errorMessage: e.message }));
    }
  }

  private waitOnClock(execution: Execution, stateName: string, params: { seconds?: number; timestamp?: string; [STATE_INPUT_KEY]?: unknown }): Promise<null> {
    const resume = this.takeResume(execution, stateName);
    if (resume?.outcome) return Promise.resolve(null);
    const dueMs =
      resume?.wait.kind === 'wait'
        ? resume.wait.dueMs
        : params.timestamp !== undefined
          ? new Date(params.timestamp).getTime()
          : this.clock.nowMs() + Number(params.seconds ?? 0) * 1000;
    if (Number.isNaN(dueMs)) return Promise.reject(new StatesError('States.Runtime', `Wait "${stateName}" has an invalid timestamp`));
    // As on AWS, a wait whose time has already come continues at once.
    if (dueMs <= this.clock.nowMs()) {
      if (resume) this.noteOutcome(execution, stateName, { output: null });
      return Promise.resolve(null);
    }
    if (!resume) this.journal.append(execution.executionArn, { k: 'pause', state: stateName, stateInput: params[STATE_INPUT_KEY], wait: { kind: 'wait', dueMs } });
    return new Promise((resolve) => {
      this.enterWait(execution);
      const cancel = () => resolve(null);
      execution.cancellers.add(cancel);
      const timer = this.clock.schedule(dueMs, `${execution.name}: ${stateName}`, () => {
        execution.timers.delete(timer);
        execution.cancellers.delete(cancel);
        this.noteOutcome(execution, stateName, { output: null });
        this.leaveWait(execution);
        resolve(null);
      });
      execution.timers.add(timer);
    });
  }

  private enterWait(execution: Execution): void {
    if (execution.stopDate) return;
    execution.waiting += 1;
    this.working(-1);
  }

  private leaveWait(execution: Execution): void {
    if (execution.stopDate) return;
    execution.waiting -= 1;
    this.working(1);
  }

  private async waitForToken(execution: Execution, stateName: string, rawParams: Record<string, unknown>): Promise<unknown> {
    const { [TIMEOUT_KEY]: timeoutSeconds, [HEARTBEAT_KEY]: heartbeatSeconds, [STATE_INPUT_KEY]: stateInput, ...params } = rawParams;
    const resume = this.takeResume(execution, stateName);
    if (resume?.outcome) {
      if ('output' in resume.outcome) return resume.outcome.output;
      throw new StatesError(resume.outcome.error, resume.outcome.cause);
    }
    let wait: TokenWait;
    if (resume?.wait.kind === 'token') wait = resume.wait;
    else {
      const now = this.clock.nowMs();
      wait = {
        kind: 'token',
        token: `AQ${randomBytes(48).toString('base64url')}`,
        ...(typeof timeoutSeconds === 'number' ? { timeoutDueMs: now + timeoutSeconds * 1000 } : {}),
        ...(typeof heartbeatSeconds === 'number' ? { heartbeatSeconds, heartbeatDueMs: now + heartbeatSeconds * 1000 } : {}),
      };
      // Written down before any Lambda sees the token: whatever it stores, a restart still honours.
      this.journal.append(execution.executionArn, { k: 'pause', state: stateName, stateInput, wait });
    }
    const { token } = wait;
    let pending!: PendingTask;
    const outcome = new Promise<unknown>((resolve, reject) => {
      pending = { token, executionArn: execution.executionArn, stateName, resolve, reject, waiting: false, settled: false, heartbeatSeconds: wait.heartbeatSeconds };
      execution.cancellers.add(() => reject(new StatesError('States.Runtime', 'execution ended')));
      this.pendingTasks.set(token, pending);
      execution.tokens.add(token);
      if (wait.timeoutDueMs !== undefined) {
        pending.timeoutTimer = this.clock.schedule(wait.timeoutDueMs, `${execution.name}: ${stateName} timeout`, () => this.timeOut(token));
      }
      if (wait.heartbeatDueMs !== undefined) this.armHeartbeat(pending, wait.heartbeatDueMs);
    });
    // If the hand-out fails, nobody awaits this promise when the execution's end rejects it.
    outcome.catch(() => undefined);
    if (!resume?.handedOut) {
      // The invocation that hands the token out runs first; if it fails, the task fails with its error.
      const withToken = JSON.parse(JSON.stringify(params).split(TOKEN_PLACEHOLDER).join(token));
      try {
        await this.invokeLambda(execution, stateName, withToken);
      } catch (err) {
        // Answered already (the Lambda replayed a recorded decision, then its own answer was lost): the
        // task is over, as on AWS, where the callback wins over the invocation's fate.
        if (pending.settled) return outcome;
        this.dropTask(token);
        throw err;
      }
      this.journal.append(execution.executionArn, { k: 'handed-out', token });
    }
    // Still waiting: not answered or timed out during the hand-out, nor dropped by the execution's end.
    if (!pending.settled && this.pendingTasks.has(token)) {
      pending.waiting = true;
      this.enterWait(execution);
    }
    return outcome;
  }

  /**
   * The execution resumes the moment its task is answered: counted busy at once, not a tick later,
   * so the clock never mistakes the gap before the next state for quiet.
   */
  private settle(pending: PendingTask): void {
    pending.settled = true;
    if (pending.waiting) {
      pending.waiting = false;
      this.leaveWait(this.executions.get(pending.executionArn)!);
    }
  }

  private armHeartbeat(pending: PendingTask, dueMs: number): void {
    if (pending.heartbeatTimer !== undefined) this.clock.cancel(pending.heartbeatTimer);
    pending.heartbeatTimer = this.clock.schedule(dueMs, `${pending.stateName} heartbeat`, () => this.timeOut(pending.token));
  }

  private timeOut(token: string): void {
    const pending = this.pendingTasks.get(token);
    if (!pending) return;
    const execution = this.executions.get(pending.executionArn)!;
    this.record(execution, 'TaskTimedOut', { taskTimedOutEventDetails: { error: 'States.Timeout', stateName: pending.stateName } });
    this.noteOutcome(execution, pending.stateName, { error: 'States.Timeout', cause: 'Task timed out' });
    this.dropTask(token);
    this.settle(pending);
    pending.reject(new StatesError('States.Timeout', 'Task timed out'));
  }

  private dropTask(token: string): void {
    const pending = this.pendingTasks.get(token);
    if (!pending) return;
    if (pending.timeoutTimer !== undefined) this.clock.cancel(pending.timeoutTimer);
    if (pending.heartbeatTimer !== undefined) this.clock.cancel(pending.heartbeatTimer);
    this.pendingTasks.delete(token);
    this.spentTokens.add(token);
  }

  private takeTask(token: string | undefined): PendingTask {
    if (!token || token.length > 1024) throw new SfnApiError('InvalidToken', 'Invalid Token');
    const pending = this.pendingTasks.get(token);
    if (pending) return pending;
    if (this.spentTokens.has(token)) throw new SfnApiError('TaskTimedOut', 'Task Timed Out');
    throw new SfnApiError('InvalidToken', 'Invalid Token');
  }

  sendTaskSuccess(token: string | undefined, output: string | undefined): void {
    const pending = this.takeTask(token);
    let parsed: unknown;
    try {
      parsed = JSON.parse(output ?? '');
    } catch {
      throw new SfnApiError('InvalidOutput', 'Invalid Output: not valid JSON');
    }
    const execution = this.executions.get(pending.executionArn)!;
    this.record(execution, 'TaskSucceeded', { taskSucceededEventDetails: { resourceType: 'lambda', resource: 'invoke.waitForTaskToken', output } });
    this.noteOutcome(execution, pending.stateName, { output: parsed });
    this.dropTask(pending.token);
    this.settle(pending);
    pending.resolve(parsed);
  }

  sendTaskFailure(token: string | undefined, error?: string, cause?: string): void {
    const pending = this.takeTask(token);
    const execution = this.executions.get(pending.executionArn)!;
    this.record(execution, 'TaskFailed', { taskFailedEventDetails: { error, cause } });
    this.noteOutcome(execution, pending.stateName, { error: error ?? 'States.TaskFailed', cause: cause ?? '' });
    this.dropTask(pending.token);
    this.settle(pending);
    pending.reject(new StatesError(error ?? 'States.TaskFailed', cause ?? ''));
  }

  sendTaskHeartbeat(token: string | undefined): void {
    const pending = this.takeTask(token);
    if (pending.heartbeatSeconds === undefined) return;
    const dueMs = this.clock.nowMs() + pending.heartbeatSeconds * 1000;
    this.journal.append(pending.executionArn, { k: 'heartbeat', token: pending.token, dueMs });
    this.armHeartbeat(pending, dueMs);
  }

  stopExecution(executionArn: string, error?: string, cause?: string): Date {
    const execution = this.describe(executionArn);
    if (execution.status === 'RUNNING') {
      execution.status = 'ABORTED';
      Object.assign(execution, { error, cause });
      execution.abort?.();
      for (const cancel of execution.cancellers) cancel();
    }
    return this.clock.now();
  }

  describe(executionArn: string): Execution {
    const execution = this.executions.get(executionArn);
    if (!execution) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    return execution;
  }

  list(stateMachineArn: string, statusFilter?: string): Execution[] {
    if (!this.machines.has(stateMachineArn)) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${stateMachineArn}'`);
    return [...this.executions.values()]
      .filter((e) => e.stateMachineArn === stateMachineArn && (!statusFilter || e.status === statusFilter))
      .sort((a, b) => b.startDate.getTime() - a.startDate.getTime());
  }

  /**
   * The stack is shutting down: everything still running is let go in memory only. The journal is
   * closed first, so the executions stay RUNNING on disk and continue at the next start.
   */
  stopAll(): void {
    this.journal = noJournal;
    for (const execution of this.executions.values()) if (execution.status === 'RUNNING') this.stopExecution(execution.executionArn);
  }
}
