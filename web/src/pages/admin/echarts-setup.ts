/**
 * Only the parts of ECharts the centre's pages draw (bars, lines, axes, tooltip, legend; SVG output).
 * Imported dynamically by chart.tsx, so it lands in its own chunk, fetched when a chart first shows.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
