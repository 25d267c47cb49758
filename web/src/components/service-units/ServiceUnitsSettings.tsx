// Settings → Service units: the hierarchy as an indented list; admins add top-level units and units
// inside others, rename, move (never inside itself) and archive or restore them.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ServiceUnit } from '@feedloop/contracts/service-units';
import { serviceUnitsApi } from '../../api/service-units';
import { flattenUnits, subtreeIds, unitOptionLabel } from '../../lib/service-units';
import { Alert } from '../Alert';
import { Field } from '../Field';
import { LoadError } from '../LoadError';
import { Loading } from '../Loading';
import { useLoaded } from '../settings/useLoaded';
import { unitErrorMessage } from './unit-errors';
import '../../styles/service-units.css';

type EditMode = 'child' | 'rename' | 'move';
type Editing = { id: string; mode: EditMode } | null;
const EDITS: readonly EditMode[] = ['child', 'rename', 'move'];
// An archived unit takes no new units under it.
const EDITS_OF_ARCHIVED: readonly EditMode[] = ['rename', 'move'];
const EDIT_LABELS = { child: 'units.addChild', rename: 'units.rename', move: 'units.move' } as const;

export function ServiceUnitsSettings({ canManage }: { canManage: boolean }) {
  const { t } = useTranslation();
  const [tree, reload] = useLoaded(() => serviceUnitsApi.tree());
  const [editing, setEditing] = useState<Editing>(null);
  const [result, setResult] = useState<{ ok: true } | { ok: false; error: unknown } | null>(null);

  if (tree.state === 'loading') return <Loading />;
  if (tree.state === 'error') return <LoadError error={tree.error} onRetry={reload} />;
  const flat = flattenUnits(tree.data.data);

  async function run(change: () => Promise<unknown>) {
    try {
      await change();
      setEditing(null);
      setResult({ ok: true });
      reload();
    } catch (error) {
      setResult({ ok: false, error });
    }
  }

  return (
    <section className="card stack" aria-labelledby="units-title" data-testid="units-settings">
      <h2 className="card-title" id="units-title">
        {t('units.title')}
      </h2>
      <p className="muted">{t('units.intro')}</p>
      {flat.length === 0 ? (
        <p className="muted">{t('units.empty')}</p>
      ) : (
        <ul className="unit-tree" aria-labelledby="units-title">
          {flat.map(({ unit, depth }) => (
            <li
              key={unit.id}
              className={`unit-row${unit.archived ? ' unit-archived' : ''}`}
              style={{ paddingInlineStart: `${depth * 1.5}rem` }}
              data-testid="unit-row"
            >
              <div className="unit-line">
                <strong className="unit-name">
                  <bdi>{unit.name}</bdi>
                </strong>
                <span className="tag">
                  <bdi>{unit.kind}</bdi>
                </span>
                {unit.externalCode && (
                  <code className="muted" dir="ltr">
                    {unit.externalCode}
                  </code>
                )}
                {unit.archived && <span className="tag unit-tag-archived">{t('units.archived')}</span>}
                {canManage && (
                  <span className="unit-actions">
                    {(unit.archived ? EDITS_OF_ARCHIVED : EDITS).map((mode) => (
                      <button
                        key={mode}
                        type="button"
                        className="button button-ghost button-small"
                        onClick={() => setEditing({ id: unit.id, mode })}
                      >
                        {t(EDIT_LABELS[mode])}
                      </button>
                    ))}
                    <button
                      type="button"
                      className="button button-ghost button-small"
                      data-testid="unit-archive"
                      onClick={() => void run(() => serviceUnitsApi.update(unit.id, { archived: !unit.archived }))}
                    >
                      {unit.archived ? t('units.restore') : t('units.archive')}
                    </button>
                  </span>
                )}
              </div>
              {editing?.id === unit.id && editing.mode === 'child' && (
                <UnitForm
                  legend={t('units.addChildTo', { name: unit.name })}
                  initial={{ name: '', kind: '' }}
                  onCancel={() => setEditing(null)}
                  onSave={(v) => run(() => serviceUnitsApi.create({ ...v, parentId: unit.id }))}
                />
              )}
              {editing?.id === unit.id && editing.mode === 'rename' && (
                <UnitForm
                  legend={t('units.rename')}
                  initial={{ name: unit.name, kind: unit.kind, externalCode: unit.externalCode ?? '' }}
                  onCancel={() => setEditing(null)}
                  onSave={(v) => run(() => serviceUnitsApi.update(unit.id, v))}
                />
              )}
              {editing?.id === unit.id && editing.mode === 'move' && (
                <MoveForm
                  unit={unit}
                  roots={tree.data.data}
                  onCancel={() => setEditing(null)}
                  onSave={(parentId) => run(() => serviceUnitsApi.update(unit.id, { parentId }))}
                />
              )}
            </li>
          ))}
        </ul>
      )}
      {canManage && (
        <UnitForm
          legend={t('units.addTop')}
          initial={{ name: '', kind: '', externalCode: '' }}
          onSave={(v) => run(() => serviceUnitsApi.create({ ...v, parentId: null }))}
          testId="unit-add-top"
        />
      )}
      {result?.ok && (
        <p role="status" className="muted">
          {t('units.saved')}
        </p>
      )}
      {result && !result.ok && <Alert>{unitErrorMessage(t, result.error)}</Alert>}
    </section>
  );
}

