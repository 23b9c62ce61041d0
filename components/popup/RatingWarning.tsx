import { useQuery } from '@tanstack/react-query';
import { t } from '@/lib/i18n.ts';
import { ratingWarning } from '@/lib/providers/standing.ts';
import type { ProviderId } from '@/lib/providers/types.ts';
import { ask } from '../shared/background.ts';

/**
 * Before ordering from, or cancelling at, a provider that keeps an account rating (5sim): a
 * warning when the next few cancels or unanswered orders would bring it to 0 (the account is
 * then blocked).
 */
export function RatingWarning({ providerId }: { providerId: ProviderId }) {
  const warning = useQuery({
    queryKey: ['standing', providerId],
    queryFn: async () => {
      const s = await ask({ type: 'options.getStanding', providerId });
      return ratingWarning(s, Date.now());
    },
    staleTime: 60_000,
    retry: false,
  }).data;
  if (!warning) return null;
  return (
    <p role="alert" className="hint warning" data-testid="rating-warning">
      {t(warning === 'blocked' ? 'providerRules.ratingBlocked' : 'providerRules.ratingLow')}
    </p>
  );
}
