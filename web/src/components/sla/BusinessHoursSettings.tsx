// Settings → Business hours & SLA: the weekly hours, holidays and SLA targets. Everyone sees
// them (due times depend on them); owners and admins change them.
import { segmentsApi } from '../../api/segments';
import { slaApi } from '../../api/sla';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { useLoaded } from '../settings/useLoaded';
import { BusinessHoursForm } from './BusinessHoursForm';
import { SlaPoliciesForm } from './SlaPoliciesForm';
import '../../styles/sla.css';

const loadAll = () => Promise.all([slaApi.businessHours(), slaApi.policies(), segmentsApi.list().catch(() => ({ data: [] }))]);

export function BusinessHoursSettings({ readOnly }: { readOnly: boolean }) {
  const [loaded, reload] = useLoaded(loadAll);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'error') return <LoadError error={loaded.error} onRetry={reload} />;
  const [hours, policies, segments] = loaded.data;
  return (
    <>
      <BusinessHoursForm initial={hours} readOnly={readOnly} />
      <SlaPoliciesForm initial={policies.policies} segments={segments.data} readOnly={readOnly} />
    </>
  );
}
