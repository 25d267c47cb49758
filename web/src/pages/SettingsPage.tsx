import { useTranslation } from 'react-i18next';
import { adminApi, canManageWorkspace } from '../api/admin';
import { Link } from '../components/Link';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { ApiKeysSettings } from '../components/settings/ApiKeysSettings';
import { MembersSettings } from '../components/settings/MembersSettings';
import { ProfileSettings } from '../components/settings/ProfileSettings';
import { useLoaded } from '../components/settings/useLoaded';
import { WidgetKeysSettings } from '../components/settings/WidgetKeysSettings';
import { WorkspaceSettingsForm } from '../components/settings/WorkspaceSettingsForm';
import { AssignmentSettings } from '../components/inbox/AssignmentSettings';
import { CannedRepliesSettings } from '../components/inbox/CannedRepliesSettings';
import { canWriteFeedback } from '../lib/topics';
import { BusinessHoursSettings } from '../components/sla/BusinessHoursSettings';
import { ServiceUnitsSettings } from '../components/service-units/ServiceUnitsSettings';
import { paths, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import '../styles/settings.css';

const SECTIONS = [
  'profile',
  'workspace',
  'members',
  'serviceUnits',
  'businessHours',
  'apiKeys',
  'widgetKeys',
  'cannedReplies',
  'assignment',
] as const;
type Section = (typeof SECTIONS)[number];
/** Key management is for owners and admins only; others do not see these tabs. */
const ADMIN_ONLY: ReadonlySet<Section> = new Set(['apiKeys', 'widgetKeys']);

export function SettingsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { query } = useLocation();
  const admin = canManageWorkspace(me.role);
  const visible = SECTIONS.filter((s) => admin || !ADMIN_ONLY.has(s));
  const asked = query.get('section') as Section | null;
  const section: Section = asked && visible.includes(asked) ? asked : 'profile';

  return (
    <div className="stack narrow settings-page">
      <div className="page-head">
        <h1 className="page-title">{t('settings.title')}</h1>
        {section === 'profile' && <p className="muted">{t('settings.intro')}</p>}
      </div>
      <nav className="settings-tabs" aria-label={t('admin.sections')}>
        {visible.map((s) => (
          <Link
            key={s}
            to={s === 'profile' ? paths.settings() : `${paths.settings()}?section=${s}`}
            className="settings-tab"
            aria-current={s === section ? 'page' : undefined}
            data-testid={`settings-tab-${s}`}
          >
            {t(`admin.section.${s}`)}
          </Link>
        ))}
      </nav>
      {section === 'profile' && <ProfileSettings />}
      {section === 'workspace' && <WorkspaceSection readOnly={!admin} />}
      {section === 'members' && <MembersSettings canManage={admin} />}
      {section === 'serviceUnits' && <ServiceUnitsSettings canManage={admin} />}
      {section === 'businessHours' && <BusinessHoursSettings readOnly={!admin} />}
      {section === 'apiKeys' && <ApiKeysSettings />}
      {section === 'widgetKeys' && <WidgetKeysSettings />}
      {section === 'cannedReplies' && <CannedRepliesSettings canWrite={canWriteFeedback(me.role)} />}
      {section === 'assignment' && <AssignmentSettings canManage={admin} />}
    </div>
  );
}

function WorkspaceSection({ readOnly }: { readOnly: boolean }) {
  const [workspace, reload] = useLoaded(adminApi.workspace);
  if (workspace.state === 'loading') return <Loading />;
  if (workspace.state === 'error') return <LoadError error={workspace.error} onRetry={reload} />;
  return <WorkspaceSettingsForm initial={workspace.data} readOnly={readOnly} />;
}
