import type { JSX } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { LocalPicker } from './auth/local-picker';
import { completeSignIn, CALLBACK_PATH } from './auth/oidc';
import { session } from './auth/session';
import { HOME, requireSignIn } from './auth/sign-in';
import type { Identity, Role } from './auth/identity';
import { config } from './config';
import { explain } from './api/problem';
import { match, navigate, useLocation } from './router';
import { Shell } from './shell';
import { serverNow } from './ui/clock';
import { Link, Problem } from './ui/kit';
import { routes } from './routes';

/** A screen: its path, who may open it (nobody signed in for residents' pages), and what it shows. */
export interface Screen {
  path: string;
  roles?: Role[];
  view: (props: { params: Record<string, string>; who?: Identity | undefined; url: URL }) => JSX.Element;
}

function Home({ who }: { who?: Identity | undefined }) {
  useEffect(() => {
    if (who) navigate(HOME[who.role], { replace: true });
  }, [who]);
  return (
    <Shell title="民情直通" who={who}>
      <p class="lead">有事找网格，诉求直通办。</p>
      <div class="tiles">
        <Link to="/report" class="tile">
          <strong>我要反映问题</strong>
          <span>路灯、道路、停水停电、物业纠纷……</span>
        </Link>
        <Link to="/track" class="tile">
          <strong>查询办理进度</strong>
          <span>凭诉求编号和查询码</span>
        </Link>
        <Link to="/wishes" class="tile">
          <strong>微心愿</strong>
          <span>看看谁需要帮助</span>
        </Link>
        <Link to="/signin" class="tile">
          <strong>工作人员登录</strong>
          <span>网格员、部门、指挥中心、志愿者</span>
        </Link>
      </div>
    </Shell>
  );
}

function Callback({ url }: { url: URL }) {
  const [error, setError] = useState<string>();
  useEffect(() => {
    const auth = config().auth;
    if (auth.kind !== 'oidc') return navigate('/', { replace: true });
    completeSignIn(auth, url).then(
      (next) => {
        // A token this device already reads as expired (its clock hours off) or without a role would send
        // the user straight back to the provider, again and again: say so instead.
        if (!session.identity(serverNow())) {
          session.clear();
          return setError('登录凭证无效或已过期：请检查手机的日期和时间是否准确，或联系管理员确认您的账号角色。');
        }
        navigate(next, { replace: true });
      },
      (err: unknown) => setError(explain(err)),
    );
  }, []);
  return (
    <Shell title="正在登录">
      <Problem text={error} />
      {error ? <Link to="/signin">重新登录</Link> : <p class="muted">请稍候…</p>}
    </Shell>
  );
}

function SignIn({ url }: { url: URL }) {
  const next = url.searchParams.get('next') ?? '/';
  useEffect(() => {
    if (config().auth.kind === 'oidc') void requireSignIn(next);
  }, []);
  return config().auth.kind === 'local' ? <LocalPicker next={next} /> : <Shell title="正在前往登录页">{null}</Shell>;
}

function NotFound() {
  return (
    <Shell title="没有这个页面">
      <Link to="/">回到首页</Link>
    </Shell>
  );
}

export function App() {
  const url = useLocation();
  const [, setTick] = useState(0);
  useEffect(() => session.subscribe(() => setTick((t) => t + 1)), []);
  const who = session.identity(serverNow());
  const path = url.pathname;
  if (path === '/') return <Home who={who} />;
  if (path === '/signin') return <SignIn url={url} />;
  if (path === CALLBACK_PATH) return <Callback url={url} />;
  for (const screen of routes) {
    const params = match(screen.path, path);
    if (!params) continue;
    if (screen.roles && !who) {
      void requireSignIn(path + url.search);
      return <Shell title="请先登录">{null}</Shell>;
    }
    if (screen.roles && who && !screen.roles.includes(who.role)) {
      return (
        <Shell title="无权查看" who={who}>
          <p>此页面不对{who ? '您的身份' : '未登录用户'}开放。</p>
          <Link to={HOME[who.role]}>回到我的首页</Link>
        </Shell>
      );
    }
    return screen.view({ params, who, url });
  }
  return <NotFound />;
}
