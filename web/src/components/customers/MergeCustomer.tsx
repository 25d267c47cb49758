import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, MergeResult } from '@feedloop/contracts/customers';
import { customersApi } from '../../api/customers';
import { errorMessage } from '../../lib/errors';
import { useDebouncedDraft } from '../../lib/useDebouncedValue';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { KeyValueList } from '../KeyValueList';
import { LifetimeValue } from './LifetimeValue';
import { customerLabel } from './identity';
import { ACTIVITY_KINDS } from './activity';
import { isolate } from '../../lib/topics';
import { useCursorList } from './useCursorList';

const IDENTIFIERS = ['name', 'externalId', 'email', 'phone'] as const;

/**
 * Merge another customer into this one: find them, preview what moves, what this customer then
 * has and which identifiers it keeps (POST /customers/merge with preview: true), then confirm.
 */
export function MergeCustomer({ target, onMerged, onClose }: { target: Customer; onMerged: () => void; onClose: () => void }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [q, setQ] = useState('');
  const [draft, setDraft] = useDebouncedDraft(q, (value) => setQ(value.trim()));
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => customersApi.list({ q, cursor, limit: 10 }, { signal }),
    [q],
  );
  const results = useCursorList(q, fetchPage);
  const [source, setSource] = useState<Customer | null>(null);
  const [preview, setPreview] = useState<MergeResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [missingChoice, setMissingChoice] = useState(false);

  async function run(chosen: Customer | null, confirm: boolean) {
    if (!chosen) {
      setMissingChoice(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const result = await customersApi.merge(target.id, chosen.id, !confirm);
      if (confirm) onMerged();
      else setPreview(result);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  function choose(c: Customer) {
    setSource(c);
    setMissingChoice(false);
    setPreview(null);
    void run(c, false);
  }

  const candidates = results.items.filter((c) => c.id !== target.id);
  return (
    <section className="card merge-panel stack-sm" aria-labelledby="merge-title" data-testid="merge-panel">
      <h2 className="card-title" id="merge-title">
        {t('customer360.merge.title')}
      </h2>
      <p className="muted">{t('customer360.merge.intro', { name: isolate(customerLabel(target, t)) })}</p>
      <label className="field-label" htmlFor="merge-search">
        {t('customer360.merge.search')}
      </label>
      <input
        id="merge-search"
        className="input"
        type="search"
        dir="auto"
        maxLength={200}
        data-testid="merge-search"
        aria-invalid={missingChoice ? true : undefined}
        aria-describedby={missingChoice ? 'merge-missing' : undefined}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
      />
      {missingChoice && (
        <p className="field-error" id="merge-missing">
          {t('customer360.merge.chooseFirst')}
        </p>
      )}
      {q && results.status === 'ready' && candidates.length === 0 && <p className="muted">{t('customer360.noMatch')}</p>}
      {q && candidates.length > 0 && (
        <ul className="merge-candidates">
          {candidates.map((c) => (
            <li key={c.id}>
              <label className="checkbox">
                <input
                  type="radio"
                  name="merge-source"
                  checked={source?.id === c.id}
                  onChange={() => choose(c)}
                  data-testid="merge-candidate"
                />
                <bdi>{customerLabel(c, t)}</bdi>
                {c.phone && (
                  <bdi dir="ltr" className="muted">
                    {c.phone}
                  </bdi>
                )}
              </label>
            </li>
          ))}
        </ul>
      )}
      {preview && source && (
        <div className="merge-preview" data-testid="merge-preview">
          <table className="table merge-totals" data-testid="merge-totals">
            <caption>{t('customer360.merge.totals', { name: isolate(customerLabel(source, t)) })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('customer360.merge.record')}</th>
                <th scope="col" className="num">
                  {t('customer360.merge.moving')}
                </th>
                <th scope="col" className="num">
                  {t('customer360.merge.after')}
                </th>
              </tr>
            </thead>
            <tbody>
              {ACTIVITY_KINDS.map(([kind, label]) => (
                <tr key={kind} data-testid={`merge-row-${kind}`}>
                  <th scope="row">{t(`customer360.${label}`)}</th>
                  <td className="num" data-testid="merge-moving">
                    {fmt.number(preview.moves[kind])}
                  </td>
                  <td className="num" data-testid="merge-after">
                    {fmt.number(preview.activity[kind])}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="field-label">{t('customer360.merge.lifetimeValueAfter')}</p>
          <LifetimeValue value={preview.customer.lifetimeValue} />
          <p className="field-label">{t('customer360.merge.keeps')}</p>
          <KeyValueList
            items={IDENTIFIERS.filter((k) => preview.customer[k]).map((k) => ({
              key: k,
              label: t(`customer360.${k}`),
              value: <bdi dir={k === 'phone' ? 'ltr' : 'auto'}>{preview.customer[k]}</bdi>,
            }))}
          />
        </div>
      )}
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
      <div className="button-row">
        <button
          type="button"
          className="button button-primary"
          data-testid="merge-confirm"
          disabled={busy || (source !== null && !preview)}
          onClick={() => void run(source, true)}
        >
          {t('customer360.merge.confirm')}
        </button>
        <button type="button" className="button" onClick={onClose}>
          {t('customer360.merge.cancel')}
        </button>
      </div>
    </section>
  );
}
