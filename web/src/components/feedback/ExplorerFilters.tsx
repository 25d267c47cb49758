import { useTranslation } from 'react-i18next';
import type { FeedbackFilters } from '../../lib/filters';
import { unitOptionLabel } from '../../lib/service-units';
import { topicDisplayName } from '../../lib/topics';
import { useDebouncedDraft } from '../../lib/useDebouncedValue';
import { Field } from '../Field';
import type { ExplorerOptions } from './useExplorerOptions';

interface ExplorerFiltersProps {
  filters: FeedbackFilters;
  options: ExplorerOptions;
  set: (patch: Partial<FeedbackFilters>) => void;
}

/** The explorer's filters on analysis and work: topic, tag, product, assignee, ticket link, survey, customer segment and service unit. */
export function ExplorerFilters({ filters, options, set }: ExplorerFiltersProps) {
  const { t, i18n } = useTranslation();
  const [tagDraft, setTagDraft] = useDebouncedDraft(filters.tag, (tag) => set({ tag }));
  const badTag = tagDraft.includes(',');
  const [productDraft, setProductDraft] = useDebouncedDraft(filters.product, (product) => set({ product }));
  const badProduct = productDraft.includes(',');

  return (
    <>
      <Field label={t('explorer.filters.topic')}>
        {(props) => (
          <select
            {...props}
            className="select"
            data-testid="filter-topic"
            value={filters.topic}
            onChange={(e) => set({ topic: e.target.value })}
          >
            <option value="">{t('explorer.filters.anyTopic')}</option>
            {options.topics.map((topic) => (
              <option key={topic.key} value={topic.key}>
                {topicDisplayName(topic.names, topic.key, i18n.language).text}
              </option>
            ))}
            {filters.topic && !options.topics.some((topic) => topic.key === filters.topic) && (
              <option value={filters.topic}>{filters.topic}</option>
            )}
          </select>
        )}
      </Field>
      <Field label={t('explorer.filters.tag')} error={badTag ? t('explorer.bulk.tagInvalid') : null}>
        {(props) => (
          <input
            {...props}
            className="input"
            type="text"
            dir="auto"
            autoComplete="off"
            data-testid="filter-tag"
            value={tagDraft}
            onChange={(e) => setTagDraft(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('explorer.filters.product')} error={badProduct ? t('explorer.filters.productInvalid') : null}>
        {(props) => (
          <input
            {...props}
            className="input"
            type="text"
            dir="auto"
            autoComplete="off"
            data-testid="filter-product"
            value={productDraft}
            onChange={(e) => setProductDraft(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('explorer.filters.assignee')}>
        {(props) => (
          <select
            {...props}
            className="select"
            data-testid="filter-assignee"
            value={filters.assigneeId}
            onChange={(e) => set({ assigneeId: e.target.value })}
          >
            <option value="">{t('explorer.filters.anyAssignee')}</option>
            <option value="none">{t('explorer.filters.unassigned')}</option>
            {options.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name || m.email}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('explorer.filters.ticket')}>
        {(props) => (
          <select
            {...props}
            className="select"
            data-testid="filter-ticket"
            value={filters.hasTicket}
            onChange={(e) => set({ hasTicket: e.target.value as FeedbackFilters['hasTicket'] })}
          >
            <option value="">{t('explorer.filters.anyTicket')}</option>
            <option value="true">{t('explorer.filters.withTicket')}</option>
            <option value="false">{t('explorer.filters.withoutTicket')}</option>
          </select>
        )}
      </Field>
      <Field label={t('explorer.filters.survey')}>
        {(props) => (
          <select
            {...props}
            className="select"
            data-testid="filter-survey"
            value={filters.surveyId}
            onChange={(e) => set({ surveyId: e.target.value })}
          >
            <option value="">{t('explorer.filters.anySurvey')}</option>
            {options.surveys.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('explorer.filters.segment')}>
        {(props) => (
          <select
            {...props}
            className="select"
            data-testid="filter-segment"
            value={filters.segment}
            onChange={(e) => set({ segment: e.target.value })}
          >
            <option value="">{t('explorer.filters.anySegment')}</option>
            {options.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        )}
      </Field>
      {(options.units.length > 0 || filters.serviceUnitId) && (
        <Field label={t('explorer.filters.serviceUnit')}>
          {(props) => (
            <select
              {...props}
              className="select"
              data-testid="filter-service-unit"
              value={filters.serviceUnitId}
              onChange={(e) => set({ serviceUnitId: e.target.value })}
            >
              <option value="">{t('explorer.filters.anyServiceUnit')}</option>
              {/* Archived units keep their items and figures, so they stay offered here. */}
              {options.units.map((f) => (
                <option key={f.unit.id} value={f.unit.id}>
                  {unitOptionLabel(f)}
                </option>
              ))}
              {filters.serviceUnitId && !options.units.some((f) => f.unit.id === filters.serviceUnitId) && (
                <option value={filters.serviceUnitId}>{filters.serviceUnitId}</option>
              )}
            </select>
          )}
        </Field>
      )}
    </>
  );
}
