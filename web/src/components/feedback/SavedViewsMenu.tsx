import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isAbortError } from '../../api/client';
import { api } from '../../api/endpoints';
import type { SavedView } from '@feedloop/contracts/feedback';
import { errorMessage } from '../../lib/errors';
import { filtersToRecord, recordToSearch, type FeedbackFilters } from '../../lib/filters';
import { Alert } from '../Alert';
import { Field } from '../Field';

interface SavedViewsMenuProps {
  filters: FeedbackFilters;
  /** Opens a view: `?sentiment=negative&…`. */
  onOpen: (search: string) => void;
}

const NAME_MAX = 100;

/** The views menu (own and shared views) and the "Save view" form for the current filters. */
export function SavedViewsMenu({ filters, onOpen }: SavedViewsMenuProps) {
  const { t } = useTranslation();
  const [views, setViews] = useState<SavedView[]>([]);
  const [chosen, setChosen] = useState('');
  const [form, setForm] = useState<{ name: string; shared: boolean; touched: boolean } | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const abort = new AbortController();
    api
      .listSavedViews({ signal: abort.signal })
      .then((r) => setViews(r.data))
      .catch((e: unknown) => {
        if (!isAbortError(e)) setError(e);
      });
    return () => abort.abort();
  }, []);

  const name = form?.name.trim() ?? '';
  const nameError =
    form?.touched && !name
      ? t('explorer.views.nameRequired')
      : name.length > NAME_MAX
        ? t('explorer.views.nameTooLong', { max: NAME_MAX })
        : null;
  const current = views.find((v) => v.id === chosen);

  function open(id: string) {
    setChosen(id);
    const view = views.find((v) => v.id === id);
    if (view) onOpen(recordToSearch(view.filters));
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (!form) return;
    if (!name || name.length > NAME_MAX) return setForm({ ...form, touched: true });
    setSaving(true);
    setError(null);
    try {
      const view = await api.createSavedView({ name, shared: form.shared, filters: filtersToRecord(filters) });
      setViews((vs) => [...vs, view].sort((a, b) => a.name.localeCompare(b.name)));
      setChosen(view.id);
      setForm(null);
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  }

  async function remove(view: SavedView) {
    setError(null);
    try {
      await api.deleteSavedView(view.id);
      setViews((vs) => vs.filter((v) => v.id !== view.id));
      setChosen('');
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section className="card saved-views" aria-label={t('explorer.views.title')}>
      <div className="saved-views-row">
        <Field label={t('explorer.views.title')}>
          {(props) => (
            <select {...props} className="select" data-testid="saved-views" value={chosen} onChange={(e) => open(e.target.value)}>
              <option value="">{views.length ? t('explorer.views.choose') : t('explorer.views.none')}</option>
              {views.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.shared ? t('explorer.views.sharedName', { name: v.name }) : v.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        {current?.mine && (
          <button type="button" className="button button-ghost button-small" data-testid="delete-view" onClick={() => void remove(current)}>
            {t('explorer.views.delete')}
          </button>
        )}
        {!form && (
          <button
            type="button"
            className="button button-small"
            data-testid="save-view"
            onClick={() => setForm({ name: '', shared: false, touched: false })}
          >
            {t('explorer.views.save')}
          </button>
        )}
      </div>
      {form && (
        <form className="saved-views-form" onSubmit={(e) => void save(e)} noValidate>
          <Field label={t('explorer.views.name')} error={nameError}>
            {(props) => (
              <input
                {...props}
                className="input"
                dir="auto"
                data-testid="view-name"
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
                onBlur={() => setForm({ ...form, touched: true })}
              />
            )}
          </Field>
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid="view-shared"
              checked={form.shared}
              onChange={(e) => setForm({ ...form, shared: e.target.checked })}
            />
            {t('explorer.views.shared')}
          </label>
          <button type="submit" className="button button-primary button-small" data-testid="view-submit" disabled={saving}>
            {t('explorer.views.submit')}
          </button>
          <button type="button" className="button button-ghost button-small" onClick={() => setForm(null)}>
            {t('explorer.views.cancel')}
          </button>
        </form>
      )}
      {error !== null && <Alert>{errorMessage(t, error)}</Alert>}
    </section>
  );
}
