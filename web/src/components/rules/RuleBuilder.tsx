import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { RULE_TRIGGER_KINDS } from '@feedloop/contracts/rule-fields';
import type { DryRunMatch, RuleSummary, RuleTriggerSpec } from '@feedloop/contracts/rules';
import { ApiError } from '../../api/client';
import { rulesApi } from '../../api/rules';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/useFormat';
import { ActionRows } from './ActionRows';
import { ConditionRows } from './ConditionRows';
import { definitionOf, draftOf, emptyDraft, rowProblem, typedNumber, type RuleDraft } from './rule-drafts';

interface Props {
  rule: RuleSummary | null;
  onSaved(rule: RuleSummary): void;
  onCancel(): void;
}

function triggerFor(kind: RuleTriggerSpec['kind']): RuleTriggerSpec {
  if (kind === 'customer_inactive') return { kind, days: 90 };
  if (kind === 'threshold_crossed') return { kind, count: 10, windowHours: 24, perTopic: true };
  return { kind } as RuleTriggerSpec;
}

const whole = typedNumber;

/** Trigger, condition rows and action rows; a preview of what the rule would have fired; save. */
export function RuleBuilder({ rule, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftOf(rule.name, rule.definition) : emptyDraft()));
  const [error, setError] = useState<string | null>(null);
  /** The field the server refused, shown on its row (e.g. `definition.actions.0.messages.fa.body`). */
  const [refused, setRefused] = useState<string | null>(null);
  const [days, setDays] = useState('30');
  const [preview, setPreview] = useState<{ replayed: number; matched: number; matches: DryRunMatch[] } | null>(null);
  const [busy, setBusy] = useState(false);
  const update = (patch: Partial<RuleDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setPreview(null);
    // The server's word on a field holds until the rule is changed.
    setRefused(null);
  };
  const rowsValid = draft.conditions.every((c) => rowProblem(c) === null);
  const trigger = draft.trigger;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setRefused(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(t, e));
      if (e instanceof ApiError && e.status === 422 && e.field) setRefused(e.field);
    } finally {
      setBusy(false);
    }
  }

  const save = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const definition = definitionOf(draft);
      onSaved(rule ? await rulesApi.update(rule.id, { name: draft.name, definition }) : await rulesApi.create(draft.name, definition));
    });
  };
  const dryRun = () => void run(async () => setPreview(await rulesApi.dryRun(definitionOf(draft), whole(days) || 30)));

  return (
    <form className="card form rule-builder" onSubmit={save} data-testid="rule-builder" noValidate>
      <h2>{t('rules.builder.heading')}</h2>
      <label className="field">
        <span className="field-label">{t('rules.builder.name')}</span>
        <input
          className="input"
          required
          maxLength={200}
          data-testid="rule-name"
          value={draft.name}
          onChange={(e) => update({ name: e.target.value })}
        />
      </label>
      <div className="rule-row">
        <label className="field">
          <span className="field-label">{t('rules.builder.trigger')}</span>
          <select
            className="select"
            data-testid="rule-trigger"
            value={trigger.kind}
            onChange={(e) => update({ trigger: triggerFor(e.target.value as 'feedback_created') })}
          >
            {RULE_TRIGGER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`rules.triggers.${k}`)}
              </option>
            ))}
          </select>
        </label>
        {trigger.kind === 'customer_inactive' && (
          <label className="field">
            <span className="field-label">{t('rules.builder.days')}</span>
            <input
              className="input rule-hours"
              inputMode="numeric"
              value={fmt.number(trigger.days, { useGrouping: false })}
              onChange={(e) => update({ trigger: { ...trigger, days: whole(e.target.value) || 1 } })}
            />
          </label>
        )}
        {trigger.kind === 'threshold_crossed' && (
          <>
            <label className="field">
              <span className="field-label">{t('rules.builder.count')}</span>
              <input
                className="input rule-hours"
                inputMode="numeric"
                value={fmt.number(trigger.count, { useGrouping: false })}
                onChange={(e) => update({ trigger: { ...trigger, count: whole(e.target.value) || 1 } })}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('rules.builder.windowHours')}</span>
              <input
                className="input rule-hours"
                inputMode="numeric"
                value={fmt.number(trigger.windowHours, { useGrouping: false })}
                onChange={(e) => update({ trigger: { ...trigger, windowHours: whole(e.target.value) || 1 } })}
              />
            </label>
          </>
        )}
      </div>
      <ConditionRows
        rows={draft.conditions}
        match={draft.match}
        onChange={(conditions) => update({ conditions })}
        onMatch={(match) => update({ match })}
      />
      <ActionRows rows={draft.actions} refused={refused} onChange={(actions) => update({ actions })} />
      {error && (
        <p className="field-error" role="alert" data-testid="rule-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" data-testid="rule-save" disabled={busy || !rowsValid || !draft.name.trim()}>
          {t('rules.builder.save')}
        </button>
        <label className="rule-days">
          <span>{t('rules.builder.dryRunDays')}</span>
          <input
            className="input rule-hours"
            inputMode="numeric"
            value={Number.isFinite(whole(days)) ? fmt.number(whole(days), { useGrouping: false }) : days}
            onChange={(e) => setDays(e.target.value)}
          />
        </label>
        <button type="button" className="button" data-testid="rule-dry-run" disabled={busy || !rowsValid} onClick={dryRun}>
          {t('rules.builder.dryRun')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('rules.builder.cancel')}
        </button>
      </div>
      {preview && (
        <div className="rule-preview" data-testid="dry-run-result" aria-live="polite">
          <p>
            {preview.matched > 0
              ? t('rules.builder.dryRunResult', { count: preview.matched, replayed: preview.replayed })
              : t('rules.builder.noMatches')}
          </p>
          <ul className="rule-matches">
            {preview.matches.map((m) => (
              <li key={`${m.subject}-${m.at}`} data-testid="dry-run-match">
                <span className="muted nowrap">{fmt.dateTime(m.at)}</span> <bdi>{m.summary}</bdi>
              </li>
            ))}
          </ul>
        </div>
      )}
    </form>
  );
}
