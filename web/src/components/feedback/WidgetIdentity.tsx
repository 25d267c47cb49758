import { useTranslation } from 'react-i18next';
import type { FeedbackItem } from '@feedloop/contracts/feedback';
import { KeyValueList, type KeyValue } from '../KeyValueList';

const text = (value: unknown) => (typeof value === 'string' && value ? value : null);

/**
 * How the widget identified the person behind an item (metadata.identity): verified by the
 * business's server, or only claimed by the visitor's browser — a claim is shown as such, never
 * as the customer, because anyone can type someone else's email.
 */
export function WidgetIdentity({ item }: { item: FeedbackItem }) {
  const { t } = useTranslation();
  const meta = item.metadata ?? {};
  const identity = text(meta.identity);
  if (identity !== 'verified' && identity !== 'unverified' && identity !== 'anonymous') return null;
  const status = {
    verified: <span className="badge badge-identity-verified">{t('detail.identityVerified')}</span>,
    unverified: <span className="badge badge-identity-unverified">{t('detail.identityUnverified')}</span>,
    anonymous: <span className="muted">{t('detail.identityAnonymous')}</span>,
  }[identity];
  const claims: Array<[string, string, string | null]> = [
    ['claimedExternalId', t('detail.claimedExternalId'), text(meta.claimed_external_id)],
    ['claimedEmail', t('detail.claimedEmail'), text(meta.claimed_email)],
    ['contactEmail', t('detail.contactEmail'), text(meta.contact_email)],
  ];
  const rows: KeyValue[] = [
    { key: 'identity', label: t('detail.identity'), value: status },
    ...claims.filter(([, , value]) => value).map(([key, label, value]) => ({ key, label, value: <bdi dir="ltr">{value}</bdi> })),
  ];
  return (
    <div className="stack widget-identity" data-testid="widget-identity" data-identity={identity}>
      <KeyValueList items={rows} />
      {identity === 'unverified' && <p className="muted">{t('detail.identityUnverifiedHint')}</p>}
      {meta.identity_hash === 'mismatch' && <p className="muted">{t('detail.identityHashMismatch')}</p>}
    </div>
  );
}
