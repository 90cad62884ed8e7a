import { render } from 'preact';
import { App } from './app';
import { loadConfig } from './config';
import './styles.css';

const root = document.getElementById('app')!;
loadConfig().then(
  () => render(<App />, root),
  () => {
    root.textContent = '控制台配置读取失败，请稍后刷新重试。';
  },
);
