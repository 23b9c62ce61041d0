/** Realistic verification SMS for simulated deliveries. */
import type { Order, SimulationSettings } from './ledger-types.ts';
import { randDigits, randInt, type Rng } from './random.ts';

export interface SimulatedSms {
  text: string;
  code: string;
}

export function simulatedSms(serviceCode: string, serviceName: string, rng: Rng): SimulatedSms {
  const six = String(randInt(rng, 1, 9)) + randDigits(rng, 5);
  switch (serviceCode) {
    case 'go':
      return { text: `G-${six} is your Google verification code.`, code: six };
    case 'tg': {
      const five = six.slice(0, 5);
      return {
        text: `Telegram code: ${five}\n\nYou can also tap on this link to log in:\nhttps://t.me/login/${five}`,
        code: five,
      };
    }
    case 'wa':
      return {
        text: `Your WhatsApp code: ${six.slice(0, 3)}-${six.slice(3)}\n\nDon't share this code with others`,
        code: six,
      };
    case 'ds':
      return { text: `Your Discord verification code is: ${six}`, code: six };
    case 'fb':
      return { text: `${six} is your Facebook confirmation code`, code: six };
    case 'ig':
      return { text: `Use ${six} to verify your Instagram account.`, code: six };
    case 'tw':
      return { text: `Your X verification code is ${six}.`, code: six };
    case 'am':
      return { text: `${six} is your Amazon OTP. Do not share it with anyone.`, code: six };
    case 'mm':
      return { text: `Use ${six} as Microsoft account security code`, code: six };
    case 'wx':
      return { text: `Your Apple Account code is: ${six}. Don't share it with anyone.`, code: six };
    default:
      return {
        text: `${serviceName}: your verification code is ${six}. Do not share it.`,
        code: six,
      };
  }
}

/** The SMS the simulation sends this order, and when; null when the odds say none comes. */
export function planSimulatedSms(
  order: Readonly<Order>,
  serviceName: string,
  sim: SimulationSettings,
  rng: Rng,
): Order['simulated'] {
  if (!sim.enabled) return null;
  const odds = order.band === 'priority' ? sim.priorityOdds : sim.standardOdds;
  if (rng() >= odds) return null;
  const maxDelayMs = Math.min(sim.maxDelaySeconds * 1000, order.windowSeconds * 1000 - 1000);
  const delayMs = randInt(rng, Math.min(1000, maxDelayMs), Math.max(1000, maxDelayMs));
  const sms = simulatedSms(order.service, serviceName, rng);
  return { at: order.createdAt + delayMs, ...sms };
}

/**
 * An SMS sent to an order whose delivery delay (DeliveryDelay) holds it back: planned as the
 * order's simulated SMS (replacing one planned) for when it comes, returned for a timer; or
 * 'never'. Null: no delay, it comes now.
 */
export function holdBack(
  order: Order,
  text: string,
  code: string | null,
  now: number,
): number | 'never' | null {
  const delay = order.deliveryDelay;
  if (!delay || code === null) return null;
  if (delay.kind === 'never') return 'never';
  order.simulated = { at: now + delay.seconds * 1000, text, code };
  return order.simulated.at;
}
