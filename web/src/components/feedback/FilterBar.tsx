import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  type Channel,
  FEEDBACK_TYPES,
  type FeedbackType,
  SCORE_RANGES,
  SCORE_TYPES,
  SENTIMENTS,
  type ScoreType,
  type Sentiment,
} from '@feedloop/contracts/feedback';
import { UI_LOCALES } from '../../i18n';
import { EMPTY_FILTERS, hasActiveFilters, isCustomerId, type FeedbackFilters } from '../../lib/filters';
import { useDebouncedDraft } from '../../lib/useDebouncedValue';
import { useFormat } from '../../lib/useFormat';
import { Field } from '../Field';
import { CalendarDateInput } from './CalendarDateInput';
import { ExplorerFilters } from './ExplorerFilters';
import type { ExplorerOptions } from './useExplorerOptions';

interface FilterBarProps {
  filters: FeedbackFilters;
  options: ExplorerOptions;
  onChange: (filters: FeedbackFilters) => void;
}

type TextKey = 'q' | 'customerId' | 'scoreMin' | 'scoreMax';

export function FilterBar({ filters, options, onChange }: FilterBarProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const set = (patch: Partial<FeedbackFilters>) => onChange({ ...filters, ...patch });

  const drafts: Record<TextKey, ReturnType<typeof useDebouncedDraft>> = {
    q: useDebouncedDraft(filters.q, (q) => set({ q })),
    customerId: useDebouncedDraft(filters.customerId, (customerId) => set({ customerId })),
    scoreMin: useDebouncedDraft(filters.scoreMin, (scoreMin) => set({ scoreMin })),
    scoreMax: useDebouncedDraft(filters.scoreMax, (scoreMax) => set({ scoreMax })),
  };
  const languages: string[] = [...UI_LOCALES];
  if (filters.language && filters.language !== 'und' && !languages.includes(filters.language)) {
    languages.push(filters.language);
  }
  const range = filters.scoreType ? SCORE_RANGES[filters.scoreType] : undefined;
  const customerDraft = drafts.customerId[0].trim();
  const dayHint = (day: string) => (day ? format.date(`${day}T00:00:00`, 'long') : undefined);
  // The filters stay ISO (Gregorian days); they are typed and read back in the user's own calendar.
  const rangeText =
    filters.from && filters.to
      ? t('explorer.filters.range', { from: dayHint(filters.from), to: dayHint(filters.to) })
      : filters.from
        ? t('explorer.filters.rangeFrom', { from: dayHint(filters.from) })
        : filters.to
          ? t('explorer.filters.rangeTo', { to: dayHint(filters.to) })
          : null;

  return (
    <section className="card filters" aria-labelledby="filters-title">
      <div className="filters-head">
        <h2 id="filters-title" className="card-title">
          {t('filters.title')}
        </h2>
        {rangeText && (
          <p className="muted filters-range" data-testid="filter-range">
            {rangeText}
          </p>
        )}
        {hasActiveFilters(filters) && (
          <button type="button" className="button button-ghost button-small" onClick={() => onChange(EMPTY_FILTERS)}>
            {t('filters.clear')}
          </button>
        )}
      </div>
      <div className="filters-grid">
        <Field label={t('filters.search')} className="filters-search">
          {(props) => (
            <input
              {...props}
              className="input"
              type="search"
              dir="auto"
              data-testid="filter-q"
              placeholder={t('filters.searchPlaceholder')}
              value={drafts.q[0]}
              onChange={(event) => drafts.q[1](event.target.value)}
            />
          )}
        </Field>
        <Field label={t('filters.channel')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="filter-channel"
              value={filters.channel}
              onChange={(event) => set({ channel: event.target.value as Channel | '' })}
            >
              <option value="">{t('filters.anyChannel')}</option>
              {CHANNELS.map((channel) => (
                <option key={channel} value={channel}>
                  {t(`channel.${channel}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('filters.language')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="filter-language"
              value={filters.language}
              onChange={(event) => set({ language: event.target.value })}
            >
              <option value="">{t('filters.anyLanguage')}</option>
              {languages.map((code) => (
                <option key={code} value={code}>
                  {format.languageName(code)}
                </option>
              ))}
              <option value="und">{t('list.unknownLanguage')}</option>
            </select>
          )}
        </Field>
        <Field label={t('filters.sentiment')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="filter-sentiment"
              value={filters.sentiment}
              onChange={(event) => set({ sentiment: event.target.value as Sentiment | '' })}
            >
              <option value="">{t('filters.anySentiment')}</option>
              {SENTIMENTS.map((sentiment) => (
                <option key={sentiment} value={sentiment}>
                  {t(`sentiment.${sentiment}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('filters.type')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="filter-type"
              value={filters.type}
              onChange={(event) => set({ type: event.target.value as FeedbackType | '' })}
            >
              <option value="">{t('filters.anyType')}</option>
              {FEEDBACK_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`feedbackType.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('filters.scoreType')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="filter-score-type"
              value={filters.scoreType}
              onChange={(event) => set({ scoreType: event.target.value as ScoreType | '' })}
            >
              <option value="">{t('filters.anyScore')}</option>
              {SCORE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`score.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {(['scoreMin', 'scoreMax'] as const).map((key) => (
          <Field key={key} label={t(`filters.${key}`)}>
            {(props) => (
              <input
                {...props}
                className="input"
                type="number"
                inputMode="numeric"
                min={range?.[0]}
                max={range?.[1]}
                step={1}
                dir="ltr"
                data-testid={key === 'scoreMin' ? 'filter-score-min' : 'filter-score-max'}
                disabled={!filters.scoreType}
                value={drafts[key][0]}
                onChange={(event) => drafts[key][1](event.target.value)}
              />
            )}
          </Field>
        ))}
        {(['from', 'to'] as const).map((key) => (
          <CalendarDateInput
            key={key}
            label={t(`filters.${key}`)}
            hint={dayHint(filters[key])}
            testId={`filter-${key}`}
            value={filters[key]}
            onChange={(day) => set({ [key]: day })}
          />
        ))}
        <ExplorerFilters filters={filters} options={options} set={set} />
        <Field label={t('filters.customerId')} error={customerDraft && !isCustomerId(customerDraft) ? t('validation.invalid') : null}>
          {(props) => (
            <input
              {...props}
              className="input"
              type="text"
              dir="ltr"
              autoComplete="off"
              spellCheck={false}
              data-testid="filter-customer-id"
              value={drafts.customerId[0]}
              onChange={(event) => drafts.customerId[1](event.target.value)}
            />
          )}
        </Field>
      </div>
    </section>
  );
}
