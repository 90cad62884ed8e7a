import { appendFileSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonLines } from '../state-file';

/**
 * What the local Step Functions engine writes down so a RUNNING execution survives a hard kill: its
 * start, every history event, each pause (a task-token wait or a Wait state, with the raw input of the
 * state, the token it issued and the virtual times its timers fall due), what ended the pause, and how
 * the execution ended. Replaying one execution's entries gives back everything needed to continue it
 * from its last pause; the Lambda tasks after that pause run again, as a retry on AWS would run them.
 */
export type Outcome = { output: unknown } | { error: string; cause: string };

export type PauseWait =
  | { kind: 'wait'; dueMs: number }
  | { kind: 'token'; token: string; timeoutDueMs?: number; heartbeatSeconds?: number; heartbeatDueMs?: number };

export interface JournalEvent {
  id: number;
  previousEventId: number;
  timestampMs: number;
  type: string;
  details: Record<string, unknown>;
}

export type JournalEntry =
  | { k: 'start'; executionArn: string; stateMachineArn: string; name: string; input: string; startMs: number }
  | { k: 'event'; event: JournalEvent }
  | { k: 'pause'; state: string; stateInput: unknown; wait: PauseWait }
  /** The Lambda that hands out the pause's token has returned: a restart must not call it again. */
  | { k: 'handed-out'; token: string }
  | { k: 'heartbeat'; token: string; dueMs: number }
  | { k: 'outcome'; state: string; outcome: Outcome }
  | { k: 'end'; status: string; output?: string; error?: string; cause?: string; stopMs: number };

export interface ExecutionJournal {
  append(executionArn: string, entry: JournalEntry): void;
  /** Drops an execution for good (its history has passed the retention period). */
  forget(executionArn: string): void;
  /** Every execution written so far, its entries in the order they were written. */
  load(): Array<{ executionArn: string; entries: JournalEntry[] }>;
}

/** Keeps nothing: the in-memory stack (tests, `--in-memory`). */
export const noJournal: ExecutionJournal = {
  append: () => undefined,
  forget: () => undefined,
  load: () => [],
};

/**
 * One append-only JSON-lines file per execution. Each entry is one `write` before the engine acts on
 * it (a token is written down before any Lambda sees it; an answer before the caller is told 200), so
 * a SIGKILL loses nothing that was acknowledged. A torn last line (power cut mid-write) is ignored.
 */
export class FileJournal implements ExecutionJournal {
  constructor(private readonly dir: string) {
    mkdirSync(dir, { recursive: true });
  }

  private file(executionArn: string): string {
    // Names of machines and executions are [A-Za-z0-9_-]: the last two ARN parts make a safe file name.
    const [machine, name] = executionArn.split(':').slice(-2);
    return join(this.dir, `${machine}.${name}.jsonl`);
  }

  append(executionArn: string, entry: JournalEntry): void {
    appendFileSync(this.file(executionArn), `${JSON.stringify(entry)}\n`);
  }

  forget(executionArn: string): void {
    rmSync(this.file(executionArn), { force: true });
  }

  load(): Array<{ executionArn: string; entries: JournalEntry[] }> {
    const out: Array<{ executionArn: string; entries: JournalEntry[] }> = [];
    for (const file of readdirSync(this.dir).filter((f) => f.endsWith('.jsonl')).sort()) {
      const entries = readJsonLines(join(this.dir, file)) as JournalEntry[];
      const start = entries[0];
      if (start?.k === 'start') out.push({ executionArn: start.executionArn, entries });
    }
    return out;
  }
}
