import { useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import type { Identity } from '../../auth/identity';
import { Shell } from '../../shell';
import { when } from '../../ui/format';
import { Done, Field, Loading, Problem } from '../../ui/kit';
import { useAction, useLoad } from '../../ui/use-load';
import { VOLUNTEER_NAV } from './nav';
import { VISIT_STATUS, type VisitStatus } from './words';
import './volunteer.css';

interface Visit {
  visitId: string;
  elderId: string;
  volunteerId: string;
  backupVolunteerId?: string;
  windowStart: string;
  windowEnd: string;
  status: VisitStatus;
}

/** Visits still to come or under way first (soonest first), then the rest, newest first. */
const OPEN: VisitStatus[] = ['scheduled', 'reminded', 'checked-in', 'missed'];
function ordered(visits: Visit[]): Visit[] {
  const open = visits.filter((v) => OPEN.includes(v.status)).sort((a, b) => a.windowStart.localeCompare(b.windowStart));
  const past = visits.filter((v) => !OPEN.includes(v.status)).sort((a, b) => b.windowStart.localeCompare(a.windowStart));
  return [...open, ...past];
}

/** /volunteer: my visits, each with the check-in or check-out its state allows. */
export function MyVisits({ who }: { who?: Identity | undefined }) {
  const volunteerId = who?.volunteerId ?? '';
  const visits = useLoad(() => ok(api().GET('/v1/visits', { params: { query: { volunteerId } } })), [volunteerId]);
  const [done, setDone] = useState<string>();
  const list = ordered((visits.data ?? []) as Visit[]);
  return (
    <Shell title="我的探访" who={who} nav={VOLUNTEER_NAV}>
      <p class="muted">到达老人家后点“签到”，离开时“签退”并说明老人情况。</p>
      <Done text={done} />
      <Loading when={visits.loading} />
      <Problem text={visits.error} />
      {visits.data && list.length === 0 ? <p>暂无排班的探访。</p> : null}
      <ul class="list card">
        {list.map((v) => (
          <VisitItem
            key={v.visitId}
            visit={v}
            mine={v.volunteerId === volunteerId}
            onDone={(text) => {
              setDone(text);
              visits.reload();
            }}
          />
        ))}
      </ul>
    </Shell>
  );
}

function VisitItem({ visit, mine, onDone }: { visit: Visit; mine: boolean; onDone: (text: string) => void }) {
  const act = useAction();
  const [checkingOut, setCheckingOut] = useState(false);
  const canCheckIn = mine ? visit.status === 'scheduled' || visit.status === 'reminded' : visit.status === 'missed';
  const checkIn = () =>
    act.run(async () => {
      await ok(api().POST('/v1/visits/{visitId}/check-in', { params: { path: { visitId: visit.visitId } } }));
      onDone(`已签到：${when(visit.windowStart)} 的探访。`);
    });
  return (
    <li aria-label={`探访 ${when(visit.windowStart)}`}>
      <div class="row">
        <strong>
          {when(visit.windowStart)} – {when(visit.windowEnd).split(' ').pop()}
        </strong>
        <span class={visit.status === 'completed' ? 'badge ok' : visit.status === 'missed' || visit.status === 'escalated' ? 'badge overdue' : 'badge'}>{VISIT_STATUS[visit.status]}</span>
      </div>
      <p class="small muted">
        老人编号 {visit.elderId}
        {mine ? '' : '（您是候补志愿者）'}
      </p>
      <Problem text={act.error} />
      <div class="actions">
        {canCheckIn ? (
          <button type="button" class="primary" disabled={act.busy} onClick={() => void checkIn()}>
            签到
          </button>
        ) : null}
        {visit.status === 'checked-in' && !checkingOut ? (
          <button type="button" class="primary" onClick={() => setCheckingOut(true)}>
            签退
          </button>
        ) : null}
      </div>
      {checkingOut ? (
        <CheckOut
          visitId={visit.visitId}
          onCancel={() => setCheckingOut(false)}
          onDone={(text) => {
            setCheckingOut(false);
            onDone(text);
          }}
        />
      ) : null}
    </li>
  );
}

function CheckOut({ visitId, onDone, onCancel }: { visitId: string; onDone: (text: string) => void; onCancel: () => void }) {
  const act = useAction();
  const [wellbeing, setWellbeing] = useState<'ok' | 'concern'>('ok');
  const [note, setNote] = useState('');
  return (
    <form
      class="check-out"
      onSubmit={(e) => {
        e.preventDefault();
        void act.run(async () => {
          await ok(api().POST('/v1/visits/{visitId}/check-out', { params: { path: { visitId } }, body: { wellbeing, note: note.trim() } }));
          onDone(wellbeing === 'concern' ? '已签退。您反映的情况已转给社区跟进。' : '已签退，感谢您的陪伴！');
        });
      }}
    >
      <fieldset class="choices">
        <legend>老人情况</legend>
        <label class="choice">
          <input type="radio" name={`wellbeing-${visitId}`} checked={wellbeing === 'ok'} onChange={() => setWellbeing('ok')} />
          一切正常
        </label>
        <label class="choice">
          <input type="radio" name={`wellbeing-${visitId}`} checked={wellbeing === 'concern'} onChange={() => setWellbeing('concern')} />
          需要关注（社区将跟进）
        </label>
      </fieldset>
      <Field label="探访记录" hint={wellbeing === 'concern' ? '请写明需要关注的情况' : '聊了什么、老人近况'}>
        <textarea name="note" required maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </Field>
      <Problem text={act.error} />
      <div class="actions">
        <button type="submit" class="primary" disabled={act.busy}>
          确认签退
        </button>
        <button type="button" class="secondary" onClick={onCancel}>
          取消
        </button>
      </div>
    </form>
  );
}
