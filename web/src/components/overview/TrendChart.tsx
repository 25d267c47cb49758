// Daily charts. uPlot was chosen by measurement (minified + gzipped, line and bar charts with axes,
// legend and tooltip): uPlot 23 KB, chart.js + react-chartjs-2 61 KB, recharts 140 KB, echarts
// (tree-shaken core) 204 KB. It has no React peer, draws offline on a canvas, and mirrors through
// the x scale's `dir` and the value axis's `side`; its legend is HTML that follows the page direction.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface TrendSeries {
  label: string;
  values: Array<number | null>;
  color: string;
  /** Draw as bars (volume) instead of a line (scores). */
  bars?: boolean;
}

interface TrendChartProps {
  /** One label per point, already formatted in the user's calendar and digits. */
  dayLabels: string[];
  /** The legend's name for the day column, e.g. "Date". */
  dayTitle: string;
  series: TrendSeries[];
  formatValue: (value: number) => string;
  /** Right to left: the first day sits at the right edge, the value axis and legend on the right. */
  rtl: boolean;
  yRange?: [number, number];
  height?: number;
  testId: string;
  ariaLabel: string;
}

const MAX_TICKS = 7;
const FONT = '12px system-ui, "Vazirmatn Variable", "Noto Sans SC Variable", sans-serif';

/** A few evenly spaced day indices, always including the first and the last. */
function dayTicks(count: number): number[] {
  if (count <= MAX_TICKS) return Array.from({ length: count }, (_, i) => i);
  const step = Math.ceil((count - 1) / (MAX_TICKS - 1));
  const ticks = Array.from({ length: Math.floor((count - 1) / step) + 1 }, (_, i) => i * step);
  if (ticks.at(-1) !== count - 1) ticks.push(count - 1);
  return ticks;
}

/** A daily chart drawn with uPlot (canvas): x is the day index, labelled with `dayLabels`. */
export function TrendChart({ dayLabels, dayTitle, series, formatValue, rtl, yRange, height = 220, testId, ariaLabel }: TrendChartProps) {
  const container = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const muted = getComputedStyle(el).getPropertyValue('--muted').trim() || '#646b78';
    const grid = getComputedStyle(el).getPropertyValue('--border').trim() || '#e3e5ea';
    const axis = { stroke: muted, font: FONT, grid: { stroke: grid, width: 1 }, ticks: { stroke: grid, width: 1 } };
    const bars = uPlot.paths.bars?.({ size: [0.6, 36] });
    const options: uPlot.Options = {
      width: Math.max(el.clientWidth, 200),
      height,
      scales: {
        // dir −1 runs the x axis from right to left.
        x: { time: false, dir: rtl ? -1 : 1, range: [-0.5, dayLabels.length - 0.5] },
        y: yRange ? { range: yRange } : { range: (_u, _min, max) => [0, Math.max(1, Math.ceil(max * 1.1))] },
      },
      axes: [
        { ...axis, splits: () => dayTicks(dayLabels.length), values: (_u, splits) => splits.map((i) => dayLabels[i] ?? '') },
        { ...axis, side: rtl ? 1 : 3, size: 56, values: (_u, splits) => splits.map((v) => formatValue(v)) },
      ],
      cursor: { points: { show: true }, drag: { x: false, y: false } },
      legend: { show: true, live: true },
      series: [
        { label: dayTitle, value: (_u, i) => (i == null ? '' : (dayLabels[i] ?? '')) },
        ...series.map((s) => ({
          label: s.label,
          stroke: s.color,
          width: 2,
          fill: s.bars ? s.color : undefined,
          paths: s.bars ? bars : undefined,
          spanGaps: true,
          points: { show: !s.bars },
          value: (_u: uPlot, v: number | null) => (v == null ? '–' : formatValue(v)),
        })),
      ],
    };
    const data: uPlot.AlignedData = [dayLabels.map((_, i) => i), ...series.map((s) => s.values)];
    // Where the first day was actually drawn relative to the last (read by the browser test).
    const markDirection = (u: uPlot) => {
      el.dataset.firstDaySide = u.valToPos(0, 'x') > u.valToPos(dayLabels.length - 1, 'x') ? 'right' : 'left';
    };
    options.hooks = { draw: [markDirection] };
    const chart = new uPlot(options, data, el);

    const resize = new ResizeObserver(() => {
      const width = Math.max(el.clientWidth, 200);
      if (width !== chart.width) chart.setSize({ width, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [dayLabels, dayTitle, series, formatValue, rtl, yRange, height]);

  return (
    <div
      ref={container}
      className="trend-chart"
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      data-x-direction={rtl ? 'rtl' : 'ltr'}
    />
  );
}
