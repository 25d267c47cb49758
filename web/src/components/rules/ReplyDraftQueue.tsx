import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { rulesApi, type ReplyDraft } from '../../api/rules';
import { errorMessage } from '../../lib/errors';

const rtl = (language: string) => language === 'fa' || language === 'ar';

/** Replies drafted for bad reviews: edit the text, approve or discard each. */
export function ReplyDraftQueue({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const [drafts, setDrafts] = useState<ReplyDraft[] | null>(null);
  const [texts, setTexts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    rulesApi.drafts().then(
      (page) => setDrafts(page.data),
      (e: unknown) => setMessage(errorMessage(t, e)),
    );
  }, [t]);

  const decide = async (draft: ReplyDraft, change: { body?: string; status?: 'approved' | 'discarded' }, done: string) => {
    try {
      const saved = await rulesApi.decide(draft.id, change);
      setDrafts((list) => (list ?? []).flatMap((d) => (d.id !== draft.id ? [d] : saved.status === 'pending' ? [saved] : [])));
      setMessage(done);
    } catch (e) {
      setMessage(errorMessage(t, e));
    }
  };

  if (!drafts) return message ? <p className="field-error">{message}</p> : null;
  return (
    <div className="stack">
      {message && (
        <p className="card" role="status" data-testid="draft-message">
          {message}
        </p>
      )}
      {drafts.length === 0 && <p className="card empty-state">{t('rules.drafts.empty')}</p>}
      <ul className="act-list" data-testid="reply-drafts">
        {drafts.map((draft) => {
          const body = texts[draft.id] ?? draft.body;
          const dir = rtl(draft.language) ? 'rtl' : 'ltr';
          return (
            <li key={draft.id} className="card act-card" data-testid="reply-draft">
              <p className="muted">
                {t('rules.drafts.review')}
                {draft.rating !== null && ` · ${t('rules.drafts.rating', { rating: draft.rating })}`}
              </p>
              <blockquote className="rule-review" lang={draft.language} dir="auto">
                {draft.feedbackText}
              </blockquote>
              <label className="field">
                <span className="field-label">{t('rules.drafts.reply')}</span>
                <textarea
                  className="input rule-reply"
                  lang={draft.language}
                  dir={dir}
                  rows={8}
                  data-testid="draft-body"
                  value={body}
                  readOnly={!canWrite}
                  onChange={(e) => setTexts({ ...texts, [draft.id]: e.target.value })}
                />
              </label>
              {canWrite && (
                <div className="form-actions">
                  <button
                    type="button"
                    className="button button-primary"
                    data-testid="draft-approve"
                    onClick={() => void decide(draft, { body, status: 'approved' }, t('rules.drafts.approved'))}
                  >
                    {t('rules.drafts.approve')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={body === draft.body}
                    onClick={() => void decide(draft, { body }, t('rules.drafts.savedText'))}
                  >
                    {t('rules.drafts.save')}
                  </button>
                  <button
                    type="button"
                    className="button button-ghost"
                    data-testid="draft-discard"
                    onClick={() => void decide(draft, { status: 'discarded' }, t('rules.drafts.discarded'))}
                  >
                    {t('rules.drafts.discard')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
