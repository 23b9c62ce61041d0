import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useId } from 'react';
import { t } from '@/lib/i18n.ts';
import { siteServicesItem } from '@/lib/storage.ts';

const KEY = ['siteServices'];

/** The service picked per site in the popup, each with a way to forget it. */
export function SiteServicesSection() {
  const client = useQueryClient();
  const id = useId();
  const query = useQuery({ queryKey: KEY, queryFn: () => siteServicesItem.getValue() });
  // The popup adds mappings while this page may be open.
  useEffect(
    () => siteServicesItem.watch(() => void client.invalidateQueries({ queryKey: KEY })),
    [client],
  );
  const forget = useMutation({
    mutationFn: async (domain: string) => {
      const { [domain]: _gone, ...rest } = await siteServicesItem.getValue();
      await siteServicesItem.setValue(rest);
    },
    onSettled: () => client.invalidateQueries({ queryKey: KEY }),
  });
  const sites = Object.entries(query.data ?? {}).sort(([a], [b]) => a.localeCompare(b));
  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('options.sites.heading')}</h2>
      {sites.length === 0 ? (
        <p className="hint">{t('options.sites.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('options.sites.intro')}</p>
          <ul className="sites">
            {sites.map(([domain, service]) => (
              <li key={domain} className="row">
                <span>
                  {domain} <span className="hint">{service.name}</span>
                </span>
                <button
                  type="button"
                  aria-label={t('options.sites.forget', service.name, domain)}
                  onClick={() => forget.mutate(domain)}
                >
                  {t('common.remove')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
