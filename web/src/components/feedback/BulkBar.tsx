import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/endpoints';
import type { BulkUpdate } from '../../api/types';
import { errorMessage } from '../../lib/errors';
import { topicDisplayName } from '../../lib/topics';
import { Alert } from '../Alert';
import { Field } from '../Field';
import type { ExplorerOptions } from './useExplorerOptions';

interface BulkBarProps {
  ids: string[];
  options: ExplorerOptions;
  onClear: () => void;
  /** After a successful update: the list reloads to show the new tags, topics and assignees. */
  onUpdated: () => void;
}

const TAG_MAX = 50;
const UNASSIGN = 'none';

/** Actions on the selected items: add/remove a tag, add a topic (as a correction), assign. */
export function BulkBar({ ids, options, onClear, onUpdated }: BulkBarProps) {
  const { t, i18n } = useTranslation();
  const [tag, setTag] = useState('');
  const [tagTouched, setTagTouched] = useState(false);
  const [topic, setTopic] = useState('');
  const [assignee, setAssignee] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: true; count: number } | { ok: false; error: unknown } | null>(null);

  const trimmed = tag.trim();
  const tagError = !tagTouched ? null : !trimmed || trimmed.includes(',') || trimmed.length > TAG_MAX ? t('explorer.bulk.tagInvalid') : null;

  async function run(change: Omit<BulkUpdate, 'ids'>) {
    setBusy(true);
    setResult(null);
    try {
      const { updated } = await api.bulkUpdateFeedback({ ids, ...change });
      setResult({ ok: true, count: updated });
      onUpdated();
    } catch (error) {
      setResult({ ok: false, error });
    } finally {
      setBusy(false);
    }
  }

  function tagAction(kind: 'addTags' | 'removeTags') {
    setTagTouched(true);
    if (!trimmed || trimmed.includes(',') || trimmed.length > TAG_MAX) return;
    void run({ [kind]: [trimmed] });
  }

  return (
    <section className="card bulk-bar" aria-label={t('explorer.bulk.title')} data-testid="bulk-bar">
      <div className="bulk-bar-head">
        <p aria-live="polite" data-testid="bulk-count">
          {t('explorer.bulk.selected', { count: ids.length })}
        </p>
        <button type="button" className="button button-ghost button-small" onClick={onClear}>
          {t('explorer.bulk.clear')}
        </button>
      </div>
      <div className="bulk-bar-actions">
        <div className="bulk-action">
          <Field label={t('explorer.bulk.tag')} error={tagError}>
            {(props) => (
              <input {...props} className="input" dir="auto" data-testid="bulk-tag" value={tag} onChange={(e) => setTag(e.target.value)} />
            )}
          </Field>
          <button type="button" className="button button-small" data-testid="bulk-add-tag" disabled={busy} onClick={() => tagAction('addTags')}>
            {t('explorer.bulk.addTag')}
          </button>
          <button type="button" className="button button-ghost button-small" data-testid="bulk-remove-tag" disabled={busy} onClick={() => tagAction('removeTags')}>
            {t('explorer.bulk.removeTag')}
          </button>
        </div>
        <div className="bulk-action">
          <Field label={t('explorer.bulk.topic')}>
            {(props) => (
              <select {...props} className="select" data-testid="bulk-topic" value={topic} onChange={(e) => setTopic(e.target.value)}>
                <option value="">{t('explorer.bulk.chooseTopic')}</option>
                {options.topics.map((tp) => (
                  <option key={tp.key} value={tp.key}>
                    {topicDisplayName(tp.names, tp.key, i18n.language).text}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="button" className="button button-small" data-testid="bulk-add-topic" disabled={busy || !topic} onClick={() => void run({ addTopic: topic })}>
            {t('explorer.bulk.addTopic')}
          </button>
        </div>
        <div className="bulk-action">
          <Field label={t('explorer.bulk.assignee')}>
            {(props) => (
              <select {...props} className="select" data-testid="bulk-assignee" value={assignee} onChange={(e) => setAssignee(e.target.value)}>
                <option value="">{t('explorer.bulk.chooseAssignee')}</option>
                {options.members.map((m) => (
                  <option key={m.userId} value={m.userId}>
                    {m.name || m.email}
                  </option>
                ))}
                <option value={UNASSIGN}>{t('explorer.bulk.unassign')}</option>
              </select>
            )}
          </Field>
          <button
            type="button"
            className="button button-small"
            data-testid="bulk-assign"
            disabled={busy || !assignee}
            onClick={() => void run({ assigneeId: assignee === UNASSIGN ? null : assignee })}
          >
            {t('explorer.bulk.assign')}
          </button>
        </div>
      </div>
      {result?.ok && (
        <p className="muted" role="status" data-testid="bulk-done">
          {t('explorer.bulk.done', { count: result.count })}
        </p>
      )}
      {result && !result.ok && <Alert>{errorMessage(t, result.error)}</Alert>}
    </section>
  );
}
