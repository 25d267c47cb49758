// The four languages Feedloop speaks: the dashboard, surveys, topic names and keywords, emails.
export const LOCALES = ['fa', 'ar', 'zh', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
