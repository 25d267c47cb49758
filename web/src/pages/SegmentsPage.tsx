import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import type { Segment } from '@feedloop/contracts/segments';
import { segmentsApi } from '../api/segments';
import { Alert } from '../components/Alert';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { SegmentBuilder } from '../components/segments/SegmentBuilder';
import { useSession } from '../lib/session';
import { useFormat } from '../lib/useFormat';
import '../styles/segments.css';

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; segments: Segment[] };
type Notice = 'saved' | 'deleted' | null;

/** Saved segments with their sizes, and the builder for a new or an opened segment. */
export function SegmentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { me } = useSession();
  // Customers may be changed by every role but viewers (the API's customers:write).
  const canEdit = me.role !== 'viewer';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [openId, setOpenId] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);

  useEffect(() => {
    const abort = new AbortController();
    segmentsApi
      .list({ signal: abort.signal })
      .then((list) => setLoad({ status: 'ready', segments: list.data }))
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [reload]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <LoadError error={load.error} onRetry={() => setReload((n) => n + 1)} />;

  const open = load.segments.find((s) => s.id === openId) ?? null;

  function saved(segment: Segment) {
    setLoad((current) =>
      current.status !== 'ready'
        ? current
        : {
            status: 'ready',
            segments: current.segments.some((s) => s.id === segment.id)
              ? current.segments.map((s) => (s.id === segment.id ? segment : s))
              : [segment, ...current.segments],
          },
    );
    setOpenId(segment.id);
    setNotice('saved');
  }

  function deleted(id: string) {
    setLoad((current) =>
      current.status !== 'ready' ? current : { status: 'ready', segments: current.segments.filter((s) => s.id !== id) },
    );
    setOpenId(null);
    setNotice('deleted');
  }

  function select(id: string | null) {
    setOpenId(id);
    setNotice(null);
  }

  return (
    <div className="stack" data-testid="segments-page">
      <div className="page-head">
        <h1 className="page-title">{t('segments.title')}</h1>
        <p className="muted">{t('segments.intro')}</p>
      </div>
      {notice && <Alert tone="success">{t(`segments.${notice}`)}</Alert>}
      <div className="segments-layout">
        <section className="card segment-list-card" aria-labelledby="segment-list-title">
          <h2 className="card-title" id="segment-list-title">
            {t('segments.listTitle')}
          </h2>
          {load.segments.length === 0 ? (
            <p className="muted" data-testid="segments-empty">
              {t('segments.empty')}
            </p>
          ) : (
            <ul className="segment-list" data-testid="segment-list">
              {load.segments.map((s) => (
                <li key={s.id}>
                  <button
                    type="button"
                    className={s.id === openId ? 'segment-list-item active' : 'segment-list-item'}
                    aria-current={s.id === openId ? 'true' : undefined}
                    data-testid="segment-list-item"
                    data-id={s.id}
                    onClick={() => select(s.id)}
                  >
                    <bdi className="segment-list-name">{s.name}</bdi>
                    <span className="muted" data-testid="segment-member-count">
                      {t('segments.members', { count: s.memberCount })}
                    </span>
                    <span className="muted segment-list-date">{format.date(s.updatedAt, 'medium')}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" className="button" data-testid="segment-new" onClick={() => select(null)}>
            {t('segments.new')}
          </button>
        </section>
        <SegmentBuilder key={open?.id ?? 'new'} segment={open} canEdit={canEdit} onSaved={saved} onDeleted={deleted} />
      </div>
    </div>
  );
}
