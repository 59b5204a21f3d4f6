// Test helper (imported by the *.test.ts files only): builds Tweet values with sensible defaults.
import type { Tweet } from './types';

let nextId = 1000;

export function tweet(partial: Partial<Omit<Tweet, 'author'>> & { author?: string | Tweet['author'] } = {}): Tweet {
  const { author, ...rest } = partial;
  const handle = typeof author === 'string' ? author : (author?.handle ?? 'someone');
  return {
    id: String(nextId++),
    author: typeof author === 'object' ? author : { handle, name: handle },
    time: '2026-03-08T01:00:00.000Z',
    text: '',
    kind: 'tweet',
    ...rest,
  };
}
