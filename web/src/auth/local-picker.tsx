import { problemFrom } from '../api/problem';
import { navigate } from '../router';
import { Shell } from '../shell';
import { Loading, Problem } from '../ui/kit';
import { useAction, useLoad } from '../ui/use-load';
import { identityOf } from './identity';
import { session } from './session';
import { HOME } from './sign-in';

interface Person {
  label: string;
  detail: string;
  claims: Record<string, unknown>;
}

/**
 * Local sign-in: pick one of the demo staff; the local issuer mints their token (as the deployed
 * provider would after a password). Nothing to type, no token shown.
 */
export function LocalPicker({ next }: { next: string }) {
  const people = useLoad(async () => {
    const res = await fetch('/local/auth/people');
    if (!res.ok) throw new Error('无法读取演示人员');
    return (await res.json()) as Person[];
  });
  const act = useAction();
  const pick = (p: Person) =>
    act.run(async () => {
      const res = await fetch('/local/auth/token', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(p.claims) });
      const body = (await res.json()) as { token: string };
      if (!res.ok) throw problemFrom(res.status, body);
      const { token } = body;
      const who = identityOf(token);
      if (!who) throw new Error('登录凭证无效');
      session.save(token);
      navigate(next && next !== '/' ? next : HOME[who.role], { replace: true });
    });
  const groups = [
    ['指挥中心', 'admin'],
    ['网格员', 'grid-worker'],
    ['职能部门', 'department'],
    ['志愿者', 'volunteer'],
  ] as const;
  return (
    <Shell title="选择演示身份登录">
      <p class="muted">本机演示环境：选择一位工作人员即可登录，无需密码。</p>
      <Loading when={people.loading} />
      <Problem text={people.error ?? act.error} />
      {groups.map(([title, role]) => (
        <section class="card" key={role}>
          <h2>{title}</h2>
          <ul class="people">
            {(people.data ?? [])
              .filter((p) => p.claims.role === role)
              .map((p) => (
                <li key={p.label}>
                  <button type="button" disabled={act.busy} onClick={() => void pick(p)}>
                    <strong>{p.label}</strong>
                    <span class="muted">{p.detail}</span>
                  </button>
                </li>
              ))}
          </ul>
        </section>
      ))}
    </Shell>
  );
}
