import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Playbook, RuleSummary } from '@feedloop/contracts/rules';
import type { Locale } from '@feedloop/contracts/locales';
import { rulesApi } from '../../api/rules';
import { errorMessage } from '../../lib/errors';

/** The shipped playbooks; installing one makes an editable rule named in the user's language. */
export function PlaybookGallery({ canWrite, onInstalled }: { canWrite: boolean; onInstalled(rule: RuleSummary): void }) {
  const { t, i18n } = useTranslation();
  const locale = (['fa', 'ar', 'zh', 'en'].includes(i18n.language) ? i18n.language : 'en') as Locale;
  const [playbooks, setPlaybooks] = useState<Playbook[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    rulesApi.playbooks().then(
      (r) => setPlaybooks(r.data),
      (e: unknown) => setMessage(errorMessage(t, e)),
    );
  }, [t]);
  const install = async (p: Playbook) => {
    try {
      const rule = await rulesApi.install(p.key, locale);
      setMessage(t('rules.gallery.installed', { name: rule.name }));
      onInstalled(rule);
    } catch (e) {
      setMessage(errorMessage(t, e));
    }
  };
  return (
    <div className="stack">
      {message && (
        <p className="card" role="status" data-testid="gallery-message">
          {message}
        </p>
      )}
      <ul className="rule-gallery" data-testid="playbook-gallery">
        {playbooks.map((p) => (
          <li key={p.key} className="card act-card" data-testid="playbook">
            <h2 className="act-title">{p.name[locale]}</h2>
            <p className="muted">
              {t(`rules.triggers.${p.definition.trigger.kind}`)} →{' '}
              {p.definition.actions.map((a) => t(`rules.actionKinds.${a.kind}`)).join(' · ')}
            </p>
            {canWrite && (
              <button
                type="button"
                className="button button-primary button-small"
                data-testid="playbook-install"
                onClick={() => void install(p)}
              >
                {t('rules.gallery.install')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
