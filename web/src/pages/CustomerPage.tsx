import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../api/client';
import type { CustomerProfile } from '@feedloop/contracts/customers';
import { customersApi } from '../api/customers';
import { customerLabel } from '../components/customers/identity';
import { MergeCustomer } from '../components/customers/MergeCustomer';
import { ProfileCard, ProfileFlags } from '../components/customers/ProfileCard';
import { ScoreHistory } from '../components/customers/ScoreHistory';
import { Timeline } from '../components/customers/Timeline';
import { CompensationForm } from '../components/compensations/CompensationForm';
import { CompensationList } from '../components/compensations/CompensationList';
import { TaskForm } from '../components/tasks/TaskForm';
import { TaskList } from '../components/tasks/TaskList';
import { Alert } from '../components/Alert';
import { Link } from '../components/Link';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { navigate, paths } from '../lib/router';
import { useSession } from '../lib/session';
import { unitAssignmentApi } from '../api/service-units';
import { ServiceUnitPicker } from '../components/service-units/ServiceUnitPicker';
import '../styles/customers.css';
import '../styles/act.css';
import '../styles/tasks.css';

type Load = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; profile: CustomerProfile };

/** Customer 360: who they are, what they are worth, how they feel, and everything they did. */
export function CustomerPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  // customers:write: every role but viewer (the API refuses the others with 403).
  const canMerge = me.role !== 'viewer';
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [version, setVersion] = useState(0);
  const [merging, setMerging] = useState(false);
  const [merged, setMerged] = useState(false);
  // Bumped when a task or compensation is added here: the lists and the timeline read again.
  const [acted, setActed] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    customersApi
      .profile(id, { signal: abort.signal })
      .then((profile) => {
        // An old link to a merged customer shows the one it became.
        if (profile.customer.id !== id) navigate(paths.customer(profile.customer.id), { replace: true });
        setLoad({ status: 'ready', profile });
      })
      .catch((error: unknown) => {
        if (!isAbortError(error)) setLoad({ status: 'error', error });
      });
    return () => abort.abort();
  }, [id, version]);

  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <LoadError error={load.error} onRetry={() => setVersion((n) => n + 1)} />;
  const { profile } = load;
  const c = profile.customer;

  return (
    <div className="stack" data-testid="customer-page">
      <p>
        <Link to={paths.customers()}>{t('customer360.back')}</Link>
      </p>
      <div className="page-head customer-head">
        <h1 className="page-title" data-testid="customer-name">
          <bdi>{customerLabel(c, t)}</bdi>
        </h1>
        <ProfileFlags flags={profile.flags} />
        {canMerge && !merging && (
          <button
            type="button"
            className="button customer-merge"
            data-testid="merge-open"
            onClick={() => {
              setMerging(true);
              setMerged(false);
            }}
          >
            {t('customer360.merge.open')}
          </button>
        )}
      </div>
      {merged && <Alert tone="success">{t('customer360.merge.done')}</Alert>}
      {merging && (
        <MergeCustomer
          target={c}
          onClose={() => setMerging(false)}
          onMerged={() => {
            setMerging(false);
            setMerged(true);
            setVersion((n) => n + 1);
          }}
        />
      )}
      <ProfileCard profile={profile} />
      <ServiceUnitPicker value={c.serviceUnitId} canEdit={canMerge} onSave={(unit) => unitAssignmentApi.customer(c.id, unit)} />
      <ScoreHistory scores={profile.scores} />
      <section className="customer-act" aria-labelledby="customer-tasks" data-testid="customer-tasks">
        <div className="stack">
          <h2 className="section-title" id="customer-tasks">
            {t('tasks.section')}
          </h2>
          <TaskList query={{ customerId: c.id }} version={acted} canWrite={canMerge} showCustomer={false} />
        </div>
        {canMerge && <TaskForm customerId={c.id} onCreated={() => setActed((n) => n + 1)} />}
      </section>
      <section className="customer-act" aria-labelledby="customer-compensations" data-testid="customer-compensations">
        <div className="stack">
          <h2 className="section-title" id="customer-compensations">
            {t('compensations.section')}
          </h2>
          <CompensationList customerId={c.id} version={acted} canApprove={me.role === 'owner' || me.role === 'admin'} />
        </div>
        {canMerge && <CompensationForm customerId={c.id} onCreated={() => setActed((n) => n + 1)} />}
      </section>
      <Timeline key={`${version}:${acted}`} customerId={c.id} />
    </div>
  );
}