interface UnitValues {
  name: string;
  kind: string;
  externalCode?: string | null;
}

function UnitForm({
  legend,
  initial,
  onSave,
  onCancel,
  testId,
}: {
  legend: string;
  initial: { name: string; kind: string; externalCode?: string };
  onSave: (v: UnitValues) => Promise<void>;
  onCancel?: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(initial.name);
  const [kind, setKind] = useState(initial.kind);
  const [code, setCode] = useState(initial.externalCode ?? '');
  const withCode = initial.externalCode !== undefined;
  return (
    <form
      className="unit-form"
      data-testid={testId ?? 'unit-form'}
      onSubmit={(e) => {
        e.preventDefault();
        if (!name.trim() || !kind.trim()) return;
        void onSave({ name: name.trim(), kind: kind.trim(), ...(withCode ? { externalCode: code.trim() || null } : {}) });
      }}
    >
      <fieldset className="unit-fields">
        <legend>{legend}</legend>
        <Field label={t('units.name')}>
          {(props) => (
            <input
              {...props}
              className="input"
              dir="auto"
              required
              maxLength={200}
              value={name}
              data-testid="unit-name"
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('units.kind')} hint={t('units.kindHint')}>
          {(props) => (
            <input
              {...props}
              className="input"
              dir="auto"
              required
              maxLength={50}
              value={kind}
              data-testid="unit-kind"
              onChange={(e) => setKind(e.target.value)}
            />
          )}
        </Field>
        {withCode && (
          <Field label={t('units.code')} hint={t('units.codeHint')}>
            {(props) => (
              <input
                {...props}
                className="input"
                dir="ltr"
                maxLength={100}
                value={code}
                data-testid="unit-code"
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </Field>
        )}
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="unit-save">
          {onCancel ? t('units.save') : t('units.add')}
        </button>
        {onCancel && (
          <button type="button" className="button button-ghost" onClick={onCancel}>
            {t('units.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

function MoveForm({
  unit,
  roots,
  onSave,
  onCancel,
}: {
  unit: ServiceUnit;
  roots: ServiceUnit[];
  onSave: (parentId: string | null) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [parent, setParent] = useState(unit.parentId ?? '');
  // A unit goes under an active unit outside its own subtree, or to the top.
  const inside = subtreeIds(unit);
  const targets = flattenUnits(roots).filter((f) => !inside.has(f.unit.id) && !f.unit.archived);
  return (
    <form
      className="unit-form"
      data-testid="unit-move-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onSave(parent || null);
      }}
    >
      <Field label={t('units.moveTo', { name: unit.name })}>
        {(props) => (
          <select {...props} className="select" value={parent} data-testid="unit-move-parent" onChange={(e) => setParent(e.target.value)}>
            <option value="">{t('units.topLevel')}</option>
            {targets.map((f) => (
              <option key={f.unit.id} value={f.unit.id}>
                {unitOptionLabel(f)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-primary" data-testid="unit-move-save">
          {t('units.save')}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          {t('units.cancel')}
        </button>
      </div>
    </form>
  );
}
