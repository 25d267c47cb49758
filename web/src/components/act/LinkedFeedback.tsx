import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkedFeedback } from '@feedloop/contracts/act';
import { errorMessage } from '../../lib/errors';
import { paths } from '../../lib/router';
import { useFormat } from '../../lib/useFormat';
import { Alert } from '../Alert';
import { Link } from '../Link';
import { Loading } from '../Loading';

/** A disclosure that loads the feedback items behind a ticket or an idea when first opened. */
export function LinkedFeedback({
  load,
  label,
  emptyLabel,
}: {
  load: () => Promise<{ feedback: LinkedFeedback[] }>;
  label: string;
  emptyLabel: string;
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const [state, setState] = useState<
    { kind: 'idle' | 'loading' } | { kind: 'ready'; items: LinkedFeedback[] } | { kind: 'error'; error: unknown }
  >({ kind: 'idle' });

  function onToggle(open: boolean) {
    if (!open || state.kind === 'loading' || state.kind === 'ready') return;
    setState({ kind: 'loading' });
    load().then(
      (r) => setState({ kind: 'ready', items: r.feedback }),
      (error: unknown) => setState({ kind: 'error', error }),
    );
  }

  return (
    <details className="linked-feedback" onToggle={(e) => onToggle((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{label}</summary>
      {state.kind === 'loading' && <Loading />}
      {state.kind === 'error' && <Alert>{errorMessage(t, state.error)}</Alert>}
      {state.kind === 'ready' && state.items.length === 0 && <p className="muted">{emptyLabel}</p>}
      {state.kind === 'ready' && state.items.length > 0 && (
        <ul className="linked-items" data-testid="linked-items">
          {state.items.map((item) => (
            <li key={item.id}>
              <Link to={paths.feedbackDetail(item.id)}>
                <bdi>{item.text}</bdi>
              </Link>{' '}
              <span className="muted">
                {fmt.facts([t(`channel.${item.channel}`, { defaultValue: item.channel }), fmt.date(item.createdAt)])}
              </span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
