import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/client';
import type { Segment, SegmentCondition, SegmentDefinition } from '@feedloop/contracts/segments';
import { segmentsApi } from '../../api/segments';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/useFormat';
import { focusFirstInvalid } from '../../lib/validation';
import { blankDraft, compileDraft, draftFromCondition, type ConditionDraft, type DraftErrors } from './condition-draft';
import { ConditionRow } from './ConditionRow';
import { SegmentPreviewPanel, type PreviewState } from './SegmentPreviewPanel';

const PREVIEW_DELAY_MS = 400;
const MAX_CONDITIONS = 20;
const MAX_NAME_LENGTH = 100;

interface SegmentBuilderProps {
  /** The saved segment being edited, or null for a new one. */
  segment: Segment | null;
  canEdit: boolean;
  onSaved(segment: Segment): void;
  onDeleted(id: string): void;
}

/** Name, match all/any and conditions, with a live count of the customers who match. */
export function SegmentBuilder({ segment, canEdit, onSaved, onDeleted }: SegmentBuilderProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const formRef = useRef<HTMLFormElement>(null);
  const [name, setName] = useState(segment?.name ?? '');
  const [match, setMatch] = useState<SegmentDefinition['match']>(segment?.definition.match ?? 'all');
  const [drafts, setDrafts] = useState<ConditionDraft[]>(
    () => segment?.definition.conditions.map((c) => draftFromCondition(c, (n) => format.number(n, { useGrouping: false }))) ?? [],
  );
  const [submitted, setSubmitted] = useState(false);
  const [busy, setBusy] = useState(false);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [preview, setPreview] = useState<PreviewState>({ status: 'idle' });

  const compiled = useMemo(() => drafts.map(compileDraft), [drafts]);
  const valid = compiled.every((c) => c.condition !== null);
  const definition: SegmentDefinition | null = valid ? { match, conditions: compiled.map((c) => c.condition as SegmentCondition) } : null;
  const definitionKey = definition ? JSON.stringify(definition) : null;
  const nameError = submitted && !name.trim() ? t('validation.required') : null;

  // Live preview: ask again once the user pauses; an older answer never overwrites a newer one.
  useEffect(() => {
    if (!definitionKey) {
      setPreview({ status: 'invalid' });
      return;
    }
    const abort = new AbortController();
    setPreview((current) => (current.status === 'ready' ? { ...current, refreshing: true } : { status: 'loading' }));
    const timer = window.setTimeout(() => {
      segmentsApi
        .preview(JSON.parse(definitionKey) as SegmentDefinition, { signal: abort.signal })
        .then((answer) => setPreview({ status: 'ready', preview: answer, refreshing: false }))
        .catch((error: unknown) => {
          if (!isAbortError(error)) setPreview({ status: 'error', error });
        });
    }, PREVIEW_DELAY_MS);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [definitionKey]);

  /** Errors shown now: "required" only after a save attempt, anything wrongly typed at once. */
  const visibleErrors = (errors: DraftErrors): DraftErrors =>
    Object.fromEntries(Object.entries(errors).filter(([, code]) => submitted || code !== 'required'));

  function replaceDraft(index: number, draft: ConditionDraft) {
    setDrafts((current) => current.map((d, i) => (i === index ? draft : d)));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    if (!name.trim() || !definition) {
      focusFirstInvalid(formRef.current);
      return;
    }
    setBusy(true);
    try {
      const input = { name: name.trim(), definition };
      const saved = segment ? await segmentsApi.update(segment.id, input) : await segmentsApi.create(input);
      onSaved(saved);
    } catch (error) {
      setFailure(error);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!segment) return;
    setBusy(true);
    try {
      await segmentsApi.remove(segment.id);
      onDeleted(segment.id);
    } catch (error) {
      setFailure(error);
      setBusy(false);
    }
  }

  return (
    <div className="segment-builder">
      <form
        ref={formRef}
        className="card segment-form"
        onSubmit={save}
        noValidate
        data-testid="segment-builder"
        aria-labelledby="segment-builder-title"
      >
        <h2 className="card-title" id="segment-builder-title">
          {segment ? t('segments.editTitle') : t('segments.newTitle')}
        </h2>
        {canEdit && (
          <Field label={t('segments.name')} error={nameError}>
            {(props) => (
              <input
                {...props}
                className="input"
                data-testid="segment-name"
                dir="auto"
                maxLength={MAX_NAME_LENGTH}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
        )}
        <Field label={t('segments.match')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="segment-match"
              value={match}
              onChange={(e) => setMatch(e.target.value as SegmentDefinition['match'])}
            >
              <option value="all">{t('segments.matchAll')}</option>
              <option value="any">{t('segments.matchAny')}</option>
            </select>
          )}
        </Field>

        {drafts.length === 0 && (
          <p className="muted" data-testid="segment-no-conditions">
            {t('segments.noConditions')}
          </p>
        )}
        <div className="segment-conditions">
          {drafts.map((draft, index) => (
            <ConditionRow
              key={draft.key}
              index={index}
              draft={draft}
              errors={visibleErrors(compiled[index].errors)}
              onChange={(next) => replaceDraft(index, next)}
              onFieldChange={(field) => replaceDraft(index, { ...blankDraft(field), key: draft.key })}
              onRemove={() => setDrafts((current) => current.filter((_, i) => i !== index))}
            />
          ))}
        </div>

        <div className="segment-actions">
          <button
            type="button"
            className="button"
            data-testid="condition-add"
            disabled={drafts.length >= MAX_CONDITIONS}
            onClick={() => setDrafts((current) => [...current, blankDraft('attribute')])}
          >
            {t('segments.addCondition')}
          </button>
          {canEdit && (
            <button type="submit" className="button button-primary" data-testid="segment-save" disabled={busy}>
              {segment ? t('segments.saveChanges') : t('segments.save')}
            </button>
          )}
          {canEdit && segment && !confirmingDelete && (
            <button
              type="button"
              className="button button-danger"
              data-testid="segment-delete"
              disabled={busy}
              onClick={() => setConfirmingDelete(true)}
            >
              {t('segments.delete')}
            </button>
          )}
          {canEdit && segment && confirmingDelete && (
            <>
              <button
                type="button"
                className="button button-danger"
                data-testid="segment-delete-confirm"
                disabled={busy}
                onClick={() => void remove()}
              >
                {t('segments.confirmDelete')}
              </button>
              <button type="button" className="button button-ghost" onClick={() => setConfirmingDelete(false)}>
                {t('segments.cancel')}
              </button>
            </>
          )}
        </div>
        {!canEdit && <p className="muted">{t('segments.readOnly')}</p>}
        {failure !== null && <Alert>{errorMessage(t, failure)}</Alert>}
      </form>
      <SegmentPreviewPanel state={preview} />
    </div>
  );
}
