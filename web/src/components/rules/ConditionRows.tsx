import { useTranslation } from 'react-i18next';
import { ruleField } from '@feedloop/contracts/rule-fields';
import { ATTRIBUTE_FIELD, ruleLabel, FIELD_CHOICES, newKey, operatorsFor, rowProblem, type ConditionDraft } from './rule-drafts';

interface Props {
  rows: ConditionDraft[];
  match: 'all' | 'any';
  onChange(rows: ConditionDraft[]): void;
  onMatch(match: 'all' | 'any'): void;
}

/** Condition rows: field, operator, value; each row says what is wrong with it as it is typed. */
export function ConditionRows({ rows, match, onChange, onMatch }: Props) {
  const { t } = useTranslation();
  const set = (key: number, patch: Partial<ConditionDraft>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const add = () => onChange([...rows, { key: newKey(), field: 'item.nps', attribute: '', operator: 'lte', value: '' }]);

  return (
    <fieldset className="fieldset rule-section" data-testid="rule-conditions">
      <legend className="legend">{t('rules.builder.conditions')}</legend>
      {rows.length > 1 && (
        <select
          className="select select-compact"
          aria-label={t('rules.builder.conditions')}
          value={match}
          onChange={(e) => onMatch(e.target.value as 'all')}
        >
          <option value="all">{t('rules.builder.match.all')}</option>
          <option value="any">{t('rules.builder.match.any')}</option>
        </select>
      )}
      {rows.map((row) => {
        const problem = rowProblem(row);
        const spec = row.field === ATTRIBUTE_FIELD ? null : ruleField(row.field);
        const errorId = `rule-condition-error-${row.key}`;
        const invalid = (part: string) => (problem === part ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {});
        return (
          <div key={row.key} className="rule-row" data-testid="rule-condition">
            <select
              className="select"
              aria-label={t('rules.builder.field')}
              data-testid="condition-field"
              value={row.field}
              onChange={(e) => set(row.key, { field: e.target.value, operator: operatorsFor(e.target.value)[0] ?? '', value: '' })}
              {...invalid('field')}
            >
              {FIELD_CHOICES.map((f) => (
                <option key={f} value={f}>
                  {ruleLabel(t, 'fields', f)}
                </option>
              ))}
            </select>
            {row.field === ATTRIBUTE_FIELD && (
              <input
                className="input"
                dir="ltr"
                aria-label={t('rules.fields.customer.attributes')}
                value={row.attribute}
                onChange={(e) => set(row.key, { attribute: e.target.value })}
              />
            )}
            <select
              className="select"
              aria-label={t('rules.builder.operator')}
              data-testid="condition-operator"
              value={row.operator}
              onChange={(e) => set(row.key, { operator: e.target.value })}
              {...invalid('operator')}
            >
              {operatorsFor(row.field).map((o) => (
                <option key={o} value={o}>
                  {ruleLabel(t, 'operators', o)}
                </option>
              ))}
            </select>
            {spec?.values && !['in', 'not_in'].includes(row.operator) ? (
              <select
                className="select"
                aria-label={t('rules.builder.value')}
                value={row.value}
                onChange={(e) => set(row.key, { value: e.target.value })}
                {...invalid('value')}
              >
                <option value="" />
                {spec.values.map((v) => (
                  <option key={v} value={v}>
                    {v}
                  </option>
                ))}
              </select>
            ) : (
              <input
                className="input"
                aria-label={t('rules.builder.value')}
                data-testid="condition-value"
                placeholder={['in', 'not_in', 'between'].includes(row.operator) ? t('rules.builder.valueHint') : undefined}
                value={row.value}
                onChange={(e) => set(row.key, { value: e.target.value })}
                {...invalid('value')}
              />
            )}
            <button type="button" className="button button-ghost" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
              {t('rules.builder.remove')}
            </button>
            {problem && (
              <p className="field-error rule-row-error" id={errorId} data-testid="condition-problem">
                {t(`rules.problems.${problem}`)}
              </p>
            )}
          </div>
        );
      })}
      <button type="button" className="button button-small" data-testid="add-condition" onClick={add}>
        {t('rules.builder.addCondition')}
      </button>
    </fieldset>
  );
}
