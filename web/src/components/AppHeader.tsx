import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/endpoints';
import { errorMessage } from '../lib/errors';
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
  const [switching, setSwitching] = useState(false);
  const [switchError, setSwitchError] = useState<unknown>(null);
  const canSwitch = (me.workspaces?.length ?? 0) > 1;
  // On a phone the navigation and the account actions fold behind a menu button (a disclosure);
  // on wider screens CSS hides the button and always shows the menu.
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);

  // Moving to another page closes the menu (focus then goes to the new page's heading).
  useEffect(() => setMenuOpen(false), [path]);

  function closeMenuOnEscape(event: KeyboardEvent) {
    if (event.key !== 'Escape' || !menuOpen) return;
    setMenuOpen(false);
    menuButton.current?.focus();
  }

  async function switchWorkspace(workspaceId: string) {
    if (workspaceId === me.workspace.id) return;
    setSwitching(true);
    setSwitchError(null);
    try {
      await api.switchWorkspace(workspaceId);
      // Everything on screen (names, role, lists, open items) belongs to the previous workspace:
      // start again from the new workspace's feedback list.
      window.location.assign(paths.feedbackList());
    } catch (error) {
      setSwitchError(error);
      setSwitching(false);
    }
  }

  const navItems = [
    { to: paths.overview(), label: t('overview.nav'), active: path === paths.overview() },
    { to: paths.metrics(), label: t('metrics.nav'), active: path.startsWith('/evaluate') },
    { to: paths.feedbackList(), label: t('nav.feedback'), active: path.startsWith('/feedback') },
    { to: paths.themes(), label: t('nav.themes'), active: path.startsWith('/themes') },
    { to: paths.surveys(), label: t('nav.surveys'), active: path.startsWith('/surveys') },
    { to: paths.segments(), label: t('segments.nav'), active: path.startsWith('/segments') },
    { to: paths.customers(), label: t('customer360.nav'), active: path.startsWith('/customers') },
    { to: paths.tickets(), label: t('act.tickets.nav'), active: path.startsWith('/tickets') },
    { to: paths.tasks(), label: t('tasks.nav'), active: path.startsWith('/tasks') },
    { to: paths.ideas(), label: t('act.ideas.nav'), active: path.startsWith('/ideas') },
    { to: paths.rules(), label: t('rules.nav'), active: path.startsWith('/rules') },
    { to: paths.settings(), label: t('nav.settings'), active: path.startsWith('/settings') },
  ];

  return (
    <header className="topbar" onKeyDown={closeMenuOnEscape}>
      <div className="topbar-inner">
        {canSwitch ? (
          <div className="brand">
            <Link to={paths.overview()} className="brand" aria-label={t('overview.nav')}>
              <Logo />
            </Link>
            <select
              className="select select-compact"
              data-testid="workspace-switcher"
              aria-label={t('nav.switchWorkspace')}
              title={t('nav.workspace')}
              dir="auto"
              value={me.workspace.id}
              disabled={switching}
              aria-invalid={switchError !== null ? true : undefined}
              aria-describedby={switchError !== null ? 'workspace-switch-error' : undefined}
              onChange={(event) => void switchWorkspace(event.target.value)}
            >
              {me.workspaces.map((workspace) => (
                <option key={workspace.id} value={workspace.id}>
                  {workspace.name}
                </option>
              ))}
            </select>
            {switchError !== null && (
              <span id="workspace-switch-error" className="field-error" role="alert">
                {errorMessage(t, switchError)}
              </span>
            )}
          </div>
        ) : (
          <Link to={paths.overview()} className="brand" title={t('nav.workspace')}>
            <Logo />
            <span className="brand-name" dir="auto">
              {me.workspace.name}
            </span>
          </Link>
        )}
        <button
          ref={menuButton}
          type="button"
          className="button button-ghost menu-button"
          data-testid="menu-button"
          aria-expanded={menuOpen}
          aria-controls="topbar-menu"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <MenuIcon open={menuOpen} />
          {t('shell.menu')}
        </button>
        <div id="topbar-menu" className={menuOpen ? 'topbar-menu open' : 'topbar-menu'}>
          <nav className="nav" aria-label={t('nav.main')}>
            {navItems.map((item) => (
              <Link
                key={item.to}
                to={item.to}
                className={item.active ? 'nav-link active' : 'nav-link'}
                aria-current={item.active ? 'page' : undefined}
                onClick={() => setMenuOpen(false)}
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
      </div>
    </header>
  );
}

function MenuIcon({ open }: { open: boolean }) {
  return (
    <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d={open ? 'M5 5l10 10M15 5L5 15' : 'M3 5.5h14M3 10h14M3 14.5h14'}
        stroke="currentColor"
        strokeWidth="1.8"
        strokeLinecap="round"
        fill="none"
      />
    </svg>
  );
}
