import { useCallback, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IDEA_STATUSES, type Idea, type IdeaStatus } from '@feedloop/contracts/ideas';
import { actApi } from '../api/act';
import { LinkedFeedback } from '../components/act/LinkedFeedback';
import { InlineStatus, StatusFilter } from '../components/act/StatusControls';
import { StatusChangeNotice, useStatusChanges } from '../components/act/StatusChanges';
import { Alert } from '../components/Alert';
import { useCursorList } from '../components/customers/useCursorList';
import { Field } from '../components/Field';
import { errorMessage } from '../lib/errors';
import { navigate, paths, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { canWriteFeedback, isolate } from '../lib/topics';
import { useFormat } from '../lib/useFormat';
import '../styles/act.css';
import { CursorListView } from '../components/customers/CursorListView';

const isStatus = (s: string | null): s is IdeaStatus => (IDEA_STATUSES as readonly string[]).includes(s ?? '');

/** Ideas with how many items and customers back them; agents create ideas and move them through their statuses. */
export function IdeasPage() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { me } = useSession();
  const canWrite = canWriteFeedback(me.role);
  const { query } = useLocation();
  const status = isStatus(query.get('status')) ? (query.get('status') as IdeaStatus) : undefined;
  const fetchPage = useCallback(
    (cursor: string | undefined, signal: AbortSignal) => actApi.ideas({ status, cursor }, { signal }),
    [status],
  );
  const list = useCursorList(status ?? '', fetchPage);
  const { message, change, current } = useStatusChanges<Idea>();
  const statusName = (s: IdeaStatus) => t(`act.ideas.statuses.${s}`);

  const changeStatus = (idea: Idea, next: IdeaStatus) =>
    change(idea, async () => {
      const updated = await actApi.updateIdea(idea.id, { status: next });
      const changedText = t('act.ideas.statusChanged', { title: isolate(idea.title), status: statusName(next) });
      const told = updated.notified.queued > 0 ? t('act.ideas.notified', { count: updated.notified.queued }) : '';
      return { saved: { ...idea, ...updated }, text: told ? `${changedText} ${told}` : changedText };
    });

  return (
    <div className="stack" data-testid="ideas-page">
      <div className="page-head">
        <h1 className="page-title">{t('act.ideas.title')}</h1>
        <p className="muted">{t('act.ideas.intro')}</p>
      </div>
      {canWrite && <NewIdeaForm onCreated={list.reload} />}
      <StatusFilter
        id="idea-status"
        label={t('act.ideas.filterStatus')}
        allLabel={t('act.ideas.allStatuses')}
        testId="idea-status-filter"
        statuses={IDEA_STATUSES}
        labelOf={statusName}
        value={status}
        onChange={(value) => navigate(paths.ideas(value), { replace: true })}
      />
      <StatusChangeNotice message={message} testId="idea-message" />
      <CursorListView
        list={list}
        loadMoreTestId="ideas-load-more"
        empty={
          <div className="card empty-state">
            <p>{status ? t('act.ideas.noMatch') : t('act.ideas.empty')}</p>
          </div>
        }
      >
        {(items) => (
          <ul className="act-list">
            {items.map((original) => {
              const idea = current(original);
              return (
                <li key={idea.id} className="card act-card" data-testid="idea-row">
                  <div className="act-card-head">
                    <h2 className="act-title">
                      <bdi>{idea.title}</bdi>
                    </h2>
                  </div>
                  {idea.description && (
                    <p className="act-description" dir="auto">
                      {idea.description}
                    </p>
                  )}
                  <div className="act-card-meta">
                    <InlineStatus
                      canWrite={canWrite}
                      label={t('act.ideas.status')}
                      testId="idea-status"
                      statuses={IDEA_STATUSES}
                      labelOf={statusName}
                      value={idea.status}
                      onChange={(next) => void changeStatus(idea, next)}
                    />
                    <span className="muted">{fmt.dateTime(idea.updatedAt)}</span>
                  </div>
                  <LinkedFeedback
                    load={() => actApi.idea(idea.id)}
                    label={t('act.ideas.backing', {
                      items: t('act.ideas.items', { count: idea.feedbackCount }),
                      customers: t('act.ideas.customers', { count: idea.customerCount }),
                    })}
                    emptyLabel={t('act.ideas.noItems')}
                  />
                </li>
              );
            })}
          </ul>
        )}
      </CursorListView>
    </div>
  );
}

function NewIdeaForm({ onCreated }: { onCreated: () => void }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [titleError, setTitleError] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setResult(null);
    if (!title.trim()) return setTitleError(true);
    setBusy(true);
    try {
      await actApi.createIdea({ title: title.trim(), description: description.trim() });
      setTitle('');
      setDescription('');
      setResult({ ok: true });
      onCreated();
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card stack" onSubmit={(e) => void submit(e)} noValidate data-testid="new-idea">
      <h2 className="card-title">{t('act.ideas.newTitle')}</h2>
      <Field label={t('act.ideas.titleLabel')} error={titleError ? t('act.ideas.titleRequired') : null}>
        {(props) => (
          <input
            {...props}
            className="input"
            dir="auto"
            maxLength={200}
            data-testid="idea-title"
            value={title}
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleError(false);
            }}
          />
        )}
      </Field>
      <Field label={t('act.ideas.description')}>
        {(props) => (
          <textarea
            {...props}
            className="input"
            dir="auto"
            rows={2}
            maxLength={5000}
            value={description}
            onChange={(e) => setDescription(e.target.value)}
          />
        )}
      </Field>
      <div>
        <button type="submit" className="button" disabled={busy} data-testid="idea-create">
          {t('act.ideas.create')}
        </button>
      </div>
      {result?.ok && (
        <p role="status" className="muted">
          {t('act.ideas.created')}
        </p>
      )}
      {result && !result.ok && <Alert>{errorMessage(t, result.error)}</Alert>}
    </form>
  );
}
