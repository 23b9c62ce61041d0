import { t } from '@/lib/i18n.ts';
import type { PopupState } from '@/lib/messaging.ts';
import { serviceName } from './service-search.ts';
import { usePopupStore } from './store.ts';

interface Props {
  site: PopupState['site'];
  /** "Change" is offered when no order is open and the picker is closed. */
  changeable: boolean;
}

/** The service the popup orders for, the site, and the way to choose another service. */
export function SiteHeader({ site, changeable }: Props) {
  const openPicker = usePopupStore((s) => s.openPicker);
  if (!site) return <p className="site">{t('popup.notAWebPage')}</p>;
  return (
    <p className="site">
      <strong data-testid="service">
        {site.service ? serviceName(site.service) : t('popup.site.unknownService')}
      </strong>{' '}
      <span className="domain">{site.domain}</span>
      {site.picked ? <span className="hint"> · {t('popup.site.pickedByYou')}</span> : null}
      {site.service && changeable ? (
        <>
          {' '}
          <button type="button" className="link" onClick={openPicker}>
            {t('popup.site.changeService')}
          </button>
        </>
      ) : null}
    </p>
  );
}
