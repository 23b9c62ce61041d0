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
  type CodeTarget,
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

type SendToBackground = (m: ContentMessage) => Promise<unknown>;

/** What the agent fills on: the page, its way to the background, where the code field is now. */
interface AgentPage {
  doc: Document;
  signal: AbortSignal;
  send: SendToBackground;
  codeTarget: () => CodeTarget | null;
}

// The countries the page's phone country selector offers, for the popup's offer list: when
// the script starts and when the background asks. A page that cannot be read sends null, and
// filling goes on whatever happens here.
function reportCountries(doc: Document, send: SendToBackground) {
  let countries: string[] | null = null;
  try {
    countries = findSiteCountries(doc);
  } catch (e) {
    warn('reading the country selector', e);
  }
  void send({ type: 'content.siteCountries', countries }).catch(() => undefined);
}

/** Fills the code when this page may take it; false when it did not. */
async function fillCodeOnPage(page: AgentPage, reply: HelloReply, orderId: string, code: string) {
  // An origin-bound SMS ("@host #code") is for that host's page only.
  if (!codeAllowedOn(page.doc.location.hostname, reply)) return false;
  const target = page.codeTarget();
  if (!target) return false;
  await fillCode(target, code);
  await page.send({ type: 'content.filled', orderId, what: 'code' });
  return true;
}

/** Fills the order's number into the phone field and tells the background how it was typed. */
async function fillPhoneOnPage(page: AgentPage, reply: HelloReply, orderId: string, phone: string) {
  const target = rememberedPhoneTarget(page.doc, reply.fields?.phone) ?? findPhoneTarget(page.doc);
  if (!target) return;
  const { value } = await fillPhoneWithReport(target, phone);
  // A swapped number: one Enter (or click) on the page's own button sends it.
  if (reply.focusSubmit) focusSubmitControl(target.input);
  const phoneFormat = enteredFormat(value, phone);
  await page.send({ type: 'content.filled', orderId, what: 'phone', phoneFormat });
}

/**
 * The code step may not exist yet (a SPA step, a dialog): waits for it, tells the background
 * (it polls faster then), and fills if the code is already known (`latest`: the last answer).
 */
function watchForCodeStep(page: AgentPage, orderId: string, latest: () => HelloReply | null) {
  watchForCodeTarget(
    page.doc,
    page.signal,
    () => {
      void page.send({ type: 'content.codeFieldVisible', orderId });
      const known = latest();
      if (known?.orderId === orderId && known.fillCode && known.code) {
        void fillCodeOnPage(page, known, orderId, known.code);
      }
    },
    page.codeTarget,
  );
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
  const page: AgentPage = { doc, signal, send, codeTarget };

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
    if (reply.fillPhone && reply.phone) await fillPhoneOnPage(page, reply, orderId, reply.phone);
    if (reply.fillCode && reply.code && (await fillCodeOnPage(page, reply, orderId, reply.code))) {
      return;
    }
    if (watching === orderId) return;
    watching = orderId;
    watchForCodeStep(page, orderId, () => latest);
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
