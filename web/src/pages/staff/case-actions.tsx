import { useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import type { operations } from '../../api/schema';
import { timeLeft, when } from '../../ui/format';
import { Field, Problem } from '../../ui/kit';
import { useAction } from '../../ui/use-load';
import type { Departments } from './reference';
import { CLOSURE_NAMES, STATUS_NAMES, STEP_NAMES, type ClosureCode, type Step } from './words';

type Action = operations['actOnCase']['requestBody']['content']['application/json'];

const OUTCOMES = [
  ['needs-dispatch', '需派单给职能部门'],
  ['resolved-on-site', '已现场解决'],
  ['invalid', '无效诉求'],
  ['duplicate', '重复诉求'],
] as const;

interface Props {
  caseId: string;
  step: Step;
  dueAt: string;
  now: number;
  departments: Departments;
  currentDepartment: string | undefined;
  /** The action was taken (202): what to tell the person, and whether the case leaves their hands (a refusal). */
  onDone: (text: string, handedOff: boolean) => void;
  /** The case moved on before the action landed (409, or 403 once it is another's): why, said on the page as it reloads. */
  onRefused: (why: string) => void;
}

/** The form for the one step this case waits on from this person. */
export function CaseActions(props: Props) {
  const act = useAction();
  const left = timeLeft(props.dueAt, props.now);
  const nameOf = (id: string) => props.departments.find((d) => d.departmentId === id)?.name ?? id;
  const send = (body: Action, label: string) =>
    act.run(async () => {
      try {
        const answer = await ok(api().POST('/v1/cases/{caseId}/actions', { params: { path: { caseId: props.caseId } }, body }));
        props.onDone(`已提交：${label}。诉求状态：${STATUS_NAMES[answer.status]}。`, body.type === 'refuse');
      } catch (err) {
        if (!(err instanceof ApiProblem && (err.status === 409 || err.status === 403))) throw err;
        props.onRefused(err.message);
      }
    });
  const heading = `${STEP_NAMES[props.step]}（时限 ${when(props.dueAt)}，${left.text}）`;
  return (
    <div class="step-form">
      <h3>{heading}</h3>
      <Problem text={act.error} />
      {props.step === 'grid-check' ? <GridCheck busy={act.busy} send={send} /> : null}
      {props.step === 'verify' ? <Verify busy={act.busy} send={send} /> : null}
      {props.step === 'accept' ? <AcceptOrRefuse busy={act.busy} send={send} departments={props.departments.filter((d) => d.departmentId !== props.currentDepartment)} /> : null}
      {props.step === 'resolve' ? <Resolve busy={act.busy} send={send} /> : null}
      {props.step === 'centre-review' ? <CentreReview busy={act.busy} send={send} departments={props.departments} nameOf={nameOf} /> : null}
      {props.step === 'feedback' ? <p class="muted">等待居民评价，无需操作。</p> : null}
    </div>
  );
}

type Send = (body: Action, label: string) => Promise<boolean>;

function Note({ label, value, onInput, id }: { label: string; value: string; onInput: (v: string) => void; id: string }) {
  return (
    <Field label={label}>
      <textarea name={id} required maxLength={500} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
    </Field>
  );
}

function GridCheck({ busy, send }: { busy: boolean; send: Send }) {
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number][0]>('needs-dispatch');
  const [note, setNote] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const label = OUTCOMES.find(([o]) => o === outcome)![1];
        void send({ type: 'grid-check', outcome, note, ...(outcome === 'duplicate' && duplicateOf.trim() ? { duplicateOf: duplicateOf.trim() } : {}) }, `核查结果“${label}”`);
      }}
    >
      <fieldset class="choices">
        <legend>核查结果</legend>
        {OUTCOMES.map(([value, label]) => (
          <label class="choice" key={value}>
            <input type="radio" name="outcome" value={value} checked={outcome === value} onChange={() => setOutcome(value)} />
            {label}
          </label>
        ))}
      </fieldset>
      {outcome === 'duplicate' ? (
        <Field label="与哪件诉求重复（诉求编号）">
          <input name="duplicateOf" value={duplicateOf} onInput={(e) => setDuplicateOf(e.currentTarget.value)} />
        </Field>
      ) : null}
      <Note id="note" label="核查说明" value={note} onInput={setNote} />
      <button type="submit" class="primary" disabled={busy || !note.trim()}>
        提交核查结果
      </button>
    </form>
  );
}

