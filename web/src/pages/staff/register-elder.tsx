import { useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import { ApiProblem, explain } from '../../api/problem';
import type { operations } from '../../api/schema';
import type { Identity } from '../../auth/identity';
import { Shell, type NavItem } from '../../shell';
import { Done, Field, Problem } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { gridList } from './reference';
import './staff.css';
import { fieldErrors } from '../../ui/field-errors';

type Elder = operations['registerElder']['requestBody']['content']['application/json'];

const TIERS = [
  ['high', '高风险（独居、失能等，每周探访）'],
  ['key', '重点关注（每四周探访）'],
  ['general', '一般（每季度探访）'],
] as const;

const LANGUAGES = [
  ['zh', '普通话'],
  ['gansu-dialect', '甘肃方言'],
] as const;

const blank = { name: '', phone: '', gridId: '', address: '', riskTier: 'general' as Elder['riskTier'], languages: ['zh'], otherLanguages: '', preferredGender: '', contactName: '', contactPhone: '' };

/** A grid worker registers an elder of their own grids for companionship visits; the API's field errors shown beside the fields. */
export function RegisterElder({ who, nav }: { who?: Identity | undefined; nav: NavItem[] }) {
  const grids = useLoad(async () => {
    const all = await gridList();
    return who?.role === 'admin' ? all : all.filter((g) => who?.grids.includes(g.gridId));
  }, [who?.sub]);
  const [form, setForm] = useState({ ...blank });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [done, setDone] = useState<string>();
  const set = (patch: Partial<typeof blank>) => setForm((f) => ({ ...f, ...patch }));
  const gridId = form.gridId || grids.data?.[0]?.gridId || '';

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setProblem(undefined);
    setFields({});
    setDone(undefined);
    const languages = [...form.languages, ...form.otherLanguages.split(/[,，、\s]+/).filter(Boolean)];
    const contact = form.contactName.trim() || form.contactPhone.trim() ? { emergencyContact: { name: form.contactName, phone: form.contactPhone } } : {};
    const body: Elder = {
      name: form.name,
      gridId,
      address: form.address,
      riskTier: form.riskTier,
      languages: languages.length ? languages : ['zh'],
      ...(form.phone.trim() ? { phone: form.phone.trim() } : {}),
      ...(form.preferredGender === 'F' || form.preferredGender === 'M' ? { preferredGender: form.preferredGender } : {}),
      ...contact,
    };
    try {
      const { elderId } = await ok(api().POST('/v1/elders', { body }));
      setDone(`已登记，老人编号 ${elderId}。排班时将为其安排探访。`);
      setForm({ ...blank, gridId });
    } catch (err) {
      setProblem(explain(err));
      if (err instanceof ApiProblem && err.fields) setFields(err.fields);
    } finally {
      setBusy(false);
    }
  };

  const { error, described } = fieldErrors(fields);

  return (
    <Shell title="登记老人" who={who} nav={nav}>
      <Done text={done} />
      <Problem text={problem ?? grids.error} />
      <form class="card" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="姓名">
          <input name="name" autoComplete="off" value={form.name} onInput={(e) => set({ name: e.currentTarget.value })} {...described('name')} />
          {error('name')}
        </Field>
        <Field label="手机号（可不填）" hint="11 位手机号">
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
        <Field label="住址">
          <input name="address" autoComplete="off" value={form.address} onInput={(e) => set({ address: e.currentTarget.value })} {...described('address')} />
          {error('address')}
        </Field>
        <fieldset class="choices">
          <legend>关爱等级</legend>
          {TIERS.map(([value, label]) => (
            <label class="choice" key={value}>
              <input type="radio" name="riskTier" checked={form.riskTier === value} onChange={() => set({ riskTier: value })} />
              {label}
            </label>
          ))}
          {error('riskTier')}
        </fieldset>
        <fieldset class="choices">
          <legend>使用语言</legend>
          {LANGUAGES.map(([value, label]) => (
            <label class="choice" key={value}>
              <input
                type="checkbox"
                checked={form.languages.includes(value)}
                onChange={(e) => set({ languages: e.currentTarget.checked ? [...form.languages, value] : form.languages.filter((l) => l !== value) })}
              />
              {label}
            </label>
          ))}
          <Field label="其他语言（可不填，用逗号分隔）">
            <input name="otherLanguages" value={form.otherLanguages} onInput={(e) => set({ otherLanguages: e.currentTarget.value })} />
          </Field>
          {error('languages')}
        </fieldset>
        <Field label="希望探访志愿者的性别">
          <select name="preferredGender" value={form.preferredGender} onChange={(e) => set({ preferredGender: e.currentTarget.value })}>
            <option value="">不限</option>
            <option value="F">女</option>
            <option value="M">男</option>
          </select>
        </Field>
        <fieldset class="choices">
          <legend>紧急联系人（可不填）</legend>
          <Field label="联系人姓名">
            <input name="contactName" autoComplete="off" value={form.contactName} onInput={(e) => set({ contactName: e.currentTarget.value })} {...described('emergencyContact.name')} />
            {error('emergencyContact.name')}
          </Field>
          <Field label="联系人手机号">
            <input name="contactPhone" type="tel" inputMode="tel" autoComplete="off" value={form.contactPhone} onInput={(e) => set({ contactPhone: e.currentTarget.value })} {...described('emergencyContact.phone')} />
            {error('emergencyContact.phone')}
          </Field>
        </fieldset>
        <button type="submit" class="primary" disabled={busy || !grids.data?.length}>
          登记
        </button>
      </form>
    </Shell>
  );
}
