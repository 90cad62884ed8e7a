import { useState } from 'preact/hooks';
import type { Identity } from '../../auth/identity';
import { Shell } from '../../shell';
import { when } from '../../ui/format';
import { Field, Loading, Problem, Section } from '../../ui/kit';
import { useLoad } from '../../ui/use-load';
import { local, toolsNav, type MaskedMessage } from './local';
import './tools.css';

/** An SMS's text, its link to the console (if any) a link here too: the tester follows it as the recipient would. */
function SmsText({ text }: { text: string }) {
  return (
    <>
      {text.split(/(https?:\/\/[\w.:-]+\/[\w/-]*)/).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part}>
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

/**
 * The SMS outbox: every message the stack "sent", newest first. Numbers reach this page masked
 * (138****1234), as do tracking codes in the texts: the stack masks them before answering.
 */
export function Outbox({ who }: { who?: Identity | undefined }) {
  const [typed, setTyped] = useState('');
  const [filter, setFilter] = useState('');
  // The answer carries the filter it was asked with: the heading never names a filter the list is not yet of.
  const outbox = useLoad(async () => ({ filter, messages: await local<MaskedMessage[]>(`/local/outbox?masked=1${filter ? `&to=${encodeURIComponent(filter)}` : ''}`) }), [filter]);
  const messages = outbox.data?.messages ?? [];
  const shownFilter = outbox.data?.filter ?? '';
  return (
    <Shell title="短信发件箱（本机）" who={who} nav={toolsNav}>
      <p class="muted">本机运行时短信不会真正发出，而是记录在这里。号码与查询码已打码。</p>
      <form
        class="tools-filter"
        onSubmit={(e) => {
          e.preventDefault();
          setFilter(typed.trim());
        }}
      >
        <Field label="按号码筛选" hint="完整号码或末几位，如 1234">
          <input type="search" inputMode="tel" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} autoComplete="off" />
        </Field>
        <div class="actions">
          <button type="submit" class="primary">
            筛选
          </button>
          <button type="button" class="secondary" onClick={() => (filter ? (setTyped(''), setFilter('')) : outbox.reload())}>
            {filter ? '显示全部' : '刷新'}
          </button>
        </div>
      </form>
      <Loading when={outbox.loading && !outbox.data} />
      <Problem text={outbox.error} />
      {outbox.data ? (
        <Section title={shownFilter ? `发往 …${shownFilter.slice(-4)} 的短信（${messages.length}条）` : `全部短信（${messages.length}条）`}>
          {messages.length === 0 ? (
            <p class="muted">还没有短信。</p>
          ) : (
            <ul class="list sms-list">
              {messages.map((m, i) => (
                <li key={`${m.at}-${i}`}>
                  <div class="row">
                    <strong class="mono">{m.to}</strong>
                    <span class="muted">{when(m.at)}</span>
                  </div>
                  <p class="sms-text">
                    <SmsText text={m.text} />
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Section>
      ) : null}
    </Shell>
  );
}
