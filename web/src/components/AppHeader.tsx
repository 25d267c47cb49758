import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { paths, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Link } from './Link';
import { Logo } from './Logo';

export function AppHeader() {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const { path } = useLocation();
  const [loggingOut, setLoggingOut] = useState(false);

  const navItems = [
    { to: paths.feedbackList(), label: t('nav.feedback'), active: path.startsWith('/feedback') },
    { to: paths.settings(), label: t('nav.settings'), active: path.startsWith('/settings') },
  ];

  return (
    <header className="topbar">
      <div className="topbar-inner">
        <Link to={paths.feedbackList()} className="brand" title={t('nav.workspace')}>
          <Logo />
          <span className="brand-name" dir="auto">
            {me.workspace.name}
          </span>
        </Link>
        <nav className="nav" aria-label={t('nav.main')}>
          {navItems.map((item) => (
            <Link
              key={item.to}
              to={item.to}
              className={item.active ? 'nav-link active' : 'nav-link'}
              aria-current={item.active ? 'page' : undefined}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <div className="topbar-actions">
          <LanguageSwitcher />
          <span className="user-chip" title={me.user.email} dir="auto">
            {me.user.name}
          </span>
          <button
            type="button"
            className="button button-ghost"
            data-testid="logout"
            disabled={loggingOut}
            onClick={() => {
              setLoggingOut(true);
              void logout().finally(() => setLoggingOut(false));
            }}
          >
            {t('nav.logout')}
          </button>
        </div>
      </div>
    </header>
  );
}
