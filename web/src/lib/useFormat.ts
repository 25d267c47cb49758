import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { isUiLocale } from '../i18n';
import {
  formatDate,
  formatDateTime,
  formatFacts,
  formatLanguageName,
  formatNumber,
  formatPercent,
  type DateStyle,
  type FormatPrefs,
} from './format';
import { useOptionalSession } from './session';

type DateInput = string | number | Date;

/** Formatters bound to the UI language and the signed-in user's calendar/digit preferences. */
export function useFormat(overrides: Partial<FormatPrefs> = {}) {
  const { i18n } = useTranslation();
  const session = useOptionalSession();
  const locale = overrides.locale ?? (isUiLocale(i18n.language) ? i18n.language : 'en');
  const own = session?.me.user.calendar ?? 'auto';
  // The user's own choice, else the workspace's (when an admin set one), else by language.
  const calendar = overrides.calendar ?? (own !== 'auto' ? own : (session?.me.workspace.calendar ?? 'auto'));
  const digits = overrides.digits ?? session?.me.user.digits ?? 'auto';

  return useMemo(() => {
    const prefs: FormatPrefs = { locale, calendar, digits };
    return {
      prefs,
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, prefs, options),
      percent: (ratio: number) => formatPercent(ratio, prefs),
      date: (value: DateInput, style?: DateStyle) => formatDate(value, prefs, style),
      dateTime: (value: DateInput, style?: DateStyle) => formatDateTime(value, prefs, style),
      languageName: (code: string) => formatLanguageName(code, prefs),
      /** Facts on one line, with a separator that cannot be read as a digit. */
      facts: (items: ReadonlyArray<string | null | undefined | false>) => formatFacts(items, prefs),
    };
  }, [locale, calendar, digits]);
}
