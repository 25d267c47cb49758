import { useFormat } from '../../lib/useFormat';

/** A progress bar that mirrors in RTL and announces its percentage in the UI language. */
export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const format = useFormat();
  const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 1;
  const percent = format.percent(ratio);
  return (
    <div
      className="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(ratio * 100)}
      aria-valuetext={percent}
    >
      <div className="progress-fill" style={{ inlineSize: `${ratio * 100}%` }} />
    </div>
  );
}
