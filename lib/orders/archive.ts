/**
 * Finished orders leave the live record after a while: the engine reads and rewrites that
 * record on every change, and it should hold what the background still acts on. The history
 * page reads both (lib/storage.ts, readAllOrders). Pure.
 */
import { OPEN_STATES, type Order } from './types.ts';

/** How long a finished order stays in the live record. */
export const ARCHIVE_AFTER_MS = 90 * 24 * 60 * 60_000;

/** Finished before `endedBefore`: no longer the background's business, only the history's. */
export function archivable(order: Order, endedBefore: number): boolean {
  return !OPEN_STATES.has(order.state) && (order.endedAt ?? order.createdAt) < endedBefore;
}

/** The live record split into what stays and what moves to the archive. */
export function splitArchive(
  live: Readonly<Record<string, Order>>,
  endedBefore: number,
): { live: Record<string, Order>; moved: Record<string, Order> } {
  const kept: Record<string, Order> = {};
  const moved: Record<string, Order> = {};
  for (const [id, order] of Object.entries(live)) {
    if (archivable(order, endedBefore)) moved[id] = order;
    else kept[id] = order;
  }
  return { live: kept, moved };
}
