// The unit an item, a ticket or a customer belongs to: a select of the workspace's active units
// (indented under their parents), saved as soon as it changes.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceUnit } from '@feedloop/contracts/service-units';
import { serviceUnitsApi } from '../../api/service-units';
import { flattenUnits, unitOptionLabel } from '../../lib/service-units';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { unitErrorMessage } from './unit-errors';
import '../../styles/service-units.css';

export function ServiceUnitPicker({
  value,
  canEdit,
  onSave,
}: {
  value: string | null;
  canEdit: boolean;
  onSave: (serviceUnitId: string | null) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [roots, setRoots] = useState<ServiceUnit[] | null>(null);
  const [current, setCurrent] = useState(value ?? '');
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);

  useEffect(() => setCurrent(value ?? ''), [value]);
  useEffect(() => {
    const abort = new AbortController();
    // Without the list the picker stays hidden; nothing else on the page depends on it.
    serviceUnitsApi.tree({ signal: abort.signal }).then(
      (tree) => setRoots(tree.data),
      () => undefined,
    );
    return () => abort.abort();
  }, []);

  if (!roots || roots.length === 0) return null;
  // An archived unit stays shown while the record still belongs to it.
  const options = flattenUnits(roots).filter((f) => !f.unit.archived || f.unit.id === current);

  async function change(next: string) {
    const previous = current;
    setCurrent(next);
    setResult(null);
    try {
      await onSave(next || null);
      setResult({ ok: true });
    } catch (error) {
      setCurrent(previous);
      setResult({ ok: false, error });
    }
  }

  return (
    <div className="unit-picker" data-testid="unit-picker">
      <Field label={t('units.picker')}>
        {(props) => (
          <select
            {...props}
            className="select"
            value={current}
            disabled={!canEdit}
            data-testid="unit-picker-select"
            onChange={(e) => void change(e.target.value)}
          >
            <option value="">{t('units.none')}</option>
            {options.map((f) => (
              <option key={f.unit.id} value={f.unit.id}>
                {unitOptionLabel(f)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {result?.ok && (
        <p role="status" className="muted">
          {t('units.pickerSaved')}
        </p>
      )}
      {result && !result.ok && <Alert>{unitErrorMessage(t, result.error)}</Alert>}
    </div>
  );
}
