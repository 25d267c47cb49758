import { useTranslation } from 'react-i18next';
import type { DriversResponse } from '@feedloop/contracts/drivers';
import { formatMetricNumber } from '../../lib/metric-format';
import { drillDownHref } from '../../lib/metric-drilldown';
import { paths } from '../../lib/router';
import { topicDisplayName } from '../../lib/topics';
import { useFormat } from '../../lib/useFormat';
import { Link } from '../Link';
import { MetricNumber } from './MetricNumber';

/**
 * The drivers chart: one bar per topic, as long as the NPS points its detractors cost, starting at
 * the reading edge; each with its NPS among the answers that mention it and its newest complaints.
 */
export function DriverList({ data }: { data: DriversResponse }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const largest = Math.max(1, ...data.data.map((d) => Math.abs(d.impact.nps ?? 0)));
  if (data.data.length === 0) return <p className="muted">{t('metrics.drivers.none')}</p>;
  const filterOf = (topic: string) => ({ from: data.from, to: data.to, breakdown: 'topic' as const, key: topic });
  return (
    <ol className="driver-list" data-testid="drivers">
      {data.data.map((driver) => {
        const name = topicDisplayName(driver.topic.names, driver.topic.key, i18n.language).text;
        const impact = formatMetricNumber(driver.impact.nps === null ? null : -driver.impact.nps, 'nps_points', format.prefs);
        const items = drillDownHref({ metric: 'volume', ...filterOf(driver.topic.key) });
        return (
          <li key={driver.topic.key} className="card driver" data-testid="driver">
            <div className="driver-head">
              <h2 className="driver-name" dir="auto">
                {items ? <Link to={items}>{name}</Link> : name}
              </h2>
              <span className="muted">{t('metrics.drivers.volume', { count: driver.volume })}</span>
            </div>
            <div className="metric-bar-row driver-impact">
              <span className="metric-bar-name">{t('metrics.drivers.impact')}</span>
              <span className="metric-bar-track" aria-hidden="true">
                {driver.impact.nps !== null && (
                  <span
                    className={driver.impact.nps > 0 ? 'metric-bar negative' : 'metric-bar'}
                    style={{ inlineSize: `${(Math.abs(driver.impact.nps) / largest) * 100}%` }}
                  />
                )}
              </span>
              <span data-testid="driver-impact">
                {impact === null ? t('metrics.noData') : t('metrics.drivers.points', { value: impact })}
              </span>
            </div>
            <div className="driver-scores">
              <span>
                {t('metrics.names.nps')}{' '}
                <MetricNumber
                  value={driver.nps}
                  unit="nps_points"
                  href={drillDownHref({ metric: 'nps', ...filterOf(driver.topic.key) })}
                  what={format.facts([name, t('metrics.names.nps')])}
                />
              </span>
              <span>
                {t('metrics.names.csat')}{' '}
                <MetricNumber
                  value={driver.csat}
                  unit="percent"
                  href={drillDownHref({ metric: 'csat', ...filterOf(driver.topic.key) })}
                  what={format.facts([name, t('metrics.names.csat')])}
                />
              </span>
            </div>
            {driver.examples.length > 0 && (
              <ul className="driver-examples">
                {driver.examples.map((example) => (
                  <li key={example.id}>
                    <Link to={paths.feedbackDetail(example.id)} dir="auto" className="driver-example-text">
                      {example.text}
                    </Link>
                    <span className="muted driver-example-meta">
                      {format.facts([
                        example.customer && (example.customer.name || example.customer.email),
                        example.nps !== null && t('metrics.drivers.npsAnswer', { score: format.number(example.nps) }),
                        format.date(example.createdAt),
                      ])}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}
