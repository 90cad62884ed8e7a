import { useEffect, useRef } from 'preact/hooks';

type Echarts = typeof import('./echarts-setup').echarts;
export type ChartOption = Parameters<ReturnType<Echarts['init']>['setOption']>[0];

let loading: Promise<Echarts> | undefined;
const loadEcharts = () => (loading ??= import('./echarts-setup').then((m) => m.echarts));

/**
 * One ECharts chart, drawn once ECharts has loaded. The picture is for the eye only (aria-hidden): the
 * table beside it says the same for a screen reader. `data-drawn` is set once it has been drawn.
 */
export function Chart({ option, caption, height = 280 }: { option: ChartOption; caption: string; height?: number }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let chart: ReturnType<Echarts['init']> | undefined;
    let gone = false;
    const resize = () => chart?.resize();
    void loadEcharts().then((echarts) => {
      if (gone || !ref.current) return;
      chart = echarts.init(ref.current, undefined, { renderer: 'svg' });
      chart.setOption(option);
      ref.current.dataset.drawn = 'yes';
      addEventListener('resize', resize);
    });
    return () => {
      gone = true;
      removeEventListener('resize', resize);
      chart?.dispose();
    };
  }, [option]);
  return (
    <figure class="chart">
      <div ref={ref} class="chart-canvas" style={{ height: `${height}px` }} aria-hidden="true" />
      <figcaption class="muted">{caption}</figcaption>
    </figure>
  );
}