function Verify({ busy, send }: { busy: boolean; send: Send }) {
  const [note, setNote] = useState('');
  return (
    <form onSubmit={(e) => e.preventDefault()}>
      <Note id="note" label="核实说明" value={note} onInput={setNote} />
      <div class="actions">
        <button type="button" class="primary" disabled={busy || !note.trim()} onClick={() => void send({ type: 'verify', passed: true, note }, '核实通过')}>
          核实通过
        </button>
        <button type="button" class="secondary" disabled={busy || !note.trim()} onClick={() => void send({ type: 'verify', passed: false, note }, '核实未通过，退回部门')}>
          核实未通过
        </button>
      </div>
    </form>
  );
}

function AcceptOrRefuse({ busy, send, departments }: { busy: boolean; send: Send; departments: Props['departments'] }) {
  const [reason, setReason] = useState('');
  const [suggested, setSuggested] = useState('');
  return (
    <div class="action-forms">
      <div>
        <p>属于本部门职责的，请签收后办理。</p>
        <button type="button" class="primary" disabled={busy} onClick={() => void send({ type: 'accept' }, '签收')}>
          签收
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void send({ type: 'refuse', reason, ...(suggested ? { suggestedDepartmentId: suggested } : {}) }, suggested ? `退回，建议改派${departments.find((d) => d.departmentId === suggested)?.name ?? suggested}` : '退回');
        }}
      >
        <Note id="reason" label="退回理由" value={reason} onInput={setReason} />
        <Field label="建议承办部门（可不选）">
          <select name="suggestedDepartmentId" value={suggested} onChange={(e) => setSuggested(e.currentTarget.value)}>
            <option value="">不确定，由指挥中心判断</option>
            {departments.map((d) => (
              <option key={d.departmentId} value={d.departmentId}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit" class="secondary" disabled={busy || !reason.trim()}>
          退回
        </button>
      </form>
    </div>
  );
}

function Resolve({ busy, send }: { busy: boolean; send: Send }) {
  const [note, setNote] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send({ type: 'resolve', note }, '办结答复');
      }}
    >
      <Note id="note" label="办理结果（将告知居民）" value={note} onInput={setNote} />
      <button type="submit" class="primary" disabled={busy || !note.trim()}>
        办结
      </button>
    </form>
  );
}

const CLOSE_CODES: ClosureCode[] = ['fixed', 'resolved-on-site', 'not-fixable', 'not-responsible', 'duplicate', 'withdrawn', 'invalid'];

function CentreReview({ busy, send, departments, nameOf }: { busy: boolean; send: Send; departments: Props['departments']; nameOf: (id: string) => string }) {
  const [decision, setDecision] = useState<'dispatch' | 'close'>('dispatch');
  const [departmentId, setDepartmentId] = useState(departments[0]?.departmentId ?? '');
  const [code, setCode] = useState<ClosureCode>('not-responsible');
  const [note, setNote] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void send(
          decision === 'dispatch' ? { type: 'centre-review', decision, departmentId, note } : { type: 'centre-review', decision, code, note },
          decision === 'dispatch' ? `派给${nameOf(departmentId)}` : `办结（${CLOSURE_NAMES[code]}）`,
        );
      }}
    >
      <fieldset class="choices">
        <legend>复核决定</legend>
        <label class="choice">
          <input type="radio" name="decision" checked={decision === 'dispatch'} onChange={() => setDecision('dispatch')} />
          派给部门
        </label>
        <label class="choice">
          <input type="radio" name="decision" checked={decision === 'close'} onChange={() => setDecision('close')} />
          直接办结
        </label>
      </fieldset>
      {decision === 'dispatch' ? (
        <Field label="承办部门">
          <select value={departmentId} onChange={(e) => setDepartmentId(e.currentTarget.value)}>
            {departments.map((d) => (
              <option key={d.departmentId} value={d.departmentId}>
                {d.name}
              </option>
            ))}
          </select>
        </Field>
      ) : (
        <Field label="办结类型">
          <select value={code} onChange={(e) => setCode(e.currentTarget.value as ClosureCode)}>
            {CLOSE_CODES.map((c) => (
              <option key={c} value={c}>
                {CLOSURE_NAMES[c]}
              </option>
            ))}
          </select>
        </Field>
      )}
      <Note id="note" label="复核说明" value={note} onInput={setNote} />
      <button type="submit" class="primary" disabled={busy || !note.trim()}>
        提交复核
      </button>
    </form>
  );
}
