import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import type { TopicLanguage } from '@feedloop/contracts/analysis';
import type { PromotedTheme, Theme, ThemeList, ThemeTrend } from '@feedloop/contracts/themes';
import { themesApi } from '../api/themes';
import { Alert } from '../components/Alert';
import { LoadError } from '../components/LoadError';
import { Field } from '../components/Field';
import { Link } from '../components/Link';
import { Loading } from '../components/Loading';
import { UI_LOCALES, isUiLocale } from '../i18n';
import { errorMessage } from '../lib/errors';
import { navigate, paths, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { useFormat } from '../lib/useFormat';
import '../styles/themes.css';

const THEME_WINDOWS = [7, 14, 30] as const;
const DEFAULT_DAYS = 14;

// Arrows point up/down only, so they read the same in right-to-left layouts.
const TREND_ICON: Record<ThemeTrend, string> = { new: '✦', rising: '↑', steady: '•', falling: '↓' };

type Promotion = { status: 'idle' | 'saving' } | { status: 'done'; result: PromotedTheme } | { status: 'error'; error: unknown };
type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; list: ThemeList };

function readQuery(query: URLSearchParams) {
  const days = Number(query.get('days'));
  const language = query.get('language') ?? '';
  return {
    days: (THEME_WINDOWS as readonly number[]).includes(days) ? days : DEFAULT_DAYS,
    language: isUiLocale(language) ? language : '',
  };
}

export function ThemesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  const { query } = useLocation();
  const { days, language } = readQuery(query);
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reloadToken, setReloadToken] = useState(0);
  const canPromote = me.role === 'owner' || me.role === 'admin';

  useEffect(() => {
    const abort = new AbortController();
    setLoad({ status: 'loading' });
    themesApi
      .list({ days, language: language || undefined }, { signal: abort.signal })
      .then((list) => setLoad({ status: 'ready', list }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [days, language, reloadToken]);

  function update(next: { days?: number; language?: string }) {
    const params = new URLSearchParams();
    const nextDays = next.days ?? days;
    const nextLanguage = next.language ?? language;
    if (nextDays !== DEFAULT_DAYS) params.set('days', String(nextDays));
    if (nextLanguage) params.set('language', nextLanguage);
    const search = params.toString();
    navigate(paths.themes(search ? `?${search}` : ''), { replace: true });
  }

  return (
    <div className="stack">
      <div className="page-head">
        <h1 className="page-title">{t('themes.title')}</h1>
        <p className="muted">{t('themes.intro')}</p>
      </div>

      <section className="card themes-controls" aria-label={t('themes.controls')}>
        <Field label={t('themes.language')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="themes-language"
              value={language}
              onChange={(event) => update({ language: event.target.value })}
            >
              <option value="">{t('themes.allLanguages')}</option>
              {UI_LOCALES.map((code) => (
                <option key={code} value={code}>
                  {format.languageName(code)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('themes.window')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="themes-days"
              value={days}
              onChange={(event) => update({ days: Number(event.target.value) })}
            >
              {THEME_WINDOWS.map((d) => (
                <option key={d} value={d}>
                  {t('themes.lastDays', { count: d })}
                </option>
              ))}
            </select>
          )}
        </Field>
      </section>

      {load.status === 'loading' && <Loading />}

      {load.status === 'error' && <LoadError error={load.error} onRetry={() => setReloadToken((n) => n + 1)} />}

      {load.status === 'ready' && (
        <>
          <p className="muted" aria-live="polite" data-testid="themes-summary">
            {t('themes.basedOn', { count: load.list.window.items })}
            {load.list.window.capped && ` ${t('themes.capped')}`}
          </p>
          {load.list.data.length === 0 ? (
            <div className="card empty-state">
              <p>{t('themes.empty')}</p>
            </div>
          ) : (
            <ol className="themes-list" data-testid="themes-list">
              {load.list.data.map((theme) => (
                <ThemeCard key={`${theme.language}:${theme.key}`} theme={theme} days={days} canPromote={canPromote} />
              ))}
            </ol>
          )}
        </>
      )}
    </div>
  );
}

function ThemeCard({ theme, days, canPromote }: { theme: Theme; days: number; canPromote: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [promotion, setPromotion] = useState<Promotion>({ status: 'idle' });

  async function promote() {
    setPromotion({ status: 'saving' });
    try {
      // A theme of a language without topic keywords is refused by the server (400), shown below.
      const result = await themesApi.promote({ phrase: theme.phrase, language: theme.language as TopicLanguage, days });
      setPromotion({ status: 'done', result });
    } catch (error) {
      setPromotion({ status: 'error', error });
    }
  }

  return (
    <li className="card theme-card" data-testid="theme">
      <div className="theme-head">
        <h2 className="theme-phrase" dir="auto" lang={theme.language}>
          {theme.phrase}
        </h2>
        <span className="tag">{format.languageName(theme.language)}</span>
        <span className={`theme-trend theme-trend-${theme.trend}`}>
          <span aria-hidden="true">{TREND_ICON[theme.trend]}</span> {t(`themes.trend.${theme.trend}`)}
        </span>
      </div>
      <p className="theme-counts">
        <span className="theme-count">{t('themes.items', { count: theme.count })}</span>
        <span className="muted">{t('themes.previous', { count: theme.previousCount })}</span>
        {theme.coveredShare > 0 && <span className="muted">{t('themes.covered', { percent: format.percent(theme.coveredShare) })}</span>}
      </p>
      <h3 className="theme-examples-title">{t('themes.examples')}</h3>
      <ul className="theme-examples">
        {theme.exampleItems.map((item) => (
          <li key={item.id}>
            <Link to={paths.feedbackDetail(item.id)} className="theme-example" dir="auto" lang={theme.language}>
              {item.text}
            </Link>
          </li>
        ))}
      </ul>
      {canPromote && promotion.status !== 'done' && (
        <div className="theme-actions">
          <button
            type="button"
            className="button button-primary button-small"
            data-testid="theme-promote"
            disabled={promotion.status === 'saving'}
            onClick={() => void promote()}
          >
            {promotion.status === 'saving' ? t('themes.promoting') : t('themes.promote')}
          </button>
        </div>
      )}
      {promotion.status === 'error' && <Alert>{errorMessage(t, promotion.error)}</Alert>}
      {promotion.status === 'done' && (
        <Alert tone="success">
          <p>
            {t('themes.promoted')} <bdi lang={theme.language}>{promotion.result.topic.names[format.prefs.locale] ?? theme.phrase}</bdi>
          </p>
          <p>{t('themes.reanalysing', { count: promotion.result.reanalysis.total })}</p>
          <p>
            <Link to={paths.topics()}>{t('themes.viewTopics')}</Link>
          </p>
        </Alert>
      )}
    </li>
  );
}
