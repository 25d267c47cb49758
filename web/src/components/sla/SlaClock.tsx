// A ticket's SLA clock: when the first reply and the resolution are due, the business time
// left, and whether the clock is paused (waiting on the customer), met or breached.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SlaTargetState, TicketSla } from '@feedloop/contracts/business-hours';
import { isAbortError } from '../../api/client';
import { slaApi } from '../../api/sla';
import { useFormat } from '../../lib/useFormat';
import '../../styles/sla.css';

export function SlaClock({
  ticketId,
  version,
}: {
  ticketId: string /** Changes when the ticket does, to read the clock again. */;
  version?: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [sla, setSla] = useState<TicketSla | null>(null);

  // `version` is not read inside: a new one (the ticket changed) reads the clock again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload on a change of the ticket
  useEffect(() => {
    const abort = new AbortController();
    slaApi.ticketSla(ticketId, { signal: abort.signal }).then(setSla, (err: unknown) => {
      if (!isAbortError(err)) setSla(null);
    });
    return () => abort.abort();
  }, [ticketId, version]);

  if (!sla || (!sla.firstResponse && !sla.resolution)) return null;

  const duration = (total: number) => {
    const m = Math.round(Math.abs(total));
    const h = Math.floor(m / 60);
    if (h === 0) return t('sla.clock.minutes', { m: fmt.number(m) });
    return m % 60 === 0
      ? t('sla.clock.hoursOnly', { h: fmt.number(h) })
      : t('sla.clock.hours', { h: fmt.number(h), m: fmt.number(m % 60) });
  };

  const target = (name: 'firstResponse' | 'resolution', s: SlaTargetState | null) => {
    if (!s) return null;
    const state = s.metAt
      ? s.breached
        ? 'missed'
        : 'met'
      : s.breached
        ? 'breached'
        : sla.paused
          ? 'paused'
          : !s.dueAt
            ? 'stopped'
            : s.warned
              ? 'warning'
              : 'running';
    return (
      <li className={`sla-target sla-${state}`} data-testid={`sla-${name}`} data-state={state}>
        <span className="sla-target-name">{t(`sla.clock.${name}`)}</span>
        {state === 'running' || state === 'warning' ? (
          <span>{t('sla.clock.left', { time: duration(s.remainingMinutes) })}</span>
        ) : state === 'breached' ? (
          <span>{t('sla.clock.over', { time: duration(s.remainingMinutes) })}</span>
        ) : null}
        {s.dueAt && <span className="muted">{t('sla.clock.due', { date: fmt.dateTime(s.dueAt) })}</span>}
        <span className="badge">{t(`sla.clock.state.${state}`)}</span>
      </li>
    );
  };

  return (
    <ul className="sla-clock" aria-label={t('sla.clock.title')} data-testid="sla-clock">
      {target('firstResponse', sla.firstResponse)}
      {target('resolution', sla.resolution)}
    </ul>
  );
}
