// The bench's probe in the content script's isolated world (found with CDP `Runtime.enable` → the
// `isolated` context whose origin is the extension's): the counters a WXT_BENCH build exposes as
// `globalThis.__chatModeBench`, a requestAnimationFrame loop keeping the most sidebar renders seen in
// one frame, and counters of the layout reads the extension makes. The isolated world has its own DOM
// wrappers and prototypes, so what the probe patches there the page never sees.
import type { BenchBrowser } from './launch.ts';

/** lib/bench-counters.ts, as the build exposes it. */
export interface BenchCounters {
  cellsRead: number;
  cellsReused: number;
  sidebarRenders: number;
  placements: number;
}

export interface ProbeSnapshot {
  /** null: the build exposes no counters (a build from before them, or not a WXT_BENCH build). */
  counters: BenchCounters | null;
  /** Calls of the layout-reading DOM APIs by the extension since the patch (0 before it). */
  layoutReads: number;
  /** Most sidebar renders in one animation frame since the probe started. */
  maxRendersPerFrame: number;
  /** Most layout reads in one animation frame since the patch. */
  maxReadsPerFrame: number;
  /** DOM mutations (page and sidebar) since `watchMutations`. */
  mutations: number;
}

interface Context {
  id: number;
  origin: string;
  auxData?: { type?: string };
}

/** The content script's isolated world on `b.page`'s current document (call after the last navigation). */
export async function isolatedWorld(b: BenchBrowser): Promise<number> {
  const contexts = new Map<number, Context>();
  b.cdp.on('Runtime.executionContextCreated', (e: { context: Context }) => contexts.set(e.context.id, e.context));
  b.cdp.on('Runtime.executionContextDestroyed', (e: { executionContextId: number }) => contexts.delete(e.executionContextId));
  b.cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
  // Enabling again reports every context that exists now.
  await b.cdp.send('Runtime.disable');
  await b.cdp.send('Runtime.enable');
  for (let i = 0; i < 100; i++) {
    const found = [...contexts.values()]
      .reverse()
      .find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith('chrome-extension://'));
    if (found) return found.id;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('The content script’s isolated world was not found on the x.com page.');
}

export async function evaluateIn(b: BenchBrowser, contextId: number, expression: string): Promise<unknown> {
  const r = (await b.cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true })) as {
    result: { value?: unknown };
    exceptionDetails?: { exception?: { description?: string }; text: string };
  };
  if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
  return r.result.value;
}

// tsx (esbuild, keepNames) wraps named inner functions in `__name(fn, "name")`.
const SHIM = 'var __name = (fn) => fn;';
const call = (fn: (...args: never[]) => unknown, ...args: unknown[]) =>
  `${SHIM}(${fn.toString()})(${args.map((a) => JSON.stringify(a)).join(', ')})`;

interface ProbeState {
  layoutReads: number;
  maxRendersPerFrame: number;
  maxReadsPerFrame: number;
  mutations: number;
  patched: boolean;
  observer: MutationObserver | null;
}
type ProbeGlobal = { __chatModeBench?: BenchCounters; __benchProbe?: ProbeState };

// Runs in the isolated world.
function install(): void {
  const g = globalThis as unknown as ProbeGlobal;
  if (g.__benchProbe) return;
  const probe: ProbeState = { layoutReads: 0, maxRendersPerFrame: 0, maxReadsPerFrame: 0, mutations: 0, patched: false, observer: null };
  g.__benchProbe = probe;
  let renders = g.__chatModeBench?.sidebarRenders ?? 0;
  let reads = 0;
  const sample = (): void => {
    const r = g.__chatModeBench?.sidebarRenders ?? 0;
    probe.maxRendersPerFrame = Math.max(probe.maxRendersPerFrame, r - renders);
    probe.maxReadsPerFrame = Math.max(probe.maxReadsPerFrame, probe.layoutReads - reads);
    renders = r;
    reads = probe.layoutReads;
    requestAnimationFrame(sample);
  };
  requestAnimationFrame(sample);
}

