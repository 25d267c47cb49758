import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleRun, RuleSummary } from '@feedloop/contracts/rules';
import { rulesApi } from '../../api/rules';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/useFormat';
import { ruleLabel } from './rule-drafts';

interface Props {
  rules: RuleSummary[];
  canWrite: boolean;
  onChanged(rule: RuleSummary): void;
  onEdit(rule: RuleSummary): void;
}

function RunLog({ ruleId }: { ruleId: string }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [runs, setRuns] = useState<RuleRun[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    rulesApi.runs(ruleId).then(
      (page) => setRuns(page.data),
      (e: unknown) => setError(errorMessage(t, e)),
    );
  }, [ruleId, t]);
  if (error) return <p className="field-error">{error}</p>;
  if (!runs) return null;
  if (runs.length === 0) return <p className="muted">{t('rules.list.noRuns')}</p>;
  return (
    <ul className="rule-runs" data-testid="rule-runs">
      {runs.map((run) => (
        <li key={run.id} data-testid="rule-run">
          <span className={`badge run-${run.status}`}>{t(`rules.runStatus.${run.status}`)}</span>{' '}
          <span className="muted nowrap">{fmt.dateTime(run.createdAt)}</span>{' '}
          <span className="muted">{t('rules.list.version', { version: run.version })}</span>
          <ul className="rule-run-actions">
            {run.actions.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a run's actions are identified by their position in the rule
              <li key={`${a.kind}-${i}`} className={a.ok ? '' : 'field-error'}>
                {ruleLabel(t, 'actionKinds', a.kind)}: <bdi dir="ltr">{a.detail}</bdi>
              </li>
            ))}
          </ul>
          {run.error && (
            <p className="field-error">
              <bdi dir="ltr">{run.error}</bdi>
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** The workspace's rules: switch each on or off, open its run log, edit it. */
export function RuleList({ rules, canWrite, onChanged, onEdit }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toggle = async (rule: RuleSummary) => {
    setError(null);
    try {
      onChanged(await rulesApi.update(rule.id, { enabled: !rule.enabled }));
    } catch (e) {
      setError(errorMessage(t, e));
    }
  };
  if (rules.length === 0) return <p className="card empty-state">{t('rules.list.empty')}</p>;
  return (
    <>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ul className="act-list" data-testid="rule-list">
        {rules.map((rule) => (
          <li key={rule.id} className="card act-card" data-testid="rule-row">
            <div className="act-card-head">
              <h2 className="act-title">
                <bdi>{rule.name}</bdi>
              </h2>
              <label className="rule-toggle">
                <input
                  type="checkbox"
                  data-testid="rule-enabled"
                  checked={rule.enabled}
                  disabled={!canWrite}
                  onChange={() => void toggle(rule)}
                />
                {t('rules.list.enabled')}
              </label>
            </div>
            <div className="act-card-meta">
              <span>{t(`rules.triggers.${rule.definition.trigger.kind}`)}</span>
              <span className="muted">{t('rules.list.version', { version: rule.version })}</span>
              <span className="muted">{rule.definition.actions.map((a) => t(`rules.actionKinds.${a.kind}`)).join(' · ')}</span>
            </div>
            <div className="form-actions">
              {canWrite && (
                <button type="button" className="button button-small" onClick={() => onEdit(rule)}>
                  {t('rules.list.edit')}
                </button>
              )}
              <button
                type="button"
                className="button button-small button-ghost"
                data-testid="rule-show-runs"
                aria-expanded={open === rule.id}
                onClick={() => setOpen(open === rule.id ? null : rule.id)}
              >
                {open === rule.id ? t('rules.list.hideRuns') : t('rules.list.runs')}
              </button>
            </div>
            {open === rule.id && <RunLog ruleId={rule.id} />}
          </li>
        ))}
      </ul>
    </>
  );
}
