// Attribution of main-thread time to the extension from a CDP Profiler (sampling) profile: a sample
// is the extension's when any frame of its stack has a chrome-extension:// URL (the content script's
// code, with whatever DOM and layout work that code calls synchronously).

export interface CpuProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber?: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: CpuProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
}

export interface ProfileSummary {
  /** Sampled time, ms. */
  totalMs: number;
  /** Samples in JavaScript or native code called from it (not idle, program or GC). */
  busyMs: number;
  /** Samples with an extension frame on the stack. */
  extensionMs: number;
  /** Longest run of consecutive extension samples: the longest stretch the extension held the thread. */
  longestExtensionMs: number;
  /** Samples in that stretch and the widest gap between two of them. */
  longestExtensionSamples: number;
  longestExtensionMaxGapMs: number;
  /**
   * The same without the cut at sampler stalls: a sample followed by a gap over STALL_MS (the sampler
   * thread did not run, e.g. on a busy 2-core machine) says nothing about who held the thread meanwhile.
   */
  longestExtensionRawMs: number;
  /** Extension time per bundle file (by the innermost extension frame's URL). */
  byScript: Record<string, number>;
}

/** A gap between samples wider than this (5× the 1 ms interval) is a sampler stall, not a measurement. */
export const STALL_MS = 5;

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)', '(root)']);

/** A profile's nodes by id, and each node's parent's id. */
export function indexProfile(profile: CpuProfile): { byId: Map<number, CpuProfileNode>; parent: Map<number, number> } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  return { byId, parent };
}

export function analyseProfile(profile: CpuProfile): ProfileSummary {
  const { byId, parent } = indexProfile(profile);
  // Per node: the URL of the nearest extension frame on its stack (itself or an ancestor), or null.
  const ext = new Map<number, string | null>();
  const extOf = (id: number): string | null => {
    if (ext.has(id)) return ext.get(id)!;
    const n = byId.get(id);
    let r: string | null;
    if (n && n.callFrame.url.startsWith('chrome-extension://')) r = n.callFrame.url.replace(/^chrome-extension:\/\/[^/]+\//, '');
    else {
      const p = parent.get(id);
      r = p === undefined ? null : extOf(p);
    }
    ext.set(id, r);
    return r;
  };
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let totalMs = 0;
  let busyMs = 0;
  let extensionMs = 0;
  let longest = 0;
  let run = 0;
  let runSamples = 0;
  let runGap = 0;
  let longestSamples = 0;
  let longestGap = 0;
  let raw = 0;
  let longestRaw = 0;
  const byScript: Record<string, number> = {};
  for (let i = 0; i < samples.length; i++) {
    // A sample stands for the time until the next one.
    const ms = (deltas[i + 1] ?? 0) / 1000;
    totalMs += ms;
    const id = samples[i]!;
    const name = byId.get(id)?.callFrame.functionName ?? '';
    if (!IDLE.has(name)) busyMs += ms;
    const url = extOf(id);
    if (url !== null) {
      extensionMs += ms;
      byScript[url] = (byScript[url] ?? 0) + ms;
      raw += ms;
      longestRaw = Math.max(longestRaw, raw);
      if (ms > STALL_MS) {
        run = runSamples = runGap = 0;
        continue;
      }
      run += ms;
      runSamples++;
      runGap = Math.max(runGap, ms);
      if (run > longest) {
        longest = run;
        longestSamples = runSamples;
        longestGap = runGap;
      }
    } else {
      run = runSamples = runGap = raw = 0;
    }
  }
  return {
    totalMs,
    busyMs,
    extensionMs,
    longestExtensionMs: longest,
    longestExtensionSamples: longestSamples,
    longestExtensionMaxGapMs: longestGap,
    longestExtensionRawMs: longestRaw,
    byScript,
  };
}
