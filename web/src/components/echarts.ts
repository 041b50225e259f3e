/** ECharts with only the pieces the app draws, so the bundle stays small. */
import * as echarts from 'echarts/core';
import { BarChart, HeatmapChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, HeatmapChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapComponent, MarkLineComponent, CanvasRenderer]);

export { echarts };
export type { EChartsCoreOption } from 'echarts/core';

/** GOV.UK-like palette with strong contrast against white. */
export const PALETTE = ['#1d70b8', '#d4351c', '#00703c', '#6f72af', '#f47738', '#505a5f', '#912b88', '#28a197'];
