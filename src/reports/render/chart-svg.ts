/**
 * Charts as inline SVG, rendered on the server by ECharts (no browser, no canvas): the report
 * stays one self-contained HTML file that Chromium prints as vectors.
 */
import * as echarts from 'echarts';
import type { DocChart } from '../model.js';

const PALETTE = ['#1d4e89', '#d95f02', '#7570b3', '#4d4d4d', '#1b9e77'];

export function chartSvg(chart: DocChart, size: { width: number; height: number } = { width: 680, height: 300 }): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    instance.setOption({
      animation: false,
      color: PALETTE,
      textStyle: { fontFamily: 'Arial, Helvetica, sans-serif' },
      grid: { left: 56, right: 16, top: 40, bottom: 36 },
      legend: { top: 4, itemWidth: 18, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: [...chart.categories], axisLabel: { fontSize: 11 } },
      yAxis: { type: 'value', axisLabel: { fontSize: 11 }, name: chart.unit === 'rate' ? 'per 10,000' : chart.unit === 'percent' ? '%' : '', nameTextStyle: { fontSize: 11 } },
      series: chart.series.map((s, i) => ({
        name: s.name,
        type: chart.type,
        data: [...s.values],
        connectNulls: false,
        symbolSize: 6,
        lineStyle: { width: i === 0 ? 3 : 2, type: i === 0 ? 'solid' : 'dashed' },
      })),
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
