// The render of one page, as the page cache (./index.ts) sees it: the API answers it used and whether any
// of them rules out keeping the page. Shared through globalThis because the custom server
// (apps/portal/server.ts) and the Next.js bundle each load their own copy of this module: both must reach one
// AsyncLocalStorage.
import { AsyncLocalStorage } from "node:async_hooks";

export interface PageRender {
  /** API answers the render received (a page that used none was not seen by this scope: never kept). */
  apiAnswers: number;
  /** Why the page may not be kept (an audited read, an error, work under way), or null. */
  notKept: string | null;
}

interface Shared {
  renders: AsyncLocalStorage<PageRender>;
  /** Audited answers and render errors in this process, in any scope or none: a render that saw one move is
   * not kept even if the scope did not reach the call that moved it. */
  alarms: number;
}

const SHARED = Symbol.for("fracval.portal.page-render");
const globals = globalThis as Record<symbol, Shared | undefined>;
globals[SHARED] ??= { renders: new AsyncLocalStorage<PageRender>(), alarms: 0 };
const shared: Shared = globals[SHARED];

export function renderPage<T>(render: PageRender, work: () => T): T {
  return shared.renders.run(render, work);
}

export function alarmCount(): number {
  return shared.alarms;
}

/** An API answer arrived for the page being rendered. */
export function noteApiAnswer(audited: boolean): void {
  const render = shared.renders.getStore();
  if (render) render.apiAnswers++;
  if (audited) alarm("an audited read");
}

/** A render failed (an API error, or an error Next.js reports: instrumentation.ts). */
export function noteRenderError(): void {
  alarm("an error");
}

function alarm(reason: string): void {
  shared.alarms++;
  keepPageOutOfCache(reason);
}

/** This render must not be served again: it shows something that changes without a write to the database
 * (work under way: progress, time since the last step). */
export function keepPageOutOfCache(reason: string): void {
  const render = shared.renders.getStore();
  if (render) render.notKept ??= reason;
}
