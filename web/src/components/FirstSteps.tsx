import { useTranslation } from 'react-i18next';
import { canManageWorkspace } from '../api/admin';
import { paths } from '../lib/router';
import { useSession } from '../lib/session';
import { useFormat } from '../lib/useFormat';
import { Link } from './Link';
import '../styles/first-steps.css';

/** Where the reference of the bulk and single feedback endpoints lives (served by the API itself). */
const API_REFERENCE = '/api/docs';
const IMPORT_COMMAND = 'npm run feedloop -- import feedback.csv';

interface Step {
  key: 'widget' | 'survey' | 'import' | 'apiKey';
  link: { to: string; label: string; app: boolean } | null;
  code?: string;
}

/**
 * What a workspace without any feedback shows instead of empty figures and lists: the four ways
 * feedback starts coming in, each with the page (or reference) that does it.
 */
export function FirstSteps() {
  const { t } = useTranslation();
  const { me } = useSession();
  const format = useFormat();
  // Keys are made by owners and admins only; others see the step without a link they cannot use.
  const admin = canManageWorkspace(me.role);
  const steps: Step[] = [
    { key: 'widget', link: admin ? { to: paths.settingsSection('widgetKeys'), label: t('admin.section.widgetKeys'), app: true } : null },
    { key: 'survey', link: { to: paths.surveys(), label: t('nav.surveys'), app: true } },
    { key: 'import', link: { to: API_REFERENCE, label: t('firstSteps.import.link'), app: false }, code: IMPORT_COMMAND },
    { key: 'apiKey', link: admin ? { to: paths.settingsSection('apiKeys'), label: t('admin.section.apiKeys'), app: true } : null },
  ];
  return (
    <section className="card first-steps" aria-labelledby="first-steps-title" data-testid="first-steps">
      <h2 id="first-steps-title" className="card-title">
        {t('firstSteps.title')}
      </h2>
      <p className="muted">{t('firstSteps.intro')}</p>
      <ol className="first-steps-list">
        {steps.map((step, i) => (
          <li key={step.key} className="first-step" data-testid={`first-step-${step.key}`}>
            <h3 className="first-step-title">
              {/* The list is ordered for screen readers already; the number is shown in the user's digits. */}
              <span className="first-step-number" aria-hidden="true">
                {format.number(i + 1)}
              </span>
              <span className="first-step-name">{t(`firstSteps.${step.key}.title`)}</span>
            </h3>
            <p className="muted">{t(`firstSteps.${step.key}.text`)}</p>
            {step.code && (
              <code className="code-block" dir="ltr">
                {step.code}
              </code>
            )}
            {step.link === null ? (
              <p className="muted first-step-note">{t('firstSteps.adminOnly')}</p>
            ) : step.link.app ? (
              <Link to={step.link.to} className="button first-step-link">
                {step.link.label}
              </Link>
            ) : (
              <a href={step.link.to} className="button first-step-link">
                {step.link.label}
              </a>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
