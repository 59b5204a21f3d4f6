import { describe, expect, it } from 'vitest';
import { createRecognition } from './recognition';

/** Feeds `pattern` ('t' tagged, 'u' untagged) as tweets `from`, `from + 1`, …; returns the verdict after each. */
function feed(check: ReturnType<typeof createRecognition>, pattern: string, from = 0): boolean[] {
  return [...pattern].map((c, i) => check.see(String(from + i), c === 't'));
}

describe('createRecognition', () => {
  it('judges nothing before 12 tweets are read, then calls a page where none carries a tag unrecognised', () => {
    const check = createRecognition();
    const verdicts = feed(check, 'u'.repeat(12));
    expect(verdicts.slice(0, 11).every(Boolean)).toBe(true);
    expect(verdicts[11]).toBe(false);
    expect(check.recognised).toBe(false);
    expect(check.counts()).toEqual({ read: 12, tagged: 0 });
  });

  it('calls "almost none" unrecognised too: 1 of 12, 4 of the last 40', () => {
    const one = createRecognition();
    feed(one, 'tuuuuuuuuuuu');
    expect(one.recognised).toBe(false);
    // 2 of 12 tagged is not almost none; 4 of 40 is, 5 of 40 is not.
    expect(feed(createRecognition(), 'tuuuuuuuuuut').at(-1)).toBe(true);
    const four = feed(createRecognition(), 'tttt' + 'u'.repeat(36));
    expect(four.indexOf(false)).toBe(39);
    expect(feed(createRecognition(), 'ttttt' + 'u'.repeat(35)).every(Boolean)).toBe(true);
  });

  it('keeps filtering a real chat with noise: untagged tweets matched by name or bio, even in a run', () => {
    const check = createRecognition();
    // 40% untagged, spread out…
    expect(feed(check, 'tutuutuutt'.repeat(8)).every(Boolean)).toBe(true);
    // …and a run of 30 untagged after 10 tagged still leaves a quarter of the window tagged.
    const run = createRecognition();
    expect(feed(run, 't'.repeat(10) + 'u'.repeat(30)).every(Boolean)).toBe(true);
  });

  it('looks at the latest tweets only: a chat whose markup breaks mid-way is noticed', () => {
    const check = createRecognition();
    feed(check, 't'.repeat(200));
    const verdicts = feed(check, 'u'.repeat(40), 200);
    expect(verdicts.indexOf(false)).toBe(35); // at the 36th: 4 of the last 40 tagged
  });

  it('recovers when the same tweets read tagged again (a re-read replaces the earlier reading), and not before enough do', () => {
    const check = createRecognition();
    feed(check, 'u'.repeat(40));
    expect(check.recognised).toBe(false);
    // x.com's markup comes back: the mounted cells are read again, now tagged.
    expect(feed(check, 'tttttttt', 32).at(-1)).toBe(false); // 8 of 40: not more than a fifth
    expect(check.see('31', true)).toBe(true);
    expect(check.counts()).toEqual({ read: 40, tagged: 9 });
  });

  it('counts a tweet read many times once, at its latest reading', () => {
    const check = createRecognition();
    for (let i = 0; i < 50; i++) check.see('same', i % 2 === 0);
    expect(check.counts()).toEqual({ read: 1, tagged: 0 });
  });

  it('does not flip back and forth near the line', () => {
    const check = createRecognition({ span: 20, minSeen: 10 });
    feed(check, 'u'.repeat(20));
    expect(check.recognised).toBe(false);
    // 3 of 20 tagged: above the low share (2) but not above the high one (4): stays unrecognised.
    feed(check, 'ttt', 100);
    expect(check.recognised).toBe(false);
  });
});
