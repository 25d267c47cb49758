import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { TICKET_PRIORITIES, type TicketPriority } from '@feedloop/contracts/act';
import type { SlaPolicy } from '@feedloop/contracts/business-hours';
import { slaApi } from '../../api/sla';
import { errorMessage } from '../../lib/errors';
import { toAsciiDigits, toLocalDigits } from '../../lib/format';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';

interface Row {
  /** Stable while rows are added and removed. */
  key: number;
  priority: TicketPriority;
  segmentId: string | null;
  firstResponse: string;
  resolution: string;
  warnPercent: string;
}

let nextKey = 0;

/** Targets are entered in business hours and kept in business minutes. */
const hours = (minutes: number | null, local: (s: string) => string) =>
  minutes === null ? '' : local(String(Math.round((minutes / 60) * 100) / 100));
const minutes = (text: string): number | null | undefined => {
  const ascii = toAsciiDigits(text).replace('٫', '.').trim();
  if (!ascii) return null;
  const n = Number(ascii);
  return Number.isFinite(n) && n > 0 ? Math.round(n * 60) : undefined;
};

function rowsOf(policies: SlaPolicy[], local: (s: string) => string): Row[] {
  const rows: Row[] = TICKET_PRIORITIES.map((priority) => {
    const p = policies.find((x) => x.priority === priority && x.segmentId === null);
    return {
      key: nextKey++,
      priority,
      segmentId: null,
      firstResponse: hours(p?.firstResponseMinutes ?? null, local),
      resolution: hours(p?.resolutionMinutes ?? null, local),
      warnPercent: local(String(p?.warnPercent ?? 80)),
    };
  });
  for (const p of policies.filter((x) => x.segmentId !== null)) {
    rows.push({
      key: nextKey++,
      priority: p.priority,
      segmentId: p.segmentId,
      firstResponse: hours(p.firstResponseMinutes, local),
      resolution: hours(p.resolutionMinutes, local),
      warnPercent: local(String(p.warnPercent)),
    });
  }
  return rows;
}

export function SlaPoliciesForm({
  initial,
  segments,
  readOnly,
}: {
  initial: SlaPolicy[];
  segments: Array<{ id: string; name: string }>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const { prefs } = useFormat();
  const local = (s: string) => toLocalDigits(s, prefs);
  const [rows, setRows] = useState<Row[]>(() => rowsOf(initial, local));
  const [invalid, setInvalid] = useState<Set<number>>(new Set());
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<unknown>(null);

  function change(i: number, patch: Partial<Row>) {
    setRows((list) => list.map((r, j) => (j === i ? { ...r, ...patch } : r)));
    setStatus('idle');
    setInvalid(new Set());
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const bad = new Set<number>();
    const seen = new Set<string>();
    const policies = rows.flatMap((r, i) => {
      const [fr, res, warn] = [minutes(r.firstResponse), minutes(r.resolution), Number(toAsciiDigits(r.warnPercent).trim())];
      const key = `${r.priority}/${r.segmentId}`;
      if (fr === undefined || res === undefined || !(Number.isInteger(warn) && warn >= 1 && warn <= 99) || seen.has(key)) bad.add(i);
      seen.add(key);
      if (fr === null && res === null) return [];
      return [
        {
          priority: r.priority,
          segmentId: r.segmentId,
          firstResponseMinutes: fr ?? null,
          resolutionMinutes: res ?? null,
          warnPercent: warn,
        },
      ];
    });
    setInvalid(bad);
    if (bad.size > 0) return;
    setStatus('saving');
    setError(null);
    try {
      const saved = await slaApi.savePolicies({ policies });
      setRows(rowsOf(saved.policies, local));
      setStatus('saved');
    } catch (err) {
      setError(err);
      setStatus('idle');
    }
  }

  const segmentName = (id: string | null) =>
    id === null ? t('sla.policies.allCustomers') : (segments.find((s) => s.id === id)?.name ?? id);

  return (
    <form className="card form" data-testid="sla-policies-form" noValidate onSubmit={submit}>
      {status === 'saved' && <Alert tone="success">{t('sla.policies.saved')}</Alert>}
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
      {invalid.size > 0 && <Alert>{t('sla.policies.invalid')}</Alert>}
      <fieldset className="fieldset" disabled={readOnly}>
        <legend className="legend">{t('sla.policies.title')}</legend>
        <p className="muted">{t('sla.policies.intro')}</p>
        <div className="table-scroll">
          <table className="sla-table">
            <thead>
              <tr>
                <th scope="col">{t('sla.policies.priority')}</th>
                <th scope="col">{t('sla.policies.segment')}</th>
                <th scope="col">{t('sla.policies.firstResponse')}</th>
                <th scope="col">{t('sla.policies.resolution')}</th>
                <th scope="col">{t('sla.policies.warnPercent')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => {
                const label = `${t(`act.tickets.priorities.${r.priority}`)}, ${segmentName(r.segmentId)}`;
                return (
                  <tr
                    key={r.key}
                    data-testid={`sla-row-${r.priority}${r.segmentId ? '-segment' : ''}`}
                    className={invalid.has(i) ? 'invalid' : undefined}
                  >
                    <td>
                      {r.segmentId === null ? (
                        t(`act.tickets.priorities.${r.priority}`)
                      ) : (
                        <select
                          className="select"
                          aria-label={t('sla.policies.priority')}
                          value={r.priority}
                          onChange={(e) => change(i, { priority: e.target.value as TicketPriority })}
                        >
                          {TICKET_PRIORITIES.map((p) => (
                            <option key={p} value={p}>
                              {t(`act.tickets.priorities.${p}`)}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    <td>
                      {r.segmentId === null ? (
                        <span className="muted">{t('sla.policies.allCustomers')}</span>
                      ) : (
                        <select
                          className="select"
                          aria-label={t('sla.policies.segment')}
                          value={r.segmentId}
                          onChange={(e) => change(i, { segmentId: e.target.value })}
                        >
                          {segments.map((s) => (
                            <option key={s.id} value={s.id}>
                              {s.name}
                            </option>
                          ))}
                        </select>
                      )}
                    </td>
                    {(['firstResponse', 'resolution', 'warnPercent'] as const).map((k) => (
                      <td key={k}>
                        <input
                          className="input number-input"
                          name={`${k}-${r.priority}`}
                          inputMode="decimal"
                          aria-label={`${t(`sla.policies.${k}`)}: ${label}`}
                          aria-invalid={invalid.has(i) ? true : undefined}
                          value={r[k]}
                          onChange={(e) => change(i, { [k]: e.target.value })}
                        />
                      </td>
                    ))}
                    <td>
                      {r.segmentId !== null && !readOnly && (
                        <button
                          type="button"
                          className="button button-small"
                          onClick={() => setRows((list) => list.filter((_, j) => j !== i))}
                        >
                          {t('sla.policies.remove')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {segments.length > 0 && !readOnly && (
          <button
            type="button"
            className="button button-small"
            data-testid="add-segment-policy"
            onClick={() =>
              setRows((list) => [
                ...list,
                {
                  key: nextKey++,
                  priority: 'high',
                  segmentId: segments[0].id,
                  firstResponse: '',
                  resolution: '',
                  warnPercent: local('80'),
                },
              ])
            }
          >
            {t('sla.policies.addSegment')}
          </button>
        )}
      </fieldset>
      {!readOnly && (
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={status === 'saving'} data-testid="save-sla-policies">
            {t('sla.policies.save')}
          </button>
        </div>
      )}
    </form>
  );
}
