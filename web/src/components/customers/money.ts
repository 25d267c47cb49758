import type { TFunction } from 'i18next';
import { formatNumber, type FormatPrefs } from '../../lib/format';

/** Rials per toman: Persian readers think in tomans. */
const RIALS_PER_TOMAN = 10;

/**
 * An amount in its currency, per locale. In Persian, Iranian rials are shown as tomans
 * (amount / 10, "تومان"), which Intl does not know as a currency.
 */
export function formatMoney(amount: number, currency: string, prefs: FormatPrefs, t: TFunction): string {
  if (prefs.locale === 'fa' && currency === 'IRR') {
    return t('customer360.toman', { amount: formatNumber(amount / RIALS_PER_TOMAN, prefs, { maximumFractionDigits: 0 }) });
  }
  try {
    return formatNumber(amount, prefs, { style: 'currency', currency, currencyDisplay: 'symbol' });
  } catch {
    // Not an ISO 4217 code Intl knows: the number and the code as sent.
    return t('customer360.amountInCode', { amount: formatNumber(amount, prefs), currency });
  }
}
