import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleSummary } from '@feedloop/contracts/rules';
import { rulesApi } from '../api/rules';
import { Link } from '../components/Link';
import { PlaybookGallery } from '../components/rules/PlaybookGallery';
import { ReplyDraftQueue } from '../components/rules/ReplyDraftQueue';
import { RuleBuilder } from '../components/rules/RuleBuilder';
import { RuleList } from '../components/rules/RuleList';
import { errorMessage } from '../lib/errors';
import { paths, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { canManageTopics, canWriteFeedback } from '../lib/topics';
import '../styles/act.css';
import '../styles/rules.css';

const TABS = ['rules', 'gallery', 'drafts'] as const;
type Tab = (typeof TABS)[number];

/** Rules, the playbook gallery and the reply drafts waiting for approval, one tab each (kept in the URL). */
export function RulesPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const canWrite = canManageTopics(me.role);
  const { query } = useLocation();
  const tab: Tab = (TABS as readonly string[]).includes(query.get('tab') ?? '') ? (query.get('tab') as Tab) : 'rules';
  const [rules, setRules] = useState<RuleSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<RuleSummary | 'new' | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    rulesApi.list().then(
      (r) => setRules(r.data),
      (e: unknown) => setError(errorMessage(t, e)),
    );
  }, [t]);
  const replace = (rule: RuleSummary) => setRules((list) => [rule, ...(list ?? []).filter((r) => r.id !== rule.id)]);

  return (
    <div className="stack" data-testid="rules-page">
      <div className="page-head">
        <h1 className="page-title">{t('rules.title')}</h1>
        <p className="muted">{t('rules.intro')}</p>
      </div>
      <nav className="rule-tabs" aria-label={t('rules.title')}>
        {TABS.map((name) => (
          <Link
            key={name}
            to={paths.rules(name === 'rules' ? '' : name)}
            className={`rule-tab${tab === name ? ' active' : ''}`}
            aria-current={tab === name ? 'page' : undefined}
          >
            {t(`rules.tabs.${name}`)}
          </Link>
        ))}
      </nav>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {tab === 'rules' && (
        <>
          {notice && (
            <p className="card" role="status" data-testid="rule-notice">
              {notice}
            </p>
          )}
          {editing ? (
            <RuleBuilder
              key={editing === 'new' ? 'new' : editing.id}
              rule={editing === 'new' ? null : editing}
              onCancel={() => setEditing(null)}
              onSaved={(rule) => {
                replace(rule);
                setEditing(null);
                setNotice(t('rules.builder.saved'));
              }}
            />
          ) : (
            canWrite && (
              <div>
                <button type="button" className="button button-primary" data-testid="rule-new" onClick={() => setEditing('new')}>
                  {t('rules.list.newRule')}
                </button>
              </div>
            )
          )}
          {rules && <RuleList rules={rules} canWrite={canWrite} onChanged={replace} onEdit={(rule) => setEditing(rule)} />}
        </>
      )}
      {tab === 'gallery' && <PlaybookGallery canWrite={canWrite} onInstalled={replace} />}
      {tab === 'drafts' && <ReplyDraftQueue canWrite={canWriteFeedback(me.role)} />}
    </div>
  );
}
