// Server-side message catalogs (survey pages and emails, loop emails) through i18next, the same
// message library as the dashboard: one private instance per catalog, English as the fallback.
import i18next, { type TFunction } from 'i18next';

/** `(language) => t` over these messages. Values are not escaped: the templates that insert them escape. */
export function messageCatalog(resources: Record<string, Record<string, string>>): (language: string) => TFunction {
  const i18n = i18next.createInstance();
  void i18n.init({
    initAsync: false,
    resources: Object.fromEntries(Object.entries(resources).map(([lng, translation]) => [lng, { translation }])),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return (language) => i18n.getFixedT(language);
}
