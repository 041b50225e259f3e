import { useId, useRef, useState } from 'react';
import type { EChartsCoreOption } from './echarts.js';
import { Chart, type ChartHandle } from './Chart.js';
import { DataTable, type Row, type TableColumn } from './DataTable.js';
import { downloadFile, slug } from './csv.js';

/**
 * A chart with its data: the table alternative is one click away (and is what the CSV holds),
 * and the picture downloads as PNG.
 */
export function Figure({ title, option, summary, columns, rows, height, description }: { title: string; option: EChartsCoreOption; summary: string; columns: readonly TableColumn[]; rows: readonly Row[]; height?: number; description?: string }) {
  const [showTable, setShowTable] = useState(false);
  const handle = useRef<ChartHandle | null>(null);
  const id = useId();
  const downloadPng = () => {
    const url = handle.current?.toPng();
    if (url) downloadFile(`${slug(title)}.png`, url);
  };
  return (
    <figure className="figure" aria-labelledby={`${id}-title`}>
      <figcaption id={`${id}-title`} className="figure__title">
        {title}
      </figcaption>
      {description && <p className="figure__description">{description}</p>}
      {showTable ? <DataTable caption={title} columns={columns} rows={rows} captionHidden /> : <Chart option={option} summary={summary} height={height} handleRef={handle} />}
      <p className="figure__actions">
        <button type="button" className="link-button" aria-pressed={showTable} onClick={() => setShowTable((v) => !v)}>
          {showTable ? 'Show as chart' : 'Show as table'}
          <span className="visually-hidden">: {title}</span>
        </button>
        {!showTable && (
          <button type="button" className="link-button" onClick={downloadPng}>
            Download PNG<span className="visually-hidden">: {title}</span>
          </button>
        )}
      </p>
    </figure>
  );
}
