import { useTranslation } from 'react-i18next';
import type { CustomerProfile } from '@feedloop/contracts/customers';
import { useFormat } from '../../lib/useFormat';
import { formatUnknown, KeyValueList, type KeyValue } from '../KeyValueList';
import { LifetimeValue } from './LifetimeValue';
import { ACTIVITY_KINDS } from './activity';

/** VIP and churn-risk badges, each saying why (the rule lives in customer-profile.service.ts), and flags rules set. */
export function ProfileFlags({ flags }: { flags: CustomerProfile['flags'] }) {
  const { t } = useTranslation();
  // The workspace's own flags (set by automation rules) are shown by their name.
  const own = flags.stored.filter((f) => f !== 'vip' && f !== 'churn_risk');
  if (!flags.vip && !flags.churnRisk && own.length === 0) return null;
  return (
    <ul className="chips customer-flags">
      {flags.vipReason && (
        <li className="badge badge-vip" data-testid="flag-vip" title={t(`customer360.vipReason.${flags.vipReason}`)}>
          {t('customer360.vip')}
        </li>
      )}
      {flags.churnReason && (
        <li className="badge badge-churn" data-testid="flag-churn" title={t(`customer360.churnReason.${flags.churnReason}`)}>
          {t('customer360.churnRisk')}
        </li>
      )}
      {own.map((flag) => (
        <li key={flag} className="badge" data-testid="flag-own" dir="ltr">
          {flag}
        </li>
      ))}
    </ul>
  );
}

/** Identifiers, activity counts, lifetime value, segments and the customer's own attributes. */
export function ProfileCard({ profile }: { profile: CustomerProfile }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const c = profile.customer;
  const identifiers: KeyValue[] = [
    { key: 'externalId', label: t('customer360.externalId'), value: c.externalId },
    { key: 'email', label: t('customer360.email'), value: c.email },
    { key: 'phone', label: t('customer360.phone'), value: c.phone && <bdi dir="ltr">{c.phone}</bdi> },
  ]
    .filter((item) => item.value)
    .map((item) => ({ ...item, value: typeof item.value === 'string' ? <bdi>{item.value}</bdi> : item.value }));
  const activity: KeyValue[] = [
    ...ACTIVITY_KINDS.map(([kind, label]) => ({ key: kind, label: t(`customer360.${label}`), value: fmt.number(profile.activity[kind]) })),
    { key: 'ltv', label: t('customer360.lifetimeValue'), value: <LifetimeValue value={c.lifetimeValue} /> },
    { key: 'lastSeen', label: t('customer360.lastSeen'), value: c.lastSeenAt ? fmt.dateTime(c.lastSeenAt) : t('customer360.never') },
    { key: 'since', label: t('customer360.since'), value: fmt.date(c.createdAt) },
  ];
  const attributes: KeyValue[] = Object.entries(c.attributes).map(([key, value]) => ({
    key,
    label: <bdi>{key}</bdi>,
    value: <bdi className="customer-attr">{formatUnknown(value)}</bdi>,
  }));
  return (
    <div className="customer-cards">
      <section className="card" aria-labelledby="identifiers-title" data-testid="customer-identifiers">
        <h2 className="card-title" id="identifiers-title">
          {t('customer360.identifiers')}
        </h2>
        {identifiers.length ? <KeyValueList items={identifiers} /> : <p className="muted">{t('customer360.none')}</p>}
      </section>
      <section className="card" aria-labelledby="activity-title" data-testid="customer-activity">
        <h2 className="card-title" id="activity-title">
          {t('customer360.activity')}
        </h2>
        <KeyValueList items={activity} />
      </section>
      <section className="card" aria-labelledby="segments-title" data-testid="customer-segments">
        <h2 className="card-title" id="segments-title">
          {t('customer360.segments')}
        </h2>
        {profile.segments.length ? (
          <ul className="chips">
            {profile.segments.map((s) => (
              <li key={s.id} className="chip">
                <bdi>{s.name}</bdi>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('customer360.noSegments')}</p>
        )}
      </section>
      <section className="card" aria-labelledby="attributes-title">
        <h2 className="card-title" id="attributes-title">
          {t('customer360.attributes')}
        </h2>
        {attributes.length ? <KeyValueList items={attributes} /> : <p className="muted">{t('customer360.none')}</p>}
      </section>
    </div>
  );
}
