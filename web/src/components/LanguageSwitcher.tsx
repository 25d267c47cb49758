import { useTranslation } from 'react-i18next';
import i18n, { UI_LOCALES, currentLocale, isUiLocale } from '../i18n';
import { useChangeLanguage } from '../lib/useChangeLanguage';

/** Each language is shown in its own name, whatever the current UI language is. */
export function nativeName(locale: string): string {
  return i18n.getFixedT(locale)('meta.nativeName');
}

export function LanguageSwitcher() {
  const { t } = useTranslation();
  const changeLanguage = useChangeLanguage();
  return (
    <select
      className="select select-compact lang-switcher"
      data-testid="lang-switcher"
      aria-label={t('nav.language')}
      value={currentLocale()}
      onChange={(event) => {
        if (isUiLocale(event.target.value)) void changeLanguage(event.target.value);
      }}
    >
      {UI_LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {nativeName(locale)}
        </option>
      ))}
    </select>
  );
}

/** The four UI languages as <option>s, each named in its own language. */
export function LocaleOptions() {
  return UI_LOCALES.map((code) => (
    <option key={code} value={code} lang={code}>
      {nativeName(code)}
    </option>
  ));
}
