import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES } from '@feedloop/contracts/act';
import { segmentsApi } from '../../api/segments';
import { useFormat } from '../../lib/useFormat';
import { EDITABLE_ACTIONS, blankAction, typedNumber, type ActionDraft } from './rule-drafts';

interface Props {
  rows: ActionDraft[];
  onChange(rows: ActionDraft[]): void;
}

/** Action rows: what the rule does, each with the few settings it needs. */
export function ActionRows({ rows, onChange }: Props) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [segments, setSegments] = useState<Array<{ id: string; name: string }> | null>(null);
  const wantsSegments = rows.some((r) => r.kind === 'add_to_segment');
  useEffect(() => {
    if (!wantsSegments || segments) return;
    const controller = new AbortController();
    segmentsApi
      .list({ signal: controller.signal })
      .then((r) => setSegments(r.data.map((s) => ({ id: s.id, name: s.name }))))
      .catch(() => undefined);
    return () => controller.abort();
  }, [wantsSegments, segments]);
  const set = (key: number, patch: Partial<ActionDraft>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const text = (row: ActionDraft, label: string) => (
    <input
      className="input"
      aria-label={label}
      placeholder={label}
      data-testid="action-text"
      value={row.text}
      onChange={(e) => set(row.key, { text: e.target.value })}
    />
  );
  const priority = (row: ActionDraft) => (
    <select
      className="select"
      aria-label={t('rules.builder.priority')}
      value={row.detail || 'normal'}
      onChange={(e) => set(row.key, { detail: e.target.value })}
    >
      {TICKET_PRIORITIES.map((p) => (
        <option key={p} value={p}>
          {t(`act.tickets.priorities.${p}`)}
        </option>
      ))}
    </select>
  );

  return (
    <fieldset className="fieldset rule-section" data-testid="rule-actions">
      <legend className="legend">{t('rules.builder.actions')}</legend>
      {rows.map((row) => (
        <div key={row.key} className="rule-row" data-testid="rule-action">
          {row.kind === 'kept' ? (
            <span className="rule-kept">{t(`rules.actionKinds.${row.kept!.kind}`)}</span>
          ) : (
            <select
              className="select"
              aria-label={t('rules.builder.actions')}
              data-testid="action-kind"
              value={row.kind}
              onChange={(e) =>
                onChange(rows.map((r) => (r.key === row.key ? { ...blankAction(e.target.value as 'create_task'), key: r.key } : r)))
              }
            >
              {EDITABLE_ACTIONS.map((k) => (
                <option key={k} value={k}>
                  {t(`rules.actionKinds.${k}`)}
                </option>
              ))}
            </select>
          )}
          {row.kind === 'create_task' && (
            <>
              {text(row, t('rules.builder.title'))}
              <span className="muted">{t('rules.builder.accountOwner')}</span>
              <input
                className="input rule-hours"
                inputMode="numeric"
                aria-label={t('rules.builder.hours')}
                title={t('rules.builder.hours')}
                dir="auto"
                value={Number.isFinite(typedNumber(row.hours)) ? fmt.number(typedNumber(row.hours), { useGrouping: false }) : row.hours}
                onChange={(e) => set(row.key, { hours: e.target.value })}
              />
            </>
          )}
          {row.kind === 'create_ticket' && (
            <>
              {text(row, t('rules.builder.subject'))}
              {priority(row)}
            </>
          )}
          {row.kind === 'set_ticket_priority' && priority(row)}
          {row.kind === 'tag_item' && text(row, t('rules.builder.tag'))}
          {row.kind === 'set_item_topic' && text(row, t('rules.builder.topic'))}
          {row.kind === 'flag_customer' && text(row, t('rules.builder.flag'))}
          {row.kind === 'add_to_segment' && (
            <select
              className="select"
              aria-label={t('rules.builder.segment')}
              data-testid="action-segment"
              value={row.detail}
              onChange={(e) => set(row.key, { detail: e.target.value })}
            >
              <option value="" disabled>
                {segments && segments.length === 0 ? t('rules.builder.noSegments') : t('rules.builder.chooseSegment')}
              </option>
              {segments?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
          {row.kind === 'send_email' && (
            <>
              <span className="muted">{t('rules.builder.emailTo')}</span>
              {text(row, t('rules.builder.subject'))}
              <textarea
                className="input"
                rows={2}
                aria-label={t('rules.builder.emailBody')}
                placeholder={t('rules.builder.emailBody')}
                value={row.detail}
                onChange={(e) => set(row.key, { detail: e.target.value })}
              />
            </>
          )}
          <button type="button" className="button button-ghost" onClick={() => onChange(rows.filter((r) => r.key !== row.key))}>
            {t('rules.builder.remove')}
          </button>
        </div>
      ))}
      <button type="button" className="button button-small" onClick={() => onChange([...rows, blankAction('create_task')])}>
        {t('rules.builder.addAction')}
      </button>
    </fieldset>
  );
}
