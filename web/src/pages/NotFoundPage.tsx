import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link';
import { paths } from '../lib/router';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <div className="card empty-state">
      <h1 className="page-title">{t('notFound.title')}</h1>
      <p className="muted">{t('notFound.body')}</p>
      <Link to={paths.feedbackList()} className="button">
        {t('notFound.back')}
      </Link>
    </div>
  );
}