// Runs in the isolated world: what forces a synchronous layout, counted from now on.
function patchLayoutReads(): void {
  const probe = (globalThis as unknown as ProbeGlobal).__benchProbe!;
  if (probe.patched) return;
  probe.patched = true;
  const count = <T extends object>(target: T, key: string, kind: 'method' | 'getter'): void => {
    const d = Object.getOwnPropertyDescriptor(target, key)!;
    if (kind === 'method') {
      const original = d.value as (...a: unknown[]) => unknown;
      Object.defineProperty(target, key, {
        ...d,
        value: function (this: unknown, ...a: unknown[]) {
          probe.layoutReads++;
          return original.apply(this, a);
        },
      });
    } else {
      const get = d.get as (this: unknown) => unknown;
      Object.defineProperty(target, key, {
        ...d,
        get(this: unknown) {
          probe.layoutReads++;
          return get.call(this);
        },
      });
    }
  };
  count(Element.prototype, 'getBoundingClientRect', 'method');
  count(Element.prototype, 'getClientRects', 'method');
  for (const key of ['offsetTop', 'offsetLeft', 'offsetWidth', 'offsetHeight']) count(HTMLElement.prototype, key, 'getter');
  for (const key of ['clientWidth', 'clientHeight', 'scrollTop']) count(Element.prototype, key, 'getter');
  count(window, 'getComputedStyle', 'method');
  probe.maxReadsPerFrame = 0;
}

// Runs in the isolated world: counts mutations of the page and of the sidebar's shadow root.
function watchMutations(): void {
  const probe = (globalThis as unknown as ProbeGlobal).__benchProbe!;
  probe.observer?.disconnect();
  probe.mutations = 0;
  const observer = new MutationObserver((records) => (probe.mutations += records.length));
  const options = { childList: true, subtree: true, attributes: true, characterData: true };
  observer.observe(document.body, options);
  const shadow = document.querySelector('chat-mode-sidebar')?.shadowRoot;
  if (shadow) observer.observe(shadow, options);
  probe.observer = observer;
}

function unwatchMutations(): void {
  (globalThis as unknown as ProbeGlobal).__benchProbe!.observer?.disconnect();
}

function snapshot(): ProbeSnapshot {
  const g = globalThis as unknown as ProbeGlobal;
  const probe = g.__benchProbe!;
  return {
    counters: g.__chatModeBench ? { ...g.__chatModeBench } : null,
    layoutReads: probe.layoutReads,
    maxRendersPerFrame: probe.maxRendersPerFrame,
    maxReadsPerFrame: probe.maxReadsPerFrame,
    mutations: probe.mutations,
  };
}

export interface Probe {
  snapshot(): Promise<ProbeSnapshot>;
  patchLayoutReads(): Promise<void>;
  watchMutations(): Promise<void>;
  unwatchMutations(): Promise<void>;
}

/** Installs the probe in the extension's isolated world on the current page. */
export async function installProbe(b: BenchBrowser): Promise<Probe> {
  const contextId = await isolatedWorld(b);
  const run = (fn: () => unknown) => evaluateIn(b, contextId, call(fn));
  await run(install);
  return {
    snapshot: async () => (await run(snapshot)) as ProbeSnapshot,
    patchLayoutReads: async () => void (await run(patchLayoutReads)),
    watchMutations: async () => void (await run(watchMutations)),
    unwatchMutations: async () => void (await run(unwatchMutations)),
  };
}

/** Sends `request` to the background from the content script's world (the sender is the x.com tab). */
export async function sendFromContentScript(b: BenchBrowser, request: unknown): Promise<unknown> {
  const contextId = await isolatedWorld(b);
  return evaluateIn(b, contextId, `chrome.runtime.sendMessage(${JSON.stringify(request)})`);
}
