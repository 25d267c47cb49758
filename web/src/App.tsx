import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, setUnauthorizedHandler } from './api/client';
import { api } from './api/endpoints';
import type { Me, User } from '@feedloop/contracts/auth';
import { Alert } from './components/Alert';
import { AppHeader } from './components/AppHeader';
import { Loading } from './components/Loading';
import i18n, { rememberLocale, setDigitsPreference } from './i18n';
import { errorMessage } from './lib/errors';
import { useFocusOnNavigation, usePageTitle } from './lib/page-title';
import { matchRoute, navigate, paths, safeNext, useLocation, type Route } from './lib/router';
import { SessionContext, type Session } from './lib/session';
import { FeedbackDetailPage } from './pages/FeedbackDetailPage';
import { FeedbackListPage } from './pages/FeedbackListPage';
import { LoginPage } from './pages/LoginPage';
import { NotFoundPage } from './pages/NotFoundPage';
import { SettingsPage } from './pages/SettingsPage';
import { SetupPage } from './pages/SetupPage';
import { InvitePage } from './pages/InvitePage';
import { ThemesPage } from './pages/ThemesPage';
import { SurveyEditorPage } from './pages/SurveyEditorPage';
import { SurveyResultsPage } from './pages/SurveyResultsPage';
import { SurveysPage } from './pages/SurveysPage';
import { SegmentsPage } from './pages/SegmentsPage';
import { TopicsPage } from './pages/TopicsPage';
import { CustomersPage } from './pages/CustomersPage';
import { CustomerPage } from './pages/CustomerPage';

// Lazy: the charting library stays out of the first screen's bundle.
const OverviewPage = lazy(() => import('./pages/OverviewPage').then((m) => ({ default: m.OverviewPage })));
const RulesPage = lazy(() => import('./pages/RulesPage').then((m) => ({ default: m.RulesPage })));
const TicketsPage = lazy(() => import('./pages/TicketsPage').then((m) => ({ default: m.TicketsPage })));
const TicketPage = lazy(() => import('./pages/TicketPage').then((m) => ({ default: m.TicketPage })));
const TasksPage = lazy(() => import('./pages/TasksPage').then((m) => ({ default: m.TasksPage })));
const IdeasPage = lazy(() => import('./pages/IdeasPage').then((m) => ({ default: m.IdeasPage })));
const MetricsPage = lazy(() => import('./pages/MetricsPage').then((m) => ({ default: m.MetricsPage })));
const LeaguePage = lazy(() => import('./pages/LeaguePage').then((m) => ({ default: m.LeaguePage })));
const DriversPage = lazy(() => import('./pages/DriversPage').then((m) => ({ default: m.DriversPage })));
const BeforeAfterPage = lazy(() => import('./pages/BeforeAfterPage').then((m) => ({ default: m.BeforeAfterPage })));
const SurveySendPage = lazy(() => import('./pages/SurveySendPage').then((m) => ({ default: m.SurveySendPage })));

type Boot =
  | { kind: 'loading' }
  | { kind: 'error'; error: unknown }
  | { kind: 'setup' }
  | { kind: 'anon'; expired?: boolean }
  | { kind: 'authed'; me: Me };

/** Applies the signed-in user's language and digit preferences before anything renders with them. */
function applyUserPreferences(user: User | null): void {
  setDigitsPreference(user?.digits ?? 'auto');
  if (user) {
    rememberLocale(user.locale);
    if (i18n.language !== user.locale) void i18n.changeLanguage(user.locale);
  }
}

/** Where the URL should be for the current state, or null when it is fine. */
function redirectFor(boot: Boot, route: Route, href: string, next: string | null): string | null {
  switch (boot.kind) {
    case 'setup':
      return route.name === 'setup' ? null : paths.setup();
    case 'anon': {
      if (route.name === 'login' || route.name === 'invite') return null;
      const keep = route.name !== 'root' && route.name !== 'setup' && route.name !== 'notFound';
      return paths.login(keep ? href : undefined);
    }
    case 'authed':
      if (route.name === 'login') return safeNext(next);
      if (route.name === 'setup') return paths.overview();
      return null;
    default:
      return null;
  }
}

