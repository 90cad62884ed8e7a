import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './config';
import { syncClock } from './ui/clock';
import './styles.css';

const root = document.getElementById('app')!;
// The clock first: a token's expiry is read against the system's now (the local stack's virtual clock).
// Waited for two seconds at most: a slow health check must not keep the console from showing.
const clockSynced = () => Promise.race([syncClock(), new Promise<void>((done) => setTimeout(done, 2000))]);
loadConfig()
  .then(clockSynced)
  .then(
    () => render(<App />, root),
    () => {
      root.textContent = '控制台配置读取失败，请稍后刷新重试。';
    },
  );
