import { useTranslation } from 'react-i18next';
import type { ListReport } from '@feedloop/contracts/survey-sending';
import { useFormat } from '../../lib/useFormat';

/** The entries of a pasted list that were left out, by line, and why. */
export function ListProblems({ report }: { report: ListReport }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  if (report.problems.length === 0) return null;
  return (
    <div className="list-problems" data-testid="list-problems">
      <p className="field-label">
        {t('surveySending.email.problemsTitle')} ({fmt.number(report.problems.length)})
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('surveySending.email.line')}</th>
            <th scope="col">{t('surveySending.email.entry')}</th>
            <th scope="col">{t('surveySending.email.why')}</th>
          </tr>
        </thead>
        <tbody>
          {report.problems.map((p) => (
            <tr key={`${p.line}-${p.value}`} data-testid="list-problem">
              <td className="num" data-label={t('surveySending.email.line')}>
                {fmt.number(p.line)}
              </td>
              <td className="entry" data-label={t('surveySending.email.entry')}>
                <bdi dir="ltr">{p.value}</bdi>
              </td>
              <td data-label={t('surveySending.email.why')}>
                {t(`surveySending.email.problem.${p.problem}`, { line: p.sameAsLine ?? 0 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
