import { useCallback } from 'react';
import { api } from '../api/endpoints';
import i18n, { rememberLocale } from '../i18n';
import type { UiLocale } from './format';
import { useOptionalSession } from './session';

/**
 * Switches the UI language. Before sign-in the choice lives in localStorage only;
 * once signed in it is also saved to the user's profile.
 */
export function useChangeLanguage(): (locale: UiLocale) => Promise<void> {
  const session = useOptionalSession();
  return useCallback(
    async (locale: UiLocale) => {
      rememberLocale(locale);
      await i18n.changeLanguage(locale);
      if (session && session.me.user.locale !== locale) {
        try {
          const { user } = await api.updateMe({ locale });
          session.updateUser(user);
        } catch {
          // The UI already switched; the profile keeps its previous language.
        }
      }
    },
    [session],
  );
}
