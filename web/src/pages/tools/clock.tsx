import { useState } from 'preact/hooks';
import type { Identity } from '../../auth/identity';
import { Shell } from '../../shell';
import { syncClock } from '../../ui/clock';
import { when } from '../../ui/format';
import { Loading, Problem, Section } from '../../ui/kit';
import { useAction, useLoad } from '../../ui/use-load';
import { local, toolsNav, type AdvanceAnswer } from './local';
import './tools.css';

const STEPS = [
  { seconds: 3600, label: '前进1小时' },
  { seconds: 86_400, label: '前进1天' },
];

/**
 * The local stack's virtual clock: what time the system thinks it is, and buttons that move it on. Every
 * timer that falls due fires in order (waits, deadlines, schedules); the summary says what that set off.
 */
export function Clock({ who }: { who?: Identity | undefined }) {
  const health = useLoad(() => local<{ now: string }>('/local/health'));
  const action = useAction();
  const [last, setLast] = useState<{ step: string; answer: AdvanceAnswer }>();
  const advance = (seconds: number, step: string) =>
    action.run(async () => {
      const answer = await local<AdvanceAnswer>('/local/clock/advance', { method: 'POST', body: { seconds } });
      setLast({ step, answer });
      await syncClock();
      health.reload();
    });
  const now = last?.answer.now ?? health.data?.now;
  const fired = last?.answer.fired;
  return (
    <Shell title="虚拟时钟（本机）" who={who} nav={toolsNav}>
      <Section title="系统当前时间">
        <Loading when={health.loading && !now} />
        <Problem text={health.error} />
        {now ? <p class="clock-now">{when(now)}</p> : null}
        <p class="muted">前进时钟会按时间顺序触发到期的等待、时限和定时任务，并等它们处理完。</p>
        <div class="actions">
          {STEPS.map((s) => (
            <button key={s.seconds} type="button" class="primary" disabled={action.busy} onClick={() => void advance(s.seconds, s.label)}>
              {s.label}
            </button>
          ))}
        </div>
        {action.busy ? (
          <p class="muted" aria-live="polite">
            正在前进…
          </p>
        ) : null}
        <Problem text={action.error} />
      </Section>
      {fired && last ? (
        <Section title={`本次${last.step.replace('前进', '前进了')}，触发了什么`}>
          <ul class="fired" aria-label="本次前进的结果">
            <li>
              <strong>{fired.timersFired}</strong>到期的定时器
            </li>
            <li>
              <strong>{fired.smsSent}</strong>发出的短信
            </li>
            <li>
              <strong>{fired.executionsStarted}</strong>新启动的流程
            </li>
            <li>
              <strong>{fired.executionsChanged}</strong>有进展的流程
            </li>
            <li>
              <strong>{fired.executionsEnded}</strong>结束的流程
            </li>
          </ul>
        </Section>
      ) : null}
    </Shell>
  );
}
