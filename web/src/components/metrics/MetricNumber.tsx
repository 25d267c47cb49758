import { useTranslation } from 'react-i18next';
import type { MetricUnit, MetricValue } from '@feedloop/contracts/metrics';
import { factSeparator } from '../../lib/format';
import { currencyAmounts, formatAmount, formatInterval, formatMetricNumber } from '../../lib/metric-format';
import { useFormat } from '../../lib/useFormat';
import { Link } from '../Link';

interface MetricNumberProps {
  value: MetricValue;
  unit: MetricUnit;
  /** The explorer filtered to the items behind the value, when there are any. */
  href: string | null;
  /** What the value is of ("آذر ۱۴۰۵, Email"), for the link's accessible name. */
  what: string;
  testId?: string;
}

/** One value with its sample size and 95 % interval; "no data" (never NaN or 0) when nothing was measured. */
export function MetricNumber({ value, unit, href, what, testId }: MetricNumberProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const amounts = unit === 'amount' ? currencyAmounts(value) : [];
  const plain = useMetricText(value.value, unit);
  // An amount is written in its currency; amounts in several currencies are never added up.
  const text = amounts.length === 1 && value.value !== null ? formatAmount(amounts[0]![0], value.value, format.prefs) : plain;
  if (text === null && amounts.length > 1) {
    return (
      <span className="metric-number" data-testid={testId}>
        <span className="metric-sample muted">{t('metrics.severalCurrencies')}</span>
        <span className="metric-value metric-amounts">
          {amounts.map(([currency, amount]) => (
            <bdi key={currency}>{formatAmount(currency, amount, format.prefs)}</bdi>
          ))}
        </span>
      </span>
    );
  }
  if (text === null) {
    return (
      <span className="metric-number no-data" data-testid={testId}>
        {t('metrics.noData')}
      </span>
    );
  }
  const interval = formatInterval(value, unit, format.prefs);
  // No list to open behind a value of nothing (a count of 0).
  const figure =
    href && value.n > 0 ? (
      <Link
        to={href}
        className="metric-value"
        aria-label={t('metrics.drillDown', { value: text, what })}
        data-testid={testId && `${testId}-link`}
      >
        {text}
      </Link>
    ) : (
      <span className="metric-value">{text}</span>
    );
  // A count stands on itself: "from 6" beside 6 says nothing.
  const sample = unit === 'count' ? null : t('metrics.basedOn', { n: format.number(value.n) });
  return (
    <span className="metric-number" data-testid={testId}>
      {figure}
      {(sample || interval) && (
        <span className="metric-sample muted">
          {sample}
          {sample && interval && factSeparator(format.prefs.locale)}
          {interval && (
            <>
              {t('metrics.interval')} {/* Each end kept whole: a sign must not drift to the other side in RTL. */}
              <bdi>{interval.low}</bdi> – <bdi>{interval.high}</bdi>
            </>
          )}
        </span>
      )}
    </span>
  );
}

/** A value as text in its unit (hours with their word), or null for "no data". */
export function useMetricText(value: number | null, unit: MetricUnit): string | null {
  const { t } = useTranslation();
  const format = useFormat();
  const text = formatMetricNumber(value, unit, format.prefs);
  return text !== null && unit === 'hours' ? t('metrics.hours', { value: text }) : text;
}
