import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/client';
import type { Customer } from '@feedloop/contracts/customers';
import { customersApi } from '../../api/customers';
import type { PersonalLink, PersonalLinks as Links } from '@feedloop/contracts/survey-sending';
import { surveySendingApi } from '../../api/survey-sending';
import type { Survey } from '@feedloop/contracts/surveys';
import { errorMessage } from '../../lib/errors';
import { personalLinksCsv } from '../../lib/survey-sending';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { ListProblems } from './ListProblems';

/** Links listed on the page; the CSV file has every one. */
const SHOWN_LINKS = 20;

const who = (c: {
  name: string | null;
  email: string | null;
  phone: string | null;
  externalId: string | null;
  customerId?: string;
  id?: string;
}) => c.name ?? c.email ?? c.phone ?? c.externalId ?? c.customerId ?? c.id ?? '';

/** Personal links: signed for one customer each, for a customer found by search or a pasted list. */
export function PersonalLinks({ survey }: { survey: Survey }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const titleId = useId();
  const [mode, setMode] = useState<'customer' | 'list'>('customer');
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<Customer[] | null>(null);
  const [list, setList] = useState('');
  const [listError, setListError] = useState<string | null>(null);
  const [made, setMade] = useState<Links | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const q = query.trim();
    if (mode !== 'customer' || q.length < 2) return setMatches(null);
    const abort = new AbortController();
    const timer = setTimeout(() => {
      customersApi
        .list({ q, limit: 8 }, { signal: abort.signal })
        .then((page) => setMatches(page.data))
        .catch((e: unknown) => {
          if (!isAbortError(e)) setError(e);
        });
    }, 300);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [query, mode]);

  async function make(audience: { customerIds: string[] } | { list: string }) {
    setBusy(true);
    setError(null);
    setMade(null);
    try {
      setMade(await surveySendingApi.links(survey.id, audience));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function makeForList(event: FormEvent) {
    event.preventDefault();
    if (!list.trim()) return setListError(t('surveySending.email.errors.listEmpty'));
    void make({ list });
  }

  function download(links: PersonalLink[]) {
    const csv = personalLinksCsv(links, {
      name: t('surveySending.links.csvName'),
      email: t('surveySending.links.csvEmail'),
      phone: t('surveySending.links.csvPhone'),
      customerId: t('surveySending.links.csvCustomerId'),
      link: t('surveySending.links.csvLink'),
    });
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `survey-links-${survey.id.slice(0, 8)}.csv`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  return (
    <section className="card stack" aria-labelledby={titleId} data-testid="personal-links">
      <h2 className="card-title" id={titleId}>
        {t('surveySending.links.title')}
      </h2>
      <p className="muted">{t('surveySending.links.intro')}</p>
      <fieldset className="audience-picks">
        <legend className="visually-hidden">{t('surveySending.links.title')}</legend>
        {(['customer', 'list'] as const).map((m) => (
          <label key={m} className="checkbox">
            <input
              type="radio"
              name="links-for"
              value={m}
              checked={mode === m}
              onChange={() => {
                setMode(m);
                setMade(null);
                setError(null);
              }}
            />{' '}
            {t(m === 'customer' ? 'surveySending.links.forCustomer' : 'surveySending.links.forList')}
          </label>
        ))}
      </fieldset>

      {mode === 'customer' ? (
        <div className="stack">
          <Field label={t('surveySending.links.search')} hint={t('surveySending.links.searchHint')}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="search"
                dir="auto"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                data-testid="link-search"
              />
            )}
          </Field>
          {matches && matches.length === 0 && <p className="muted">{t('surveySending.links.noMatch')}</p>}
          {matches && matches.length > 0 && (
            <ul className="customer-picks">
              {matches.map((c) => (
                <li key={c.id}>
                  <button type="button" className="button button-small" disabled={busy} onClick={() => void make({ customerIds: [c.id] })}>
                    {t('surveySending.links.pick', { name: who(c) })}
                  </button>
                  {c.email && c.name && (
                    <span className="muted">
                      <bdi dir="ltr">{c.email}</bdi>
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : (
        <form className="stack" noValidate onSubmit={makeForList}>
          <Field label={t('surveySending.links.list')} hint={t('surveySending.email.listHint')} error={listError}>
            {(props) => (
              <textarea
                {...props}
                className="recipients-list"
                dir="ltr"
                rows={5}
                value={list}
                data-testid="links-list"
                onChange={(e) => {
                  setList(e.target.value);
                  setListError(null);
                }}
              />
            )}
          </Field>
          <div>
            <button type="submit" className="button" disabled={busy} data-testid="make-links">
              {t('surveySending.links.makeAll')}
            </button>
          </div>
        </form>
      )}

      {error ? <Alert>{errorMessage(t, error)}</Alert> : null}
      {made && (
        <div className="stack" data-testid="links-made">
          <p>
            {t('surveySending.links.made', { count: made.links.length })}{' '}
            {t('surveySending.links.validUntil', { date: fmt.date(made.expiresAt, 'long') })}
          </p>
          {made.list && <ListProblems report={made.list} />}
          {made.links.length > 1 && (
            <div className="link-row">
              <button type="button" className="button" onClick={() => download(made.links)} data-testid="download-links">
                {t('surveySending.links.download')}
              </button>
              {made.links.length > SHOWN_LINKS && (
                <span className="muted">{t('surveySending.links.shownFirst', { count: SHOWN_LINKS })}</span>
              )}
            </div>
          )}
          <div className="table-wrap">
            <table className="table links-table">
              <thead>
                <tr>
                  <th scope="col">{t('surveySending.links.customer')}</th>
                  <th scope="col">{t('surveySending.links.link')}</th>
                </tr>
              </thead>
              <tbody>
                {made.links.slice(0, SHOWN_LINKS).map((link) => (
                  <LinkRow key={link.customerId} link={link} />
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}

/** One customer's link, read-only and selectable, with a button that copies it. */
function LinkRow({ link }: { link: PersonalLink }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const name = who(link);
  async function copy() {
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      // No clipboard (an insecure origin, a denied permission): select it for Ctrl+C instead.
      input.current?.select();
    }
  }
  return (
    <tr data-testid="link-row">
      <td className="col-text" data-label={t('surveySending.links.customer')}>
        <bdi>{name}</bdi>
        {link.email && link.email !== name && (
          <div className="muted">
            <bdi dir="ltr">{link.email}</bdi>
          </div>
        )}
      </td>
      <td className="col-text" data-label={t('surveySending.links.link')}>
        <div className="link-row">
          <input
            ref={input}
            className="input link-url"
            dir="ltr"
            readOnly
            value={link.url}
            aria-label={t('surveySending.links.link')}
            onFocus={(e) => e.target.select()}
          />
          <button
            type="button"
            className="button button-small"
            aria-label={t('surveySending.links.copyFor', { name })}
            onClick={() => void copy()}
          >
            {copied ? t('surveySending.links.copied') : t('surveySending.links.copy')}
          </button>
        </div>
      </td>
    </tr>
  );
}
