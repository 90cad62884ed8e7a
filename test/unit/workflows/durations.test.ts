import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';

/*
 * A state machine definition is static JSON, so the waits in workflows/*.asl.yml are literals. Each
 * literal that stands for a rule carries a comment naming its constant, e.g.
 *   TimeoutSeconds: 259200  # FEEDBACK_HOURS (72 h), lib/domain/deadlines.ts
 * and this test holds the literal, the constant and the comment's own figure to one another.
 */

const ROOT = join(__dirname, '../../..');
const WORKFLOWS = join(ROOT, 'workflows');
const files = readdirSync(WORKFLOWS).filter((f) => f.endsWith('.asl.yml'));

const UNIT_SECONDS: Record<string, number> = { SECONDS: 1, MINUTES: 60, HOURS: 3600, DAYS: 86400 };
const FIGURE_SECONDS: Record<string, number> = { s: 1, min: 60, h: 3600, day: 86400, days: 86400 };

interface Literal {
  file: string;
  line: number;
  state: string;
  key: string;
  value: number;
  comment?: string;
}

/** Every literal duration, with the state it sits in (the keys two spaces in under `States:`). */
function literals(file: string): Literal[] {
  const found: Literal[] = [];
  let state = '';
  readFileSync(join(WORKFLOWS, file), 'utf8')
    .split('\n')
    .forEach((text, index) => {
      const stateName = /^ {2}([^\s#][^:]*(?::[^\s][^:]*)*):\s*$/.exec(text);
      if (stateName) state = stateName[1]!;
      const literal = /^\s+(TimeoutSeconds|HeartbeatSeconds|Seconds):\s*(\d+)\s*(?:#\s*(.*?))?\s*$/.exec(text);
      if (literal) found.push({ file, line: index + 1, state, key: literal[1]!, value: Number(literal[2]), comment: literal[3] });
    });
  return found;
}

interface AslState {
  Type: string;
  Resource?: unknown;
  TimeoutSeconds?: number;
  Seconds?: number;
  Parameters?: { Payload?: Record<string, unknown> };
}

function states(file: string): Record<string, AslState> {
  return (load(readFileSync(join(WORKFLOWS, file), 'utf8')) as { States: Record<string, AslState> }).States;
}

/** A state that waits on a person or the calendar: its timeout is a rule of the service, not a technical bound. */
const waitsForSomeone = (state: AslState) => state.Type === 'Wait' || JSON.stringify(state.Resource ?? '').includes('.waitForTaskToken');

const all = files.flatMap(literals);
const named = all.filter((l) => l.comment !== undefined);

describe('the literal durations of the workflows', () => {
  it('reads the workflow files and finds named durations in them', () => {
    expect(files).toEqual(expect.arrayContaining(['case-lifecycle.asl.yml', 'companion-visit.asl.yml', 'wish.asl.yml']));
    expect(named.length).toBeGreaterThanOrEqual(14);
  });

  it.each(named.map((l) => [`${l.file}:${l.line} ${l.state}`, l] as const))('%s equals the constant its comment names', async (_, literal) => {
    const comment = /^([A-Z][A-Z0-9_]*_(SECONDS|MINUTES|HOURS|DAYS)) \((\d+(?:\.\d+)?) (s|min|h|days?)\), (lib\/[\w/.-]+\.ts)$/.exec(literal.comment!);
    expect(comment).not.toBeNull();
    const [, name, unit, figure, figureUnit, modulePath] = comment!;
    const module = (await import(join(ROOT, modulePath!))) as Record<string, unknown>;
    expect(typeof module[name!]).toBe('number');
    expect(literal.value).toBe((module[name!] as number) * UNIT_SECONDS[unit!]!);
    expect(literal.value).toBe(Number(figure) * FIGURE_SECONDS[figureUnit!]!);
  });

  it('names the constant of every literal wait for a person or the calendar', () => {
    const unnamed = files.flatMap((file) => {
      const byState = states(file);
      return literals(file)
        .filter((l) => l.key !== 'HeartbeatSeconds' && byState[l.state] && waitsForSomeone(byState[l.state]!) && l.comment === undefined)
        .map((l) => `${l.file}:${l.line} ${l.state}`);
    });
    expect(unnamed).toEqual([]);
  });

  it('tells a task the same literal deadline the workflow waits for', () => {
    const disagreeing = files.flatMap((file) =>
      Object.entries(states(file))
        .filter(([, state]) => typeof state.Parameters?.Payload?.seconds === 'number' && state.TimeoutSeconds !== undefined)
        .filter(([, state]) => state.Parameters!.Payload!.seconds !== state.TimeoutSeconds)
        .map(([name]) => `${file} ${name}`),
    );
    expect(disagreeing).toEqual([]);
  });
});
