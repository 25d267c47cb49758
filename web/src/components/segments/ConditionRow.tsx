import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../Field';
import { useFormat } from '../../lib/useFormat';
import {
  CONDITION_FIELDS,
  FIELD_OPS,
  LANGUAGE_CODES,
  NPS_GROUPS,
  type ConditionDraft,
  type ConditionField,
  type ConditionOp,
  type DraftErrors,
  type DraftInput,
} from './condition-draft';

const NPS_RANGES = { promoter: [9, 10], passive: [7, 8], detractor: [0, 6] } as const;

interface ConditionRowProps {
  index: number;
  draft: ConditionDraft;
  /** Errors to show now (required-field errors only once the user tried to save). */
  errors: DraftErrors;
  onChange(draft: ConditionDraft): void;
  onFieldChange(field: ConditionField): void;
  onRemove(): void;
}

/** One condition of the builder: what to look at, how to compare, and the inputs it needs. */
export function ConditionRow({ index, draft, errors, onChange, onFieldChange, onRemove }: ConditionRowProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const ops = FIELD_OPS[draft.field];
  const set = (patch: Partial<ConditionDraft>) => onChange({ ...draft, ...patch });
  const errorText = (input: DraftInput) => {
    const code = errors[input];
    return code === 'required' ? t('validation.required') : code ? t(`segments.errors.${code}`) : null;
  };

  /** A text input (numbers may be typed with any digits, so numeric inputs are text too). */
  const textInput = (input: DraftInput, label: string, options: { hint?: ReactNode; numeric?: boolean; auto?: boolean } = {}) => (
    <Field label={label} hint={options.hint} error={errorText(input)} className="segment-input">
      {(props) => (
        <input
          {...props}
          className="input"
          data-testid={`condition-${input}`}
          inputMode={options.numeric ? 'decimal' : undefined}
          dir={options.auto ? 'auto' : undefined}
          value={draft[input]}
          onChange={(event) => set({ [input]: event.target.value })}
        />
      )}
    </Field>
  );

  const languageSelect = (label: string) => (
    <Field label={label} className="segment-input">
      {(props) => (
        <select
          {...props}
          className="select"
          data-testid="condition-language"
          value={draft.value}
          onChange={(event) => set({ value: event.target.value })}
        >
          {LANGUAGE_CODES.map((code) => (
            <option key={code} value={code}>
              {format.languageName(code)}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  const hasValue = !['exists', 'notExists'].includes(draft.op);

  return (
    <fieldset className="segment-condition" data-testid="segment-condition" data-field={draft.field}>
      <legend className="visually-hidden">{t('segments.conditionLabel', { index: index + 1 })}</legend>
      <Field label={t('segments.field')} className="segment-input">
        {(props) => (
          <select
            {...props}
            className="select"
            data-testid="condition-field"
            value={draft.field}
            onChange={(event) => onFieldChange(event.target.value as ConditionField)}
          >
            {CONDITION_FIELDS.map((field) => (
              <option key={field} value={field}>
                {t(`segments.fields.${field}`)}
              </option>
            ))}
          </select>
        )}
      </Field>

      {draft.field === 'attribute' && textInput('name', t('segments.attributeName'), { hint: t('segments.attributeNameHint') })}
      {draft.field === 'lifetimeValue' && textInput('currency', t('segments.currency'))}

      {ops.length > 0 && (
        <Field label={t('segments.operator')} className="segment-input">
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="condition-op"
              value={draft.op}
              onChange={(event) => set({ op: event.target.value as ConditionOp })}
            >
              {ops.map((op) => (
                <option key={op} value={op}>
                  {t(`segments.ops.${op}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}

      {draft.field === 'attribute' &&
        hasValue &&
        textInput('value', t('segments.value'), {
          hint: draft.op === 'in' ? t('segments.inValuesHint') : undefined,
          auto: true,
          numeric: ['gt', 'gte', 'lt', 'lte'].includes(draft.op),
        })}
      {draft.field === 'locale' && hasValue && languageSelect(t('segments.value'))}
      {['feedbackCount', 'eventCount', 'orderCount', 'lifetimeValue'].includes(draft.field) &&
        textInput('value', t('segments.value'), { numeric: true })}
      {(draft.field === 'lastSeenAt' || draft.field === 'createdAt') && textInput('days', t('segments.days'), { numeric: true })}

      {draft.field === 'event' && (
        <>
          {textInput('name', t('segments.eventName'), { auto: true })}
          {textInput('minCount', t('segments.minTimes'), { numeric: true })}
          {textInput('days', t('segments.days'), { numeric: true, hint: t('segments.daysHint') })}
        </>
      )}
      {draft.field === 'orders' && (
        <>
          {textInput('minCount', t('segments.minOrders'), { numeric: true })}
          {textInput('minTotal', t('segments.minTotal'), { numeric: true })}
          {textInput('currency', t('segments.currency'))}
          {textInput('days', t('segments.days'), { numeric: true, hint: t('segments.daysHint') })}
        </>
      )}
      {draft.field === 'nps' && (
        <Field label={t('segments.npsGroup')} className="segment-input">
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="condition-nps"
              value={draft.value}
              onChange={(event) => set({ value: event.target.value })}
            >
              {NPS_GROUPS.map((group) => (
                <option key={group} value={group}>
                  {t(`segments.nps.${group}`, { low: NPS_RANGES[group][0], high: NPS_RANGES[group][1] })}
                </option>
              ))}
            </select>
          )}
        </Field>
      )}
      {draft.field === 'feedbackLanguage' && languageSelect(t('segments.language'))}

      <button
        type="button"
        className="button button-ghost segment-remove"
        data-testid="condition-remove"
        aria-label={t('segments.removeConditionNumber', { index: index + 1 })}
        onClick={onRemove}
      >
        {t('segments.removeCondition')}
      </button>
    </fieldset>
  );
}
