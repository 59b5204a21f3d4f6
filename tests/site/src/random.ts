/** Deterministic randomness and ids: a seeded PRNG, a string hash and Twitter snowflake ids. */

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hashString(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const TWEPOCH = 1288834974657n;
let seqCounter = 0;
/** a Twitter snowflake for a time (ids sort like times); `seq` keeps generated ids deterministic */
export function snowflake(timeMs: number, seq?: number): string {
  const s = seq ?? (seqCounter = (seqCounter + 1) & 0xfff);
  return (((BigInt(Math.floor(timeMs)) - TWEPOCH) << 22n) | BigInt(s & 0x3fffff)).toString();
}
export function snowflakeTime(id: string): number {
  try {
    return Number((BigInt(id) >> 22n) + TWEPOCH);
  } catch {
    return Date.now();
  }
}
