import { useTranslation } from 'react-i18next';
import { paths, useLocation } from '../../lib/router';
import { Link } from '../Link';

/** The Evaluate pages, one link each: the current one marked for screen readers too. */
export function EvaluateSections() {
  const { t } = useTranslation();
  const { path } = useLocation();
  const sections = [
    { to: paths.metrics(), label: t('metrics.sections.metrics'), current: path === '/evaluate' || path === '/evaluate/metrics' },
    { to: paths.league(), label: t('metrics.sections.league'), current: path === '/evaluate/league' },
    { to: paths.drivers(), label: t('metrics.sections.drivers'), current: path === '/evaluate/drivers' },
    { to: paths.beforeAfter(), label: t('metrics.sections.beforeAfter'), current: path === '/evaluate/before-after' },
  ];
  return (
    <nav className="evaluate-sections" aria-label={t('metrics.sections.label')}>
      {sections.map((s) => (
        <Link key={s.to} to={s.to} className={s.current ? 'nav-link active' : 'nav-link'} aria-current={s.current ? 'page' : undefined}>
          {s.label}
        </Link>
      ))}
    </nav>
  );
}
