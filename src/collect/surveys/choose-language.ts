// The respondent's language: ?lang= first, then the customer's profile, then the browser's
// Accept-Language, then the survey's default. A language the survey lacks falls back (and says so).
import { AppError } from '../../platform/http/errors.js';
import type { SurveyDefinition, SurveyLanguage } from '../../contracts/survey-definition.js';

const TAG_RE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export interface LanguageChoice {
  language: SurveyLanguage;
  /** the asked-for language the survey does not offer */
  fallbackFrom?: string;
}

const base = (tag: string) => tag.toLowerCase().split('-')[0];

export function chooseLanguage(
  def: SurveyDefinition,
  from: { requested?: string; customerLocale?: string | null; acceptLanguage?: string },
): LanguageChoice {
  const offered = (tag: string | null | undefined) =>
    tag && def.languages.includes(base(tag) as SurveyLanguage) ? (base(tag) as SurveyLanguage) : null;
  if (from.requested !== undefined) {
    if (!TAG_RE.test(from.requested))
      throw new AppError(400, 'invalid_input', 'lang: must be a language code such as fa, ar, zh or en', 'lang');
    const hit = offered(from.requested);
    if (hit) return { language: hit };
    return { language: offered(from.customerLocale) ?? def.defaultLanguage, fallbackFrom: base(from.requested) };
  }
  const fromProfile = offered(from.customerLocale);
  if (fromProfile) return { language: fromProfile };
  const accepted = (from.acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = Number(
        params
          .find((p) => p.trim().startsWith('q='))
          ?.trim()
          .slice(2) ?? 1,
      );
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0 };
    })
    .filter((a) => a.tag && a.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const a of accepted) {
    const hit = offered(a.tag);
    if (hit) return { language: hit };
  }
  return { language: def.defaultLanguage };
}
