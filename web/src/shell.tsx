import type { ComponentChildren } from 'preact';
import { ROLE_NAMES, type Identity } from './auth/identity';
import { signOut } from './auth/sign-in';
import { Link } from './ui/kit';

export interface NavItem {
  to: string;
  label: string;
}

/** Every signed-in screen: who is signed in, their screens, sign-out; the page's own content below. */
export function Shell({ who, title, nav, children }: { who?: Identity | undefined; title: string; nav?: NavItem[]; children: ComponentChildren }) {
  return (
    <div class="shell">
      <header class="bar">
        <Link to="/" class="brand">
          民情直通
        </Link>
        {who ? (
          <span class="who">
            {ROLE_NAMES[who.role]}
            {who.grids.length ? ` · ${who.grids.join('、')}` : ''}
            {who.department ? ` · ${who.department}` : ''}
            {who.volunteerId ? ` · ${who.volunteerId}` : ''}
            <button type="button" class="link" onClick={() => void signOut()}>
              退出
            </button>
          </span>
        ) : (
          <Link to="/signin" class="who">
            工作人员登录
          </Link>
        )}
      </header>
      {nav?.length ? (
        <nav class="tabs" aria-label="页面">
          {nav.map((n) => (
            <Link key={n.to} to={n.to} class={location.pathname === n.to ? 'tab current' : 'tab'}>
              {n.label}
            </Link>
          ))}
        </nav>
      ) : null}
      <main>
        <h1>{title}</h1>
        {children}
      </main>
    </div>
  );
}
