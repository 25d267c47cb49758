import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';

interface AuthLayoutProps {
  title: string;
  intro?: string;
  wide?: boolean;
  children: ReactNode;
}

/** Centered card used by the sign-in and first-run setup pages. */
export function AuthLayout({ title, intro, wide = false, children }: AuthLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <header className="auth-top">
        <span className="brand">
          <Logo />
          <span className="brand-name">{t('app.name')}</span>
        </span>
        <LanguageSwitcher />
      </header>
      <main id="main" className={wide ? 'auth-card card auth-card-wide' : 'auth-card card'}>
        <h1 className="auth-title">{title}</h1>
        {intro && <p className="muted auth-intro">{intro}</p>}
        {children}
      </main>
    </div>
  );
}
