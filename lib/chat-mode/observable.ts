// A minimal observable value: the tab's chat-mode state lives in one place; the sidebar renders it
// and features read it. Listeners are called synchronously after each change; a patch that changes
// nothing (every value the same) is no change, and the state object stays the same.
export interface Observable<T> {
  get(): T;
  set(patch: Partial<T> | ((state: T) => Partial<T>)): void;
  /** Calls `listener` after each change until `signal` aborts. */
  subscribe(listener: (state: T) => void, signal: AbortSignal): void;
}

export function observable<T extends object>(initial: T): Observable<T> {
  let state = initial;
  const listeners = new Set<(state: T) => void>();
  return {
    get: () => state,
    set(patch) {
      const next = typeof patch === 'function' ? patch(state) : patch;
      if ((Object.keys(next) as Array<keyof T>).every((key) => Object.is(next[key], state[key]))) return;
      state = { ...state, ...next };
      for (const listener of [...listeners]) listener(state);
    },
    subscribe(listener, signal) {
      if (signal.aborted) return;
      // A wrapper per subscription: the same function subscribed twice is two subscriptions.
      const entry = (value: T): void => listener(value);
      listeners.add(entry);
      signal.addEventListener('abort', () => listeners.delete(entry), { once: true });
    },
  };
}
