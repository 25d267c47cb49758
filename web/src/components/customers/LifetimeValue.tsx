import { useTranslation } from 'react-i18next';
import type { LifetimeValue as Ltv } from '@feedloop/contracts/customers';
import { useFormat } from '../../lib/useFormat';
import { formatMoney } from './money';

/** Lifetime value, one amount per currency, largest first; a dash when nothing was bought. */
export function LifetimeValue({ value }: { value: Ltv }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const entries = Object.entries(value).sort((a, b) => b[1] - a[1]);
  if (entries.length === 0) return <span className="muted">{t('customer360.none')}</span>;
  return (
    <ul className="ltv-list">
      {entries.map(([currency, amount]) => (
        <li key={currency} data-currency={currency}>
          {formatMoney(amount, currency, fmt.prefs, t)}
        </li>
      ))}
    </ul>
  );
}
