import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { Order } from '@/lib/orders/types.ts';

/**
 * Every order state change moves money (held, charged, refunded), so the balance shown beside
 * the offers is asked for again; the background drops its cached balance at the same moment.
 */
export function useFreshBalance(orders: readonly Order[] | undefined) {
  const client = useQueryClient();
  const states = orders?.map((o) => `${o.id}:${o.state}`).join('|');
  const seen = useRef(states);
  useEffect(() => {
    if (states === undefined || states === seen.current) return;
    const first = seen.current === undefined;
    seen.current = states;
    if (!first) void client.invalidateQueries({ queryKey: ['offers'] });
  }, [states, client]);
}

/**
 * When a new order replaces the offer list, the button that had focus is gone and focus falls
 * to the page body; it moves to the order card instead, so the next Tab reaches Copy and Cancel.
 * Focus the user put somewhere else stays there.
 */
export function useFocusOnNewOrder(orderId: string | undefined) {
  const card = useRef<HTMLElement>(null);
  const focused = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (!orderId || focused.current === orderId) return;
    focused.current = orderId;
    const active = document.activeElement;
    if (!active || active === document.body) card.current?.focus();
  }, [orderId]);
  return card;
}
