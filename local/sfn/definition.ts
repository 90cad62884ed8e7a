/**
 * Rewrites an ASL definition so aws-local-stepfunctions runs it on the virtual clock:
 * - a `Wait` state becomes a Task on `local:wait` whose Parameters carry the wait (same InputPath and
 *   OutputPath, ResultPath null), so the stack's clock, not a real timer, ends it;
 * - `$$.Task.Token` in a `.waitForTaskToken` task becomes a placeholder the engine fills with a token
 *   it issued, and the task's TimeoutSeconds(Path)/HeartbeatSeconds(Path) move into the Parameters so
 *   the engine enforces them on the virtual clock;
 * - every Task gets a real-time timeout the library can never reach: virtual time governs instead.
 * - each pausing state (task token, Wait) also receives its raw input, which the engine writes down
 *   so that it can resume there after a restart.
 * Waits inside Parallel or Map branches are refused: the stack could not tell when such a branch settles.
 */
export const TOKEN_PLACEHOLDER = '__LOCAL_TASK_TOKEN__';
export const LOCAL_WAIT_RESOURCE = 'arn:aws:states:::local:wait';
export const TIMEOUT_KEY = '__localTimeoutSeconds';
export const HEARTBEAT_KEY = '__localHeartbeatSeconds';
/** The raw input of a pausing state, carried in its Parameters so the engine can write it down and resume there. */
export const STATE_INPUT_KEY = '__localStateInput';
// Node timers hold at most 2^31-1 ms (24.8 days); longer ones fire at once.
const UNREACHABLE_SECONDS = 2_000_000;

type State = Record<string, any>;
type Definition = { StartAt: string; States: Record<string, State>; [k: string]: unknown };

export interface PreparedDefinition {
  definition: Definition;
  /** State name → how the engine runs it. */
  tasks: Map<string, { kind: 'lambda' | 'token' | 'wait'; resource: string }>;
}

function replaceToken(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(replaceToken);
  if (!node || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key.endsWith('.$') && value === '$$.Task.Token') out[key.slice(0, -2)] = TOKEN_PLACEHOLDER;
    else out[key] = replaceToken(value);
  }
  return out;
}

/** A pausing state resumes from its raw input, which an InputPath would hide from its Parameters. */
function refuseInputPath(name: string, state: State): void {
  if (state.InputPath !== undefined && state.InputPath !== '$') {
    throw new Error(`State "${name}" pauses and has an InputPath: move the selection into its Parameters, so the local engine can resume it`);
  }
}

function prepareStates(def: Definition, tasks: PreparedDefinition['tasks'], nested: boolean): Definition {
  const States: Record<string, State> = {};
  for (const [name, original] of Object.entries(def.States)) {
    const state: State = { ...original };
    if (state.Type === 'Wait') {
      if (nested) throw new Error(`Wait state "${name}" inside a Parallel/Map branch is not supported locally`);
      refuseInputPath(name, state);
      const { Seconds, SecondsPath, Timestamp, TimestampPath, ...rest } = state;
      States[name] = {
        ...rest,
        Type: 'Task',
        Resource: LOCAL_WAIT_RESOURCE,
        Parameters: {
          ...(Seconds !== undefined ? { seconds: Seconds } : {}),
          ...(SecondsPath ? { 'seconds.$': SecondsPath } : {}),
          ...(Timestamp ? { timestamp: Timestamp } : {}),
          ...(TimestampPath ? { 'timestamp.$': TimestampPath } : {}),
          [`${STATE_INPUT_KEY}.$`]: '$',
        },
        ResultPath: null,
        TimeoutSeconds: UNREACHABLE_SECONDS,
      };
      tasks.set(name, { kind: 'wait', resource: LOCAL_WAIT_RESOURCE });
      continue;
    }
    if (state.Type === 'Task') {
      const resource = String(state.Resource);
      const isToken = resource.endsWith('.waitForTaskToken');
      if (isToken && nested) throw new Error(`Task token state "${name}" inside a Parallel/Map branch is not supported locally`);
      if (isToken) refuseInputPath(name, state);
      const { TimeoutSeconds, TimeoutSecondsPath, HeartbeatSeconds, HeartbeatSecondsPath, ...rest } = state;
      const next: State = { ...rest, TimeoutSeconds: UNREACHABLE_SECONDS };
      if (isToken) {
        next.Parameters = {
          ...(replaceToken(state.Parameters) as object),
          ...(TimeoutSeconds !== undefined ? { [TIMEOUT_KEY]: TimeoutSeconds } : {}),
          ...(TimeoutSecondsPath ? { [`${TIMEOUT_KEY}.$`]: TimeoutSecondsPath } : {}),
          ...(HeartbeatSeconds !== undefined ? { [HEARTBEAT_KEY]: HeartbeatSeconds } : {}),
          ...(HeartbeatSecondsPath ? { [`${HEARTBEAT_KEY}.$`]: HeartbeatSecondsPath } : {}),
          [`${STATE_INPUT_KEY}.$`]: '$',
        };
      }
      States[name] = next;
      tasks.set(name, { kind: isToken ? 'token' : 'lambda', resource });
      continue;
    }
    if (state.Type === 'Parallel') {
      state.Branches = (state.Branches as Definition[]).map((b) => prepareStates(b, tasks, true));
    }
    if (state.Type === 'Map') {
      if (state.ItemProcessor) state.ItemProcessor = prepareStates(state.ItemProcessor, tasks, true);
      if (state.Iterator) state.Iterator = prepareStates(state.Iterator, tasks, true);
    }
    States[name] = state;
  }
  return { ...def, States };
}

export function prepareDefinition(definition: Record<string, unknown>): PreparedDefinition {
  const tasks: PreparedDefinition['tasks'] = new Map();
  // A JSON copy, not structuredClone: under jest that returns objects of another realm, which the
  // interpreter does not recognise as payload templates.
  const prepared = prepareStates(JSON.parse(JSON.stringify(definition)) as Definition, tasks, false);
  return { definition: prepared, tasks };
}
