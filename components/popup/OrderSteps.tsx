import { useQuery } from '@tanstack/react-query';
import browser from 'webextension-polyfill';
import { t } from '@/lib/i18n.ts';
import type { Order } from '@/lib/orders/types.ts';
import { orderSteps } from './order-story.ts';

const DEFAULT_SHORTCUT = 'Alt+Shift+F';

/** The "fill here" shortcut as the user has it set (they may have changed it). */
function useFillShortcut(): string {
  const shortcut = useQuery({
    queryKey: ['fill-shortcut'],
    queryFn: async () => {
      const all = await browser.commands.getAll();
      return all.find((c) => c.name === 'fill-here')?.shortcut || DEFAULT_SHORTCUT;
    },
    staleTime: Infinity,
  });
  return shortcut.data ?? DEFAULT_SHORTCUT;
}

interface Props {
  order: Order;
  now: number;
  autoFillPhone: boolean;
}

/** The order card's short checklist: number on the page, the site's button, the code. */
export function OrderSteps({ order, now, autoFillPhone }: Props) {
  const shortcut = useFillShortcut();
  const steps = orderSteps(order, { now, autoFillPhone, shortcut });
  if (!steps) return null;
  const next = steps.findIndex((s) => !s.done);
  return (
    <ol className="steps" aria-label={t('guide.steps.label')} data-testid="order-steps">
      {steps.map((s, i) => (
        <li
          key={s.key}
          className={s.done ? 'done' : i === next ? 'next' : undefined}
          aria-current={i === next ? 'step' : undefined}
        >
          {t(s.key, ...s.params)}
        </li>
      ))}
    </ol>
  );
}
