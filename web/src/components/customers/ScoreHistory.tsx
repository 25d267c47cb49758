import { useTranslation } from 'react-i18next';
import type { ScorePoint } from '@feedloop/contracts/customers';
import { useFormat } from '../../lib/useFormat';

const SCALES = { nps: { min: 0, max: 10 }, csat: { min: 1, max: 5 } } as const;
type ScoreKind = keyof typeof SCALES;

function tone(kind: ScoreKind, score: number): 'low' | 'mid' | 'high' {
  if (kind === 'nps') return score <= 6 ? 'low' : score <= 8 ? 'mid' : 'high';
  return score <= 2 ? 'low' : score === 3 ? 'mid' : 'high';
}

/**
 * A bar sparkline of one score over time, oldest first in reading order (a flex row, so it
 * runs right to left in Persian and Arabic without extra rules); each bar names its date.
 */
function Sparkline({ kind, points }: { kind: ScoreKind; points: ScorePoint[] }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const { min, max } = SCALES[kind];
  const values = points.flatMap((p) => (p[kind] === null ? [] : [{ at: p.at, id: p.feedbackId, score: p[kind] as number }]));
  if (values.length === 0) return null;
  const latest = values[values.length - 1];
  return (
    <div className="score-history" data-testid={`score-history-${kind}`}>
      <div className="score-history-head">
        <span className="field-label">{t(`score.${kind}`)}</span>
        <span className="muted">{t('customer360.latestScore', { score: fmt.number(latest.score), date: fmt.date(latest.at) })}</span>
      </div>
      <ol className="sparkline" aria-label={t('customer360.scoreHistory', { score: t(`score.${kind}`) })}>
        {values.map((v) => {
          const label = t('customer360.scoreOn', { score: fmt.number(v.score), date: fmt.date(v.at) });
          return (
            <li
              key={v.id}
              className={`spark-bar spark-${tone(kind, v.score)}`}
              title={label}
              style={{ blockSize: `${Math.max(8, ((v.score - min + 1) / (max - min + 1)) * 100)}%` }}
            >
              <span className="visually-hidden">{label}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export function ScoreHistory({ scores }: { scores: ScorePoint[] }) {
  const { t } = useTranslation();
  return (
    <section className="card stack-sm" aria-labelledby="scores-title">
      <h2 className="card-title" id="scores-title">
        {t('customer360.scores')}
      </h2>
      {scores.length === 0 ? (
        <p className="muted">{t('customer360.noScores')}</p>
      ) : (
        <>
          <Sparkline kind="nps" points={scores} />
          <Sparkline kind="csat" points={scores} />
        </>
      )}
    </section>
  );
}
