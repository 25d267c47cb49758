import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES } from '@feedloop/contracts/act';
import type { Survey } from '@feedloop/contracts/surveys';
import type { Member } from '@feedloop/contracts/workspace';
import { api } from '../../api/endpoints';
import { segmentsApi } from '../../api/segments';
import { surveysApi } from '../../api/surveys';
import { useFormat } from '../../lib/useFormat';
import { EmailTemplateEditor } from './EmailTemplateEditor';
import { RecipientSelect } from './RecipientSelect';
import { EDITABLE_ACTIONS, blankAction, typedNumber, type ActionDraft } from './rule-drafts';

interface Props {
  rows: ActionDraft[];
  /** The field the server refused, e.g. `definition.actions.1.messages.fa.body`. */
  refused: string | null;
  onChange(rows: ActionDraft[]): void;
}

/** The teammates and live surveys an action may name (empty where the caller may not list them). */
function useChoices() {
  const [members, setMembers] = useState<Member[]>([]);
  const [surveys, setSurveys] = useState<Survey[]>([]);
  useEffect(() => {
    api.listMembers().then(
      (r) => setMembers(r.data),
      () => setMembers([]),
    );
    surveysApi.list().then(
      (r) => setSurveys(r.data),
      () => setSurveys([]),
    );
  }, []);
  return { members, surveys };
}

/** Action rows: what the rule does, each with the few settings it needs. */
export function ActionRows({ rows, refused, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const fmt = useFormat();
  const { members, surveys } = useChoices();
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
  const refusedIn = (index: number, part: string) => {
    const prefix = `definition.actions.${index}.${part}`;
    return refused === prefix ? '' : refused?.startsWith(`${prefix}.`) ? refused.slice(prefix.length + 1) : null;
  };
  const assignee = (row: ActionDraft, index: number) => (
    <RecipientSelect
      value={row.assignee}
      members={members}
      label={t('rules.builder.assignee')}
      invalid={refusedIn(index, 'assignee') !== null}
      onChange={(assignee) => set(row.key, { assignee })}
    />
  );
  const surveyName = (s: Survey) => s.names[i18n.language as 'en'] || s.name;
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
      {rows.map((row, index) => (
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
              {assignee(row, index)}
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
          {row.kind === 'assign_ticket' && assignee(row, index)}
          {row.kind === 'send_survey' && (
            <select
              className="select"
              aria-label={t('rules.builder.survey')}
              title={t('rules.builder.survey')}
              aria-invalid={refusedIn(index, 'surveyId') !== null || undefined}
              data-testid="action-survey"
              value={row.surveyId}
              onChange={(e) => set(row.key, { surveyId: e.target.value })}
            >
              <option value="" disabled>
                {surveys.some((s) => s.status === 'live') ? t('rules.builder.chooseSurvey') : t('rules.builder.noLiveSurveys')}
              </option>
              {surveys
                .filter((s) => s.status === 'live' || s.id === row.surveyId)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {surveyName(s)}
                  </option>
                ))}
            </select>
          )}
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
            <div className="rule-email">
              <div className="rule-email-to">
                <span className="muted" aria-hidden="true">
                  {t('rules.builder.emailTo')}
                </span>
                <RecipientSelect
                  forEmail
                  value={row.to}
                  members={members}
                  label={t('rules.builder.emailTo')}
                  invalid={refusedIn(index, 'to') !== null}
                  onChange={(to) => set(row.key, { to })}
                />
                {row.to !== 'customer' && row.to.kind === 'address' && (
                  <input
                    className="input"
                    type="email"
                    dir="ltr"
                    aria-label={t('rules.builder.emailAddress')}
                    placeholder={t('rules.builder.emailAddress')}
                    aria-invalid={refusedIn(index, 'to') !== null || undefined}
                    value={row.to.email}
                    onChange={(e) => set(row.key, { to: { kind: 'address', email: e.target.value } })}
                  />
                )}
              </div>
              <EmailTemplateEditor
                messages={row.messages}
                refused={refusedIn(index, 'messages')}
                onChange={(messages) => set(row.key, { messages })}
              />
            </div>
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
