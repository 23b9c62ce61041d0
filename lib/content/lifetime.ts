/**
 * The fill agents' lifetime, decided only inside the extension's isolated world. WXT's
 * ContentScriptContext ends a script when a "content-script-started" event arrives, an event
 * a page can read (WXT also posts it with window.postMessage, extension id included) and
 * forge. A page must not be able to stop our agents, so the next injection of our own script
 * ends the previous one through a global of the isolated world, which no page script can see
 * or touch.
 */
const PREVIOUS = Symbol.for('sms-verify.fill-agents');

type Holder = { [PREVIOUS]?: AbortController };

export function takeOverAgents(world: object = globalThis): AbortSignal {
  const holder = world as Holder;
  holder[PREVIOUS]?.abort();
  const controller = new AbortController();
  holder[PREVIOUS] = controller;
  return controller.signal;
}
