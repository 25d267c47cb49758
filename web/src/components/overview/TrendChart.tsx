// Daily charts. uPlot was chosen by measurement (minified + gzipped, line and bar charts with axes,
// legend and tooltip): uPlot 23 KB, chart.js + react-chartjs-2 61 KB, recharts 140 KB, echarts
// (tree-shaken core) 204 KB. It has no React peer, draws offline on a canvas, and mirrors through
// the x scale's `dir` and the value axis's `side`; its legend is HTML that follows the page direction.
import { useEffect, useRef, useSyncExternalStore } from 'react';
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
  /** Each day in full (e.g. "۱۶ آبان ۱۴۰۵"), for the table screen readers read instead of the canvas. */
  dayNames: string[];
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
  /** Called with the point's index when the user clicks the chart (e.g. to open the items behind it). */
  onSelect?: (index: number) => void;
}

const MAX_TICKS = 7;
const FONT = '12px system-ui, "Vazirmatn Variable", "Noto Sans SC Variable", sans-serif';
// Room for one day label ("Nov 30", "۳۰ آبان") and the space around it.
const TICK_SPACING_PX = 72;

/**
 * A few evenly spaced day indices, as many as fit the plot's width without the labels touching
 * (seven at most), always including the first and, if it does not crowd the one before, the last.
 */
function dayTicks(count: number, widthPx: number): number[] {
  const fit = Math.max(2, Math.min(MAX_TICKS, Math.floor(widthPx / TICK_SPACING_PX)));
  if (count <= fit) return Array.from({ length: count }, (_, i) => i);
  const step = Math.ceil((count - 1) / (fit - 1));
  const ticks = Array.from({ length: Math.floor((count - 1) / step) + 1 }, (_, i) => i * step);
  const last = ticks.at(-1)!;
  if (last !== count - 1) {
    // Too close to the previous label: the last day replaces it.
    if ((count - 1 - last) * 2 < step) ticks.pop();
    ticks.push(count - 1);
  }
  return ticks;
}

/** The smallest gap in CSS pixels between neighbouring day labels as drawn (negative: they overlap). */
function smallestLabelGap(u: uPlot, ticks: number[], labels: string[]): number {
  const ctx = u.ctx;
  ctx.save();
  ctx.font = FONT;
  const spans = ticks
    .map((i) => {
      const centre = u.valToPos(i, 'x');
      const half = ctx.measureText(labels[i] ?? '').width / 2;
      return [centre - half, centre + half] as const;
    })
    .sort((a, b) => a[0] - b[0]);
  ctx.restore();
  let gap = Infinity;
  for (let i = 1; i < spans.length; i++) gap = Math.min(gap, spans[i][0] - spans[i - 1][1]);
  return gap;
}

/** A daily chart drawn with uPlot (canvas): x is the day index, labelled with `dayLabels`. */
export function TrendChart({
  dayLabels,
  dayNames,
  dayTitle,
  series,
  formatValue,
  rtl,
  yRange,
  height = 220,
  testId,
  ariaLabel,
  onSelect,
}: TrendChartProps) {
  const container = useRef<HTMLDivElement>(null);
  const select = useRef(onSelect);
  select.current = onSelect;
  const dark = useDarkScheme();

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
        {
          ...axis,
          splits: (u) => dayTicks(dayLabels.length, u.bbox.width / uPlot.pxRatio),
          values: (_u, splits) => splits.map((i) => dayLabels[i] ?? ''),
        },
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
    // So are the day labels' spacing: they must never overlap, whatever the width.
    const markDirection = (u: uPlot) => {
      el.dataset.firstDaySide = u.valToPos(0, 'x') > u.valToPos(dayLabels.length - 1, 'x') ? 'right' : 'left';
      el.dataset.labelGap = String(Math.floor(smallestLabelGap(u, dayTicks(dayLabels.length, u.bbox.width / uPlot.pxRatio), dayLabels)));
    };
    options.hooks = { draw: [markDirection] };
    const chart = new uPlot(options, data, el);
    const pick = () => {
      const index = chart.cursor.idx;
      if (index != null && select.current) select.current(index);
    };
    chart.over.addEventListener('click', pick);

    const resize = new ResizeObserver(() => {
      const width = Math.max(el.clientWidth, 200);
      if (width !== chart.width) chart.setSize({ width, height });
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.over.removeEventListener('click', pick);
      chart.destroy();
    };
  }, [dayLabels, dayTitle, series, formatValue, rtl, yRange, height, dark]);

  // The canvas says nothing to a screen reader: it reads the same figures from a hidden table.
  return (
    <figure className="trend-figure">
      <div
        ref={container}
        className="trend-chart"
        aria-hidden="true"
        data-testid={testId}
        data-selectable={onSelect ? 'true' : undefined}
        data-x-direction={rtl ? 'rtl' : 'ltr'}
      />
      <table className="visually-hidden" data-testid={`${testId}-table`}>
        <caption>{ariaLabel}</caption>
        <thead>
          <tr>
            <th scope="col">{dayTitle}</th>
            {series.map((s) => (
              <th key={s.label} scope="col">
                {s.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {dayNames.map((day, i) => (
            <tr key={i}>
              <th scope="row">{day}</th>
              {series.map((s) => {
                const value = s.values[i];
                return <td key={s.label}>{value == null ? '–' : formatValue(value)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

const DARK = '(prefers-color-scheme: dark)';

/** Whether the dark colours apply: the canvas is drawn with the theme's colours, so it is redrawn when they change. */
function useDarkScheme(): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const query = window.matchMedia(DARK);
      query.addEventListener('change', onChange);
      return () => query.removeEventListener('change', onChange);
    },
    () => window.matchMedia(DARK).matches,
  );
}
