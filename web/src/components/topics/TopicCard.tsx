import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TOPIC_LANGUAGES, type Topic } from '@feedloop/contracts/analysis';
import { analysisApi } from '../../api/analysis';
import { errorMessage } from '../../lib/errors';
import { isolate, topicDisplayName } from '../../lib/topics';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { TopicForm } from './TopicForm';

type Mode = { kind: 'view' } | { kind: 'edit' } | { kind: 'merge'; into: string; confirming: boolean } | { kind: 'delete' };

interface TopicCardProps {
  topic: Topic;
  /** Every topic of the workspace (merge targets). */
  topics: Topic[];
  canEdit: boolean;
  /** The taxonomy changed (this topic was edited, merged away or deleted). */
  onChanged: (message: string) => void;
}

export function TopicCard({ topic, topics, canEdit, onChanged }: TopicCardProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = topicDisplayName(topic.names, topic.key, i18n.language);
  const targets = topics.filter((other) => other.id !== topic.id);
  const mergeTarget = mode.kind === 'merge' ? targets.find((other) => other.id === mode.into) : undefined;
  const targetName = mergeTarget ? isolate(topicDisplayName(mergeTarget.names, mergeTarget.key, i18n.language).text) : '';
  const languages = TOPIC_LANGUAGES.filter((lang) => topic.names[lang] || (topic.keywords[lang]?.length ?? 0) > 0);

  function switchMode(next: Mode) {
    setError(null);
    setMode(next);
  }

  async function run(action: () => Promise<unknown>, message: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      onChanged(message);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  if (mode.kind === 'edit') {
    return (
      <li className="card topic-card" data-testid="topic-card" data-key={topic.key}>
        <h3 className="topic-name" dir="auto" lang={name.lang ?? undefined}>
          {name.text}
        </h3>
        <TopicForm topic={topic} onCancel={() => switchMode({ kind: 'view' })} onSaved={() => onChanged(t('topics.updated'))} />
      </li>
    );
  }

  return (
    <li className="card topic-card" data-testid="topic-card" data-key={topic.key}>
      <div className="topic-head">
        <h3 className="topic-name" dir="auto" lang={name.lang ?? undefined}>
          {name.text}
        </h3>
        <code className="topic-key" dir="ltr">
          {topic.key}
        </code>
        {topic.builtIn && <span className="tag">{t('topics.builtIn')}</span>}
      </div>

      {languages.length > 0 && (
        <dl className="topic-languages">
          {languages.map((lang) => (
            <div key={lang} className="topic-language">
              <dt className="muted">{format.languageName(lang)}</dt>
              <dd>
                {topic.names[lang] ? (
                  <span className="topic-language-name" dir="auto" lang={lang}>
                    {topic.names[lang]}
                  </span>
                ) : (
                  <span className="muted">{t('topics.noName')}</span>
                )}
                {(topic.keywords[lang]?.length ?? 0) > 0 && (
                  <ul className="chips topic-keywords" aria-label={t('topics.form.keywords')}>
                    {topic.keywords[lang]!.map((keyword) => (
                      <li key={keyword} className="tag" dir="auto" lang={lang}>
                        {keyword}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}

      {topic.examples.length > 0 && (
        <details className="topic-examples">
          <summary>{t('topics.examplesCount', { count: topic.examples.length })}</summary>
          <ul>
            {topic.examples.map((example) => (
              <li key={example} dir="auto">
                {example}
              </li>
            ))}
          </ul>
        </details>
      )}

      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}

      {canEdit && mode.kind === 'view' && (
        <div className="topic-actions">
          <button type="button" className="button button-small" data-testid="topic-edit" onClick={() => switchMode({ kind: 'edit' })}>
            {t('topics.edit')}
          </button>
          {targets.length > 0 && (
            <button
              type="button"
              className="button button-small"
              data-testid="topic-merge"
              onClick={() => switchMode({ kind: 'merge', into: targets[0].id, confirming: false })}
            >
              {t('topics.merge')}
            </button>
          )}
          <button
            type="button"
            className="button button-small button-danger"
            data-testid="topic-delete"
            onClick={() => switchMode({ kind: 'delete' })}
          >
            {t('topics.delete')}
          </button>
        </div>
      )}

      {mode.kind === 'merge' && (
        <div className="topic-confirm" data-testid="topic-merge-panel">
          {!mode.confirming ? (
            <>
              <Field label={t('topics.mergeInto')}>
                {(props) => (
                  <select
                    {...props}
                    className="select"
                    data-testid="topic-merge-target"
                    dir="auto"
                    value={mode.into}
                    onChange={(event) => setMode({ kind: 'merge', into: event.target.value, confirming: false })}
                  >
                    {targets.map((other) => (
                      <option key={other.id} value={other.id}>
                        {topicDisplayName(other.names, other.key, i18n.language).text}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <div className="topic-actions">
                <button type="button" className="button button-small" onClick={() => switchMode({ kind: 'view' })}>
                  {t('topics.cancel')}
                </button>
                <button
                  type="button"
                  className="button button-small button-primary"
                  data-testid="topic-merge-next"
                  onClick={() => setMode({ ...mode, confirming: true })}
                >
                  {t('topics.merge')}
                </button>
              </div>
            </>
          ) : (
            <>
              <p role="alert">{t('topics.confirmMerge', { source: isolate(name.text), target: targetName })}</p>
              <ConfirmActions
                busy={busy}
                testId="topic-merge-confirm"
                tone="primary"
                label={t('topics.confirmMergeButton')}
                onCancel={() => switchMode({ kind: 'view' })}
                onConfirm={() =>
                  void run(
                    () => analysisApi.mergeTopic(topic.id, mode.into),
                    t('topics.merged', { source: isolate(name.text), target: targetName }),
                  )
                }
              />
            </>
          )}
        </div>
      )}

      {mode.kind === 'delete' && (
        <div className="topic-confirm" data-testid="topic-delete-panel">
          <p role="alert">{t('topics.confirmDelete', { name: isolate(name.text) })}</p>
          <ConfirmActions
            busy={busy}
            testId="topic-delete-confirm"
            tone="danger"
            label={t('topics.confirmDeleteButton')}
            onCancel={() => switchMode({ kind: 'view' })}
            onConfirm={() => void run(() => analysisApi.deleteTopic(topic.id), t('topics.deleted', { name: isolate(name.text) }))}
          />
        </div>
      )}
    </li>
  );
}

/** Cancel and confirm buttons under a merge or delete question. */
function ConfirmActions(props: {
  busy: boolean;
  testId: string;
  tone: 'primary' | 'danger';
  label: string;
  onCancel: () => void;
  onConfirm: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="topic-actions">
      <button type="button" className="button button-small" disabled={props.busy} onClick={props.onCancel}>
        {t('topics.cancel')}
      </button>
      <button
        type="button"
        className={`button button-small button-${props.tone}`}
        data-testid={props.testId}
        disabled={props.busy}
        onClick={props.onConfirm}
      >
        {props.label}
      </button>
    </div>
  );
}
