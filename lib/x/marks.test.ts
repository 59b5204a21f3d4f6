// The marks chat mode puts on x.com's cells, and taking them all off again.
import { afterEach, describe, expect, it } from 'vitest';
import { fixture } from '@/tests/fixtures/x-cells';
import { clearMarks, HIDDEN_ATTR, markCell, QUESTION_ATTR } from './marks';
import { findTimeline } from './timeline';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => document.body.replaceChildren());

describe('markCell / clearMarks', () => {
  it('sets and removes the attributes on the cell element', () => {
    const cell = fixture('hostQuestion');
    markCell(cell, { hidden: 'untagged' });
    expect(cell.getAttribute(HIDDEN_ATTR)).toBe('untagged');
    markCell(cell, { question: 'Q8' });
    expect(cell.getAttribute(HIDDEN_ATTR)).toBe('untagged');
    expect(cell.getAttribute(QUESTION_ATTR)).toBe('Q8');
    markCell(cell, { hidden: null, question: null });
    expect(cell.hasAttribute(HIDDEN_ATTR)).toBe(false);
    expect(cell.hasAttribute(QUESTION_ATTR)).toBe(false);
    expect(HIDDEN_ATTR).toBe('data-chatmode-hidden');
    expect(QUESTION_ATTR).toBe('data-chatmode-question');
  });

  it('clearMarks restores the page exactly', () => {
    const main = fixture('page');
    document.body.replaceChildren(main);
    const timeline = findTimeline(document)!;
    const before = main.outerHTML;
    const [a, b, c] = [...timeline.children];
    markCell(a!, { hidden: 'promoted' });
    markCell(b!, { question: 'Q3' });
    markCell(c!, { hidden: 'retweet' });
    expect(main.outerHTML).not.toBe(before);
    clearMarks(document);
    expect(main.outerHTML).toBe(before);
  });

  it('does not write an attribute that already has the value (no needless mutations)', async () => {
    const cell = fixture('plain');
    document.body.append(cell);
    markCell(cell, { hidden: 'untagged' });
    const records: MutationRecord[] = [];
    const mo = new MutationObserver((r) => records.push(...r));
    mo.observe(cell, { attributes: true });
    markCell(cell, { hidden: 'untagged' });
    await tick();
    mo.disconnect();
    expect(records).toEqual([]);
  });
});
