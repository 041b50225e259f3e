import { useEffect, useRef, useState } from 'react';
import type { EChartsCoreOption } from './echarts.js';
import type * as EchartsModule from './echarts.js';

export interface ChartHandle {
  toPng(): string | null;
}

type Instance = ReturnType<typeof EchartsModule.echarts.init>;
type Loaded = typeof EchartsModule;

// ECharts is loaded on first use, in its own chunk: the overview's cards paint without it.
let loading: Promise<Loaded> | null = null;
const loadEcharts = () => (loading ??= import('./echarts.js'));

/**
 * One ECharts canvas. The picture carries a one-sentence summary for screen readers; the same
 * numbers are always available as a table beside it (see Figure).
 */
export function Chart({ option, summary, height = 280, handleRef }: { option: EChartsCoreOption; summary: string; height?: number | undefined; handleRef?: { current: ChartHandle | null } }) {
  const element = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<{ instance: Instance; palette: string[] } | null>(null);

  useEffect(() => {
    let disposed = false;
    let instance: Instance | null = null;
    let observer: ResizeObserver | null = null;
    void loadEcharts().then(({ echarts, PALETTE }) => {
      if (disposed || !element.current) return;
      const created = echarts.init(element.current, undefined, { renderer: 'canvas' });
      instance = created;
      observer = new ResizeObserver(() => created.resize());
      observer.observe(element.current);
      if (handleRef) handleRef.current = { toPng: () => created.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }) };
      setChart({ instance: created, palette: PALETTE });
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
      if (handleRef) handleRef.current = null;
    };
  }, [handleRef]);

  useEffect(() => {
    if (!chart) return;
    chart.instance.setOption({ color: chart.palette, animation: false, textStyle: { fontFamily: 'Arial, Helvetica, sans-serif', color: '#0b0c0c' }, ...option }, { notMerge: true });
    element.current?.setAttribute('data-rendered', 'true');
  }, [chart, option]);

  return <div ref={element} className="chart" style={{ height }} role="img" aria-label={summary} />;
}
