import { useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import { ApiProblem, explain } from '../../api/problem';
import type { operations } from '../../api/schema';
import type { Identity } from '../../auth/identity';
import { Shell } from '../../shell';
import { fieldErrors } from '../../ui/field-errors';
import { Done, Field, Problem } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { gridList } from '../staff/reference';
import { adminNav } from './nav';

type Volunteer = operations['registerVolunteer']['requestBody']['content']['application/json'];
type Day = Volunteer['availability'][number]['days'][number];

const WEEKDAYS: Array<[Day, string]> = [
  ['MON', '周一'],
  ['TUE', '周二'],
  ['WED', '周三'],
  ['THU', '周四'],
  ['FRI', '周五'],
  ['SAT', '周六'],
  ['SUN', '周日'],
];

const blank = { name: '', phone: '', gridId: '', gender: '', days: ['SAT'] as Day[], monthly6: false, from: '09:00', to: '12:00', maxVisitsPerWeek: 2 };

/**
 * The centre registers a volunteer ("临时儿女"): who, where, and when they can visit (weekdays, or the
 * 6th, 16th and 26th of each month, 逢6), for the weekly roster. The API's field errors beside the fields.
 */
export function RegisterVolunteer({ who }: { who?: Identity | undefined }) {
  const grids = useLoad(gridList);
  const [form, setForm] = useState({ ...blank });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const set = (patch: Partial<typeof blank>) => setForm((f) => ({ ...f, ...patch }));
  const gridId = form.gridId || grids.data?.[0]?.gridId || '';
  const { error, described } = fieldErrors(fields);
  const toggle = (day: Day) => set({ days: form.days.includes(day) ? form.days.filter((d) => d !== day) : [...form.days, day] });

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setFields({});
    setDone(undefined);
    const days: Day[] = [...form.days, ...(form.monthly6 ? (['6', '16', '26'] as Day[]) : [])];
    const body: Volunteer = {
      name: form.name,
      phone: form.phone.trim(),
      gridId,
      languages: ['zh'],
      availability: [{ days, from: form.from, to: form.to }],
      maxVisitsPerWeek: form.maxVisitsPerWeek,
      ...(form.gender === 'F' || form.gender === 'M' ? { gender: form.gender } : {}),
    };
    try {
      const { volunteerId } = await ok(api().POST('/v1/volunteers', { body }));
      setDone(`已登记，志愿者编号 ${volunteerId}。下次排班起会为其安排探访。`);
      setForm({ ...blank });
    } catch (err) {
      setProblem(explain(err));
      if (err instanceof ApiProblem && err.fields) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Shell title="登记志愿者" who={who} nav={adminNav()}>
      <Done text={done} />
      <Problem text={problem ?? grids.error} />
      <form class="card" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="姓名">
          <input name="name" autoComplete="off" value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} {...described('name')} />
          {error('name')}
        </Field>
        <Field label="手机号" hint="探访提醒和签到短信发到这个号码">
          <input name="phone" type="tel" inputMode="tel" autoComplete="off" value={form.phone} onInput={(e) => set({ phone: e.currentTarget.value })} {...described('phone')} />
          {error('phone')}
        </Field>
        <Field label="所在网格">
          <select name="gridId" value={gridId} onChange={(e) => set({ gridId: e.currentTarget.value })} {...described('gridId')}>
            {(grids.data ?? []).map((g) => (
              <option key={g.gridId} value={g.gridId}>
                {g.name}（{g.communityName}）
              </option>
            ))}
          </select>
          {error('gridId')}
        </Field>
        <Field label="性别（可不填）">
          <select name="gender" value={form.gender} onChange={(e) => set({ gender: e.currentTarget.value })}>
            <option value="">不填</option>
            <option value="F">女</option>
            <option value="M">男</option>
          </select>
        </Field>
        <fieldset class="field" {...described('availability')}>
          <legend class="label">可以探访的日子</legend>
          <div class="actions">
            {WEEKDAYS.map(([day, label]) => (
              <label key={day}>
                <input type="checkbox" checked={form.days.includes(day)} onChange={() => toggle(day)} /> {label}
              </label>
            ))}
            <label>
              <input type="checkbox" checked={form.monthly6} onChange={(e) => set({ monthly6: e.currentTarget.checked })} /> 每月逢6（6、16、26日）
            </label>
          </div>
          {error('availability')}
        </fieldset>
        <div class="actions">
          <Field label="从">
            <input name="from" type="time" value={form.from} onInput={(e) => set({ from: e.currentTarget.value })} />
          </Field>
          <Field label="到">
            <input name="to" type="time" value={form.to} onInput={(e) => set({ to: e.currentTarget.value })} />
          </Field>
        </div>
        <Field label="每周最多探访次数">
          <input name="maxVisitsPerWeek" type="number" min={1} max={7} value={form.maxVisitsPerWeek} onInput={(e) => set({ maxVisitsPerWeek: Number(e.currentTarget.value) })} {...described('maxVisitsPerWeek')} />
          {error('maxVisitsPerWeek')}
        </Field>
        <button type="submit" class="primary" disabled={busy || !gridId}>
          {busy ? '正在登记…' : '登记志愿者'}
        </button>
      </form>
    </Shell>
  );
}
