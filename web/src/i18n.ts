import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatNumber, type DigitsPref, type UiLocale } from './lib/format';
import { LOCALES } from '@feedloop/contracts/locales';
import { CATALOGS, type Catalog } from './locales/catalogs';

declare module 'i18next' {
  interface CustomTypeOptions {
    resources: { translation: Catalog };
    interpolationFormatTypeMap: { num: number };
  }
}

/** Order used in the language switcher. */
export const UI_LOCALES: readonly UiLocale[] = LOCALES;
const RTL_LOCALES: readonly UiLocale[] = ['fa', 'ar'];
const STORAGE_KEY = 'feedloop.locale';

export function isUiLocale(value: unknown): value is UiLocale {
  return typeof value === 'string' && (UI_LOCALES as readonly string[]).includes(value);
}

export function isRtl(locale: UiLocale): boolean {
  return RTL_LOCALES.includes(locale);
}

/** The UI language remembered on this device, else the browser's, else English. */
export function detectInitialLocale(): UiLocale {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    if (isUiLocale(stored)) return stored;
  } catch {
    // Storage can be unavailable (private mode, disabled cookies).
  }
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isUiLocale(base)) return base;
  }
  return 'en';
}

export function rememberLocale(locale: UiLocale): void {
  try {
    localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Ignore: the choice simply won't survive a reload.
  }
}

export function currentLocale(): UiLocale {
  return isUiLocale(i18n.language) ? i18n.language : 'en';
}

let digitsPreference: DigitsPref = 'auto';

/** Digits used by `{{count, num}}` in messages; follows the signed-in user's preference. */
export function setDigitsPreference(digits: DigitsPref): void {
  digitsPreference = digits;
}

function applyDocumentLocale(locale: UiLocale): void {
  const root = document.documentElement;
  root.lang = locale;
  root.dir = isRtl(locale) ? 'rtl' : 'ltr';
  document.title = i18n.t('app.name');
}

void i18n.use(initReactI18next).init({
  resources: {
    en: { translation: CATALOGS.en },
    fa: { translation: CATALOGS.fa },
    ar: { translation: CATALOGS.ar },
    zh: { translation: CATALOGS.zh },
  },
  lng: detectInitialLocale(),
  fallbackLng: 'en',
  supportedLngs: [...UI_LOCALES],
  nonExplicitSupportedLngs: false,
  load: 'languageOnly',
  initAsync: false,
  interpolation: { escapeValue: false },
  react: { useSuspense: false },
});

i18n.services.formatter?.add('num', (value, lng) =>
  formatNumber(Number(value), {
    locale: isUiLocale(lng) ? lng : currentLocale(),
    calendar: 'auto',
    digits: digitsPreference,
  }),
);

i18n.on('languageChanged', (lng) => applyDocumentLocale(isUiLocale(lng) ? lng : 'en'));
applyDocumentLocale(currentLocale());

export default i18n;
