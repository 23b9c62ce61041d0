import { warn } from '../redact.ts';
import type { Browser } from 'webextension-polyfill';
import {
  fillCode,
  fillPhoneWithReport,
  findCodeTarget,
  findPhoneTarget,
  findSiteCountries,
  watchForCodeTarget,
  withdrawPhone,
} from '../fill/index.ts';
import { enteredFormat, rememberedCodeTarget, rememberedPhoneTarget } from '../fill/manual.ts';
import { focusSubmitControl } from '../fill/submit-control.ts';
import {
  helloReply,
  type ContentMessage,
  type HelloReply,
  type PhoneStepReply,
} from '../messaging.ts';
import { codeAllowedOn } from './code-host.ts';
import type { ContentScriptHandlers } from './from-background.ts';
import { phoneStepOf } from './phone-step.ts';
import { rejectionWatcher } from './rejection-watch.ts';

export interface AgentOptions {
  browser: Browser;
  doc?: Document;
  signal: AbortSignal;
}

// The countries the page's phone country selector offers, for the popup's offer list: when
// the script starts and when the background asks. A page that cannot be read sends null, and
// filling goes on whatever happens here.
function reportCountries(doc: Document, send: (m: ContentMessage) => Promise<unknown>) {
  let countries: string[] | null = null;
  try {
    countries = findSiteCountries(doc);
  } catch (e) {
    warn('reading the country selector', e);
  }
  void send({ type: 'content.siteCountries', countries }).catch(() => undefined);
}

/**
 * The page side of an order: asks the background what this tab may fill (the background
 * checks that the page is the site that ordered), fills the phone, watches for the code field
 * and fills the code when it is known. Holds no secrets: only this tab's number and code.
 * Before any order, it tells the background which countries the page's phone selector lists.
 * Returns its answers to the background's poke, country reading and phone step questions.
 */
export function startFillAgent({ browser, doc = document, signal }: AgentOptions) {
  const send = (m: ContentMessage) => browser.runtime.sendMessage(m);
  let watching: string | null = null;
  let latest: HelloReply | null = null;
  let running = Promise.resolve();

  // A field the user chose by hand on this site (context menu) comes before detection.
  const codeTarget = () => rememberedCodeTarget(doc, latest?.fields?.code) ?? findCodeTarget(doc);
  const phoneTarget = () =>
    rememberedPhoneTarget(doc, latest?.fields?.phone) ?? findPhoneTarget(doc);
  // The site may refuse the number it was given: watched from here on (rejection-watch.ts).
  const watchRejected = rejectionWatcher({ doc, signal, send, target: phoneTarget });

  async function fillCodeInto(reply: HelloReply, orderId: string, code: string) {
    // An origin-bound SMS ("@host #code") is for that host's page only.
    if (!codeAllowedOn(doc.location.hostname, reply)) return false;
    const target = codeTarget();
    if (!target) return false;
    await fillCode(target, code);
    await send({ type: 'content.filled', orderId, what: 'code' });
    return true;
  }

  /** Numbers given back: out of the phone field if it still holds one (never a new one's). */
  function withdraw(numbers: readonly string[]) {
    for (const phone of numbers) {
      const target = rememberedPhoneTarget(doc, latest?.fields?.phone) ?? findPhoneTarget(doc);
      if (target) withdrawPhone(target, phone);
    }
  }

  async function checkIn() {
    const parsed = helloReply.safeParse(await send({ type: 'content.hello' }));
    if (!parsed.success) return;
    withdraw(parsed.data.withdrawn ?? []);
    if (!parsed.data.orderId) return;
    const reply = (latest = parsed.data);
    const orderId = parsed.data.orderId;
    if (reply.phone) watchRejected(orderId, reply.phone);
    if (reply.fillPhone && reply.phone) {
      const target = rememberedPhoneTarget(doc, reply.fields?.phone) ?? findPhoneTarget(doc);
      if (target) {
        const { value } = await fillPhoneWithReport(target, reply.phone);
        // A swapped number: one Enter (or click) on the page's own button sends it.
        if (reply.focusSubmit) focusSubmitControl(target.input);
        const phoneFormat = enteredFormat(value, reply.phone);
        await send({ type: 'content.filled', orderId, what: 'phone', phoneFormat });
      }
    }
    if (reply.fillCode && reply.code && (await fillCodeInto(reply, orderId, reply.code))) return;
    if (watching === orderId) return;
    watching = orderId;
    // The code step may not exist yet (a SPA step, a dialog): wait for it, tell the
    // background (it polls faster then), and fill if the code is already known.
    watchForCodeTarget(
      doc,
      signal,
      () => {
        void send({ type: 'content.codeFieldVisible', orderId });
        const known = latest;
        if (known?.orderId === orderId && known.fillCode && known.code) {
          void fillCodeInto(known, orderId, known.code);
        }
      },
      codeTarget,
    );
  }

  const queue = () => {
    running = running.then(checkIn).catch((e) => warn('fill agent', e));
  };
  /** For the background's automatic swap (no SMS came): is the page still on this phone step? */
  async function phoneStep(orderId: string): Promise<PhoneStepReply> {
    await running;
    if (latest?.orderId !== orderId) {
      queue();
      await running;
    }
    const phone = latest?.orderId === orderId ? latest.phone : null;
    return { step: phone ? phoneStepOf(phoneTarget(), phone) : 'unknown' };
  }
  reportCountries(doc, send);
  queue();
  return {
    'bg.poke': () => queue(),
    'bg.readCountries': () => reportCountries(doc, send),
    'bg.phoneStep': (msg) => phoneStep(msg.orderId),
  } satisfies Partial<ContentScriptHandlers>;
}
