import { t } from '@/lib/i18n.ts';
import type { PopupState } from '@/lib/messaging.ts';
import { serviceName } from './service-search.ts';

interface Props {
  site: PopupState['site'];
  /** Offered when no order is open and the picker is closed. */
  onChangeService: (() => void) | null;
}

/** The service the popup orders for, the site, and the way to choose another service. */
export function SiteHeader({ site, onChangeService }: Props) {
  if (!site) return <p className="site">{t('popup.notAWebPage')}</p>;
  return (
    <p className="site">
      <strong data-testid="service">
        {site.service ? serviceName(site.service) : t('popup.site.unknownService')}
      </strong>{' '}
      <span className="domain">{site.domain}</span>
      {site.picked ? <span className="hint"> · {t('popup.site.pickedByYou')}</span> : null}
      {site.service && onChangeService ? (
        <>
          {' '}
          <button type="button" className="link" onClick={onChangeService}>
            {t('popup.site.changeService')}
          </button>
        </>
      ) : null}
    </p>
  );
}
