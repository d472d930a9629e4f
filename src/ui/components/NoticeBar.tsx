import { useTranslation } from 'react-i18next';

/** Props of {@link NoticeBar}. */
export interface NoticeBarProps {
  /** Messages (e.g. rejected URL parameters); nothing is rendered when empty. */
  notices: string[];
  /** Dismiss all notices. */
  onDismiss(): void;
}

/** The visible list of notices about rejected URL parameters (role=alert for screen readers). */
export function NoticeBar({ notices, onDismiss }: NoticeBarProps) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <div className="notice" role="alert" data-testid="url-notice">
      <strong>{t('notice.heading')}</strong>
      <ul>
        {notices.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      <button type="button" onClick={onDismiss}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
