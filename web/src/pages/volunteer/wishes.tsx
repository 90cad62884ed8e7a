import { useState } from 'preact/hooks';
import { api, ok } from '../../api/client';
import { explain } from '../../api/problem';
import type { operations } from '../../api/schema';
import type { Identity } from '../../auth/identity';
import { Shell } from '../../shell';
import { when } from '../../ui/format';
import { Done, Field, Loading, Problem, Section } from '../../ui/kit';
import { useAction, useLoad } from '../../ui/use-load';
import { VOLUNTEER_NAV } from './nav';
import { CLAIM_STATUS, WISH_GROUPS, WISH_STATUS } from './words';
import './volunteer.css';

type WishAction = operations['actOnWish']['requestBody']['content']['application/json'];
type Claim = operations['listVolunteerClaims']['responses'][200]['content']['application/json'][number];

const act = (wishId: string, body: WishAction) => ok(api().POST('/v1/wishes/{wishId}/actions', { params: { path: { wishId } }, body }));

/** /volunteer/wishes: my claims (with what each allows now), then the published wishes to claim. */
export function VolunteerWishes({ who }: { who?: Identity | undefined }) {
  const volunteerId = who?.volunteerId ?? '';
  const published = useLoad(() => ok(api().GET('/v1/wishes', { params: { query: { status: 'published', limit: 50 } } })), []);
  const claims = useLoad(() => ok(api().GET('/v1/volunteers/{volunteerId}/claims', { params: { path: { volunteerId } } })), [volunteerId]);
  const [done, setDone] = useState<string>();
  const [refused, setRefused] = useState<string>();
  const changed = (text: string) => {
    setDone(text);
    setRefused(undefined);
    published.reload();
    claims.reload();
  };
  // A claim refused (the last place just taken, the wish withdrawn) is said at the top, and the lists
  // are read again so the wish no longer offers itself.
  const claimRefused = (text: string) => {
    setDone(undefined);
    setRefused(text);
    published.reload();
    claims.reload();
  };
  const active = (claims.data ?? []).filter((c) => c.claimStatus !== 'released').reverse();
  const held = new Set(active.map((c) => c.wishId));
  return (
    <Shell title="微心愿" who={who} nav={VOLUNTEER_NAV}>
      <Done text={done} />
      <Problem text={refused} />
      <Section title="我认领的心愿">
        <Loading when={claims.loading} />
        <Problem text={claims.error} />
        {claims.data && active.length === 0 ? <p class="muted">还没有认领心愿。</p> : null}
        <ul class="list">
          {active.map((c) => (
            <MyClaim key={c.wishId} claim={c} onDone={changed} />
          ))}
        </ul>
      </Section>
      <Section title="可认领的心愿">
        <Loading when={published.loading} />
        <Problem text={published.error} />
        {published.data && published.data.items.length === 0 ? <p class="muted">暂时没有待认领的心愿。</p> : null}
        <ul class="list">
          {(published.data?.items ?? []).map((w) => (
            <li key={w.wishId}>
              <div class="row">
                <strong>{w.title}</strong>
                <span class="badge">{WISH_GROUPS[w.group]}</span>
              </div>
              <p class="small muted">
                {w.category} · 还需 {w.placesLeft} 人{w.estimatedCost !== undefined ? ` · 约 ${w.estimatedCost} 元` : ''}
                {w.deadline ? ` · ${when(w.deadline)} 前完成` : ''}
              </p>
              {held.has(w.wishId) ? <p class="small">您已认领</p> : <ClaimButton wishId={w.wishId} title={w.title} onDone={changed} onRefused={claimRefused} />}
            </li>
          ))}
        </ul>
      </Section>
    </Shell>
  );
}

function ClaimButton({ wishId, title, onDone, onRefused }: { wishId: string; title: string; onDone: (text: string) => void; onRefused: (text: string) => void }) {
  const [busy, setBusy] = useState(false);
  const claim = async () => {
    setBusy(true);
    try {
      await act(wishId, { type: 'claim' });
      onDone(`已认领“${title}”。请在 7 天内联系网格员对接，并在截止前完成。`);
    } catch (err) {
      onRefused(`未能认领“${title}”：${explain(err)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" class="primary" aria-label={`认领：${title}`} disabled={busy} onClick={() => void claim()}>
      认领
    </button>
  );
}

function MyClaim({ claim, onDone }: { claim: Claim; onDone: (text: string) => void }) {
  const action = useAction();
  const [fulfilling, setFulfilling] = useState(false);
  const [note, setNote] = useState('');
  const open = claim.claimStatus === 'claimed' || claim.claimStatus === 'contacted';
  const run = (body: WishAction, text: string) =>
    action.run(async () => {
      await act(claim.wishId, body);
      onDone(text);
    });
  return (
    <li aria-label={`我的认领：${claim.title}`}>
      <div class="row">
        <strong>{claim.title}</strong>
        <span class={claim.claimStatus === 'fulfilled' ? 'badge ok' : 'badge'}>{CLAIM_STATUS[claim.claimStatus]}</span>
      </div>
      <p class="small muted">
        {claim.category} · 认领于 {when(claim.claimedAt)}
        {claim.deadline ? ` · 须在 ${when(claim.deadline)} 前完成` : ''} · 心愿{WISH_STATUS[claim.wishStatus]}
      </p>
      <Problem text={action.error} />
      {open && !fulfilling ? (
        <div class="actions">
          {claim.claimStatus === 'claimed' ? (
            <button type="button" class="secondary" disabled={action.busy} onClick={() => void run({ type: 'contact' }, `已记录：“${claim.title}”已联系对接。`)}>
              已联系对接
            </button>
          ) : null}
          <button type="button" class="primary" disabled={action.busy} onClick={() => setFulfilling(true)}>
            标记完成
          </button>
          <button type="button" class="secondary" disabled={action.busy} onClick={() => void run({ type: 'release' }, `已放弃“${claim.title}”，名额已还给其他志愿者。`)}>
            放弃认领
          </button>
        </div>
      ) : null}
      {fulfilling ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void run({ type: 'fulfil', note: note.trim() }, `已标记完成“${claim.title}”，等待网格员确认后计入积分。`).then((sent) => sent && setFulfilling(false));
          }}
        >
          <Field label="完成情况" hint="送了什么、何时送到，网格员确认时会看到">
            <textarea name="note" required maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
          </Field>
          <div class="actions">
            <button type="submit" class="primary" disabled={action.busy}>
              确认完成
            </button>
            <button type="button" class="secondary" onClick={() => setFulfilling(false)}>
              取消
            </button>
          </div>
        </form>
      ) : null}
    </li>
  );
}
