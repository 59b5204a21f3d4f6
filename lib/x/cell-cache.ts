// The readings of the timeline's tweets, by tweet. x.com's virtualised list re-creates a tweet's cell
// each time it scrolls back into view; reading a cell whole is most of what chat mode costs per cell,
// so a re-created cell is recognised by a cheap identity read (`cellKeyOf`) and its earlier reading
// reused. Only whole tweets are remembered: an unreadable or unrecognised cell is read again each time
// (x.com may have finished drawing it since), and so is an ad (its identity does not read cheaply).
import { benchCounters } from '@/lib/bench-counters';
import type { Handle, Tweet } from '@/lib/chat/types';
import { X } from './selectors';
import { readCell, type CellReading } from './tweet';
import { statusOf } from './urls';

/**
 * The first of these in a cell: a repost's social context or the author row. (An ad's wrapper, which
 * encloses its article, is found from there: one selector fewer in a lookup made for every cell.)
 */
const IDENTITY = `${X.tweet} ${X.socialContext}, ${X.tweet} ${X.userName}`;

/**
 * The identity of the tweet a cell shows, read cheaply (a lookup that stops at the author row, then
 * one inside it), or null when it does not read that way (ads, people cells, placeholders, markup
 * that changed): then the cell is read whole. The status id of the author row's time link, and for a
 * repost the link of its social context: a repost carries the original's status id, so the original
 * and each account's repost of it are different keys. An ad's author row is inside its wrapper, so an
 * ad never takes the key of the organic tweet.
 */
export function cellKeyOf(cell: Element): string | null {
  if (!cell.matches(X.cell)) return null;
  const first = cell.querySelector(IDENTITY);
  if (first === null || first.closest(X.promoted) !== null) return null;
  let context: string | null = null;
  let userName: Element | null = first;
  if (first.matches(X.socialContext)) {
    // "Pinned" is in no link: still not the same cell as the organic tweet's.
    context = first.closest(X.link)?.getAttribute('href') ?? '';
    userName = cell.querySelector(`${X.tweet} ${X.userName}`);
  }
  const status = statusOf(userName?.querySelector(X.statusLink)?.getAttribute('href') ?? null);
  if (status === null) return null;
  return context === null ? status.id : `${status.id} ${context}`;
}

export interface CellCache {
  /** The reading remembered for a key (and it becomes the most recently used), or undefined. */
  get(key: string): CellReading | undefined;
  /**
   * Remembers a fresh reading of a cell with this key and returns the reading to use: the one already
   * remembered when it reads the same tweet (so that what was decided about it still applies), else
   * the fresh one. A reading that is not a whole tweet forgets the key.
   */
  update(key: string, reading: CellReading): CellReading;
  /** Forgets every reading (they may have been read wrong: see the live filter's recognition). */
  clear(): void;
  readonly size: number;
}

/** At most `limit` readings, the least recently used dropped first. */
export function createCellCache(limit = 2000): CellCache {
  const readings = new Map<string, CellReading>();
  return {
    get(key) {
      const known = readings.get(key);
      if (known !== undefined) {
        readings.delete(key);
        readings.set(key, known);
      }
      return known;
    },
    update(key, reading) {
      const known = readings.get(key);
      readings.delete(key);
      if (reading.kind !== 'tweet') return reading;
      const kept = known?.kind === 'tweet' && sameTweet(known.tweet, reading.tweet) ? known : reading;
      readings.set(key, kept);
      if (readings.size > limit) readings.delete(readings.keys().next().value!);
      return kept;
    },
    clear() {
      readings.clear();
    },
    get size() {
      return readings.size;
    },
  };
}

/**
 * Reads cells through a cache: a cell new in the timeline (`added`) whose tweet was read already gets
 * that reading, the very object; any other cell is read whole, and the cache updated.
 */
export function createCellReader(cache: CellCache): (cell: Element, added: boolean) => CellReading {
  return (cell, added) => {
    const key = cellKeyOf(cell);
    const known = key !== null && added ? cache.get(key) : undefined;
    if (known !== undefined) {
      benchCounters.cellsReused++;
      return known;
    }
    benchCounters.cellsRead++;
    const reading = readCell(cell);
    return key === null ? reading : cache.update(key, reading);
  };
}

function sameTweet(a: Tweet, b: Tweet): boolean {
  return (
    a.id === b.id &&
    a.text === b.text &&
    a.kind === b.kind &&
    a.author.handle === b.author.handle &&
    a.author.name === b.author.name &&
    a.time === b.time &&
    a.retweetedBy === b.retweetedBy &&
    sameHandles(a.replyTo, b.replyTo) &&
    a.truncated === b.truncated &&
    a.lang === b.lang
  );
}

function sameHandles(a: readonly Handle[] | undefined, b: readonly Handle[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));
}