export function App() {
  const { t } = useTranslation();
  const location = useLocation();
  const route = matchRoute(location.path);
  const [boot, setBoot] = useState<Boot>({ kind: 'loading' });
  const main = useRef<HTMLElement>(null);
  usePageTitle(route.name);
  useFocusOnNavigation(location.path, main);

  const loadSession = useCallback(async () => {
    try {
      const { needsSetup } = await api.setupStatus({ redirectOnUnauthorized: false });
      if (needsSetup) {
        setBoot({ kind: 'setup' });
        return;
      }
      const me = await api.me({ redirectOnUnauthorized: false });
      applyUserPreferences(me.user);
      setBoot({ kind: 'authed', me });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setBoot({ kind: 'anon' });
      else setBoot({ kind: 'error', error });
    }
  }, []);

  useEffect(() => {
    void loadSession();
  }, [loadSession]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      applyUserPreferences(null);
      setBoot((current) => (current.kind === 'authed' ? { kind: 'anon', expired: true } : current));
    });
    return () => setUnauthorizedHandler(null);
  }, []);

  const redirect = redirectFor(boot, route, location.href, location.query.get('next'));
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  const me = boot.kind === 'authed' ? boot.me : null;
  const session = useMemo<Session | null>(() => {
    if (!me) return null;
    return {
      me,
      updateUser(user) {
        applyUserPreferences(user);
        setBoot((current) => (current.kind === 'authed' ? { kind: 'authed', me: { ...current.me, user } } : current));
      },
      async logout() {
        try {
          await api.logout();
        } catch {
          // Even if the request fails, forget the session locally.
        }
        applyUserPreferences(null);
        setBoot({ kind: 'anon' });
        navigate(paths.login(), { replace: true });
      },
    };
  }, [me]);

  // An invitation link works signed out and signed in (it may add this account to another workspace).
  if (route.name === 'invite' && (boot.kind === 'anon' || boot.kind === 'authed')) {
    return (
      <InvitePage token={route.token} onAccepted={() => void loadSession().then(() => navigate(paths.feedbackList(), { replace: true }))} />
    );
  }

  switch (boot.kind) {
    case 'loading':
      return <Loading fullPage />;
    case 'error':
      return (
        <main id="main" className="boot-error">
          <Alert
            action={
              <button type="button" className="button" onClick={() => void loadSession()}>
                {t('app.retry')}
              </button>
            }
          >
            <p>{t('app.bootError')}</p>
            <p>{errorMessage(t, boot.error)}</p>
          </Alert>
        </main>
      );
    case 'setup':
      return <SetupPage onComplete={loadSession} onAlreadySetUp={() => setBoot({ kind: 'anon' })} />;
    case 'anon':
      return <LoginPage expired={boot.expired} onSignedIn={loadSession} />;
  }

  return (
    <SessionContext.Provider value={session}>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <AppHeader />
      <main id="main" className="page" tabIndex={-1} ref={main}>
        {redirect ? <Loading /> : <AuthedPage route={route} />}
      </main>
    </SessionContext.Provider>
  );
}

function AuthedPage({ route }: { route: Route }) {
  switch (route.name) {
    case 'root':
      return (
        <Suspense fallback={<Loading />}>
          <OverviewPage />
        </Suspense>
      );
    case 'feedbackList':
      return <FeedbackListPage />;
    case 'feedbackDetail':
      return <FeedbackDetailPage key={route.id} id={route.id} />;
    case 'settings':
      return <SettingsPage />;
    case 'topics':
      return <TopicsPage />;
    case 'themes':
      return <ThemesPage />;
    case 'surveys':
      return <SurveysPage />;
    case 'surveyEditor':
      return <SurveyEditorPage key={route.id} id={route.id} />;
    case 'surveyResults':
      return <SurveyResultsPage key={route.id} id={route.id} />;
    case 'surveySend':
      return <SurveySendPage key={route.id} id={route.id} />;
    case 'segments':
      return <SegmentsPage />;
    case 'customers':
      return <CustomersPage />;
    case 'customer':
      return <CustomerPage key={route.id} id={route.id} />;
    case 'ticket':
      return (
        <Suspense fallback={<Loading />}>
          <TicketPage key={route.id} id={route.id} />
        </Suspense>
      );
    case 'tickets':
    case 'ideas':
      return <Suspense fallback={<Loading />}>{route.name === 'tickets' ? <TicketsPage /> : <IdeasPage />}</Suspense>;
    case 'tasks':
      return (
        <Suspense fallback={<Loading />}>
          <TasksPage />
        </Suspense>
      );
    case 'rules':
      return (
        <Suspense fallback={<Loading />}>
          <RulesPage />
        </Suspense>
      );
    case 'metrics':
    case 'drivers':
    case 'league':
    case 'beforeAfter':
      return (
        <Suspense fallback={<Loading />}>
          {route.name === 'metrics' ? (
            <MetricsPage />
          ) : route.name === 'drivers' ? (
            <DriversPage />
          ) : route.name === 'league' ? (
            <LeaguePage />
          ) : (
            <BeforeAfterPage />
          )}
        </Suspense>
      );
    default:
      return <NotFoundPage />;
  }
}
