import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { t } from '@/lib/i18n.ts';
import type { ServiceInfo } from '@/lib/providers/types.ts';
import { ask } from '../shared/background.ts';
import { asProblem, ProblemHelp } from './ProblemHelp.tsx';
import { OTHER, searchServices, serviceName } from './service-search.ts';
import { usePopupStore } from './store.ts';

interface Props {
  domain: string;
  /** The service shown now, if any: the picker can then be closed without a change. */
  current: ServiceInfo | null;
  /** The current service is the user's own pick (so it can be forgotten). */
  picked: boolean;
}

/** A search over the provider's whole service list; the pick is remembered for the site. */
export function ServicePicker({ domain, current, picked }: Props) {
  const client = useQueryClient();
  const onDone = usePopupStore((s) => s.closePicker);
  const [query, setQuery] = useState('');
  const services = useQuery({
    queryKey: ['services'],
    queryFn: () => ask({ type: 'popup.getServices' }),
    staleTime: 30 * 60_000,
  });
  const choose = useMutation({
    mutationFn: (service: ServiceInfo | null) =>
      ask({ type: 'popup.setSiteService', domain, service }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: ['state'] });
      onDone();
    },
  });
  const matches = services.data ? searchServices(services.data.services, query) : [];
  // Providers sell numbers for sites they do not list under "Other" (SMS-Activate code `ot`).
  const other = services.data?.services.find((s) => s.code === OTHER);

  return (
    <section className="card picker" aria-label={t('popup.services.changeTitle', domain)}>
      <p>{current ? t('popup.services.changeTitle', domain) : t('popup.services.unknownSite')}</p>
      <input
        type="search"
        className="search"
        aria-label={t('popup.services.search')}
        placeholder={t('popup.services.placeholder')}
        value={query}
        autoFocus
        onChange={(e) => setQuery(e.target.value)}
      />
      {services.isPending ? <p className="hint">{t('popup.services.loading')}</p> : null}
      {services.isError ? (
        <ProblemHelp problem={asProblem(services.error)} onRetry={() => void services.refetch()} />
      ) : null}
      {choose.isError ? <ProblemHelp problem={asProblem(choose.error)} /> : null}
      {services.data && !query.trim() ? (
        <p className="hint">{t('popup.services.typeToSearch')}</p>
      ) : null}
      {services.data && query.trim() && matches.length === 0 ? (
        <p className="hint">{t('popup.services.noMatch', query.trim())}</p>
      ) : null}
      {other && query.trim() && !matches.some((s) => s.code === OTHER) ? (
        <button type="button" className="link" onClick={() => choose.mutate(other)}>
          {t('popup.services.useOther')}
        </button>
      ) : null}
      {matches.length > 0 ? (
        <ul className="services" aria-label={t('popup.services.matches')}>
          {matches.map((s) => (
            <li key={s.code}>
              <button type="button" disabled={choose.isPending} onClick={() => choose.mutate(s)}>
                {serviceName(s)}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        {current ? (
          <button type="button" className="link" onClick={onDone}>
            {t('popup.services.cancel')}
          </button>
        ) : null}
        {picked ? (
          <button type="button" className="link" onClick={() => choose.mutate(null)}>
            {t('popup.services.forget')}
          </button>
        ) : null}
      </div>
    </section>
  );
}
