// Runs exactly the features that should run where chat mode is on: each started with its own
// AbortController, stopped by aborting it, and restarted when its key changes.
import type { ChatModeDeps, Feature, Where } from './feature';

export interface FeatureManager {
  /** Starts and stops features for `where` (null: chat mode is off, or no chat). */
  reconcile(where: Where | null): void;
  stopAll(): void;
}

export function createFeatureManager(
  features: readonly Feature[],
  deps: ChatModeDeps,
  /** Sets a feature's report slot (undefined: empty). */
  setReport: (name: string, value: unknown) => void,
): FeatureManager {
  let running: { key: string; name: string; controller: AbortController }[] = [];
  const stop = (item: (typeof running)[number]): void => {
    item.controller.abort();
    setReport(item.name, undefined);
  };
  return {
    reconcile(where) {
      const wanted = new Map<string, Feature>();
      if (where) {
        for (const feature of features) {
          if (feature.runsOn(where)) wanted.set(`${feature.name}|${feature.key?.(where) ?? whereKey(where)}`, feature);
        }
      }
      const keep: typeof running = [];
      for (const item of running) {
        if (wanted.delete(item.key)) keep.push(item);
        else stop(item);
      }
      for (const [key, feature] of wanted) {
        const controller = new AbortController();
        const { signal } = controller;
        keep.push({ key, name: feature.name, controller });
        feature.start({
          ...where!,
          deps,
          signal,
          report: (value) => {
            if (!signal.aborted) setReport(feature.name, value);
          },
        });
      }
      running = keep;
    },
    stopAll() {
      for (const item of running) stop(item);
      running = [];
    },
  };
}

/** Features restart when the chat, its tags, its settings or the page kind change. */
function whereKey({ tags, chat, onChatPage }: Where): string {
  return JSON.stringify([tags, chat.extraTags, chat.hosts, chat.muted, chat.filter, chat.autoTag, onChatPage]);
}
