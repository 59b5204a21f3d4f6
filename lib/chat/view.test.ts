import { describe, expect, it } from 'vitest';
import { createChatView, inFocus, isNewerId } from './view';

const noAnswer = () => null;

describe('isNewerId', () => {
  it('orders status ids as the numbers they are, beyond the precision of a double', () => {
    expect(isNewerId('1900000000000000001', '1900000000000000000')).toBe(true);
    expect(isNewerId('1900000000000000000', '1900000000000000001')).toBe(false);
    expect(isNewerId('10000000000000000000', '9999999999999999999')).toBe(true);
    expect(isNewerId('999', '1000')).toBe(false);
    expect(isNewerId('5', '5')).toBe(false);
  });
});

describe('inFocus', () => {
  it('gathers a whole question’s parts and their answers, and a part only its own', () => {
    expect(['1', '2', '2a', '2b', '12', '21'].filter((key) => inFocus('2', key))).toEqual(['2', '2a', '2b']);
    expect(['2', '2a', '2b'].filter((key) => inFocus('2a', key))).toEqual(['2a']);
  });
});

describe('createChatView', () => {
  it('shows everything and costs a field read while plain', () => {
    const view = createChatView();
    view.arrived('10');
    let asked = 0;
    expect(view.hideReason('10', null, () => (asked++, '1'))).toBeNull();
    expect(asked).toBe(0);
    expect(view.snapshot()).toEqual({ paused: false, held: 0, focus: null });
  });

  it('holds only tweets newer than the newest before the pause, until resumed', () => {
    const view = createChatView();
    view.arrived('100');
    view.pause();
    view.arrived('101');
    view.arrived('99');
    view.arrived('102');
    expect(view.snapshot()).toEqual({ paused: true, held: 2, focus: null });
    expect(['99', '100', '101', '102'].map((id) => view.hideReason(id, null, noAnswer))).toEqual([null, null, 'paused', 'paused']);
    view.resume();
    expect(view.snapshot()).toEqual({ paused: false, held: 0, focus: null });
    expect(view.hideReason('101', null, noAnswer)).toBeNull();
    // Paused again: the point is the newest counted since, held ones included.
    view.pause();
    view.arrived('102');
    view.arrived('103');
    expect(view.snapshot().held).toBe(1);
  });

  it('holds every arrival when paused before any tweet was counted', () => {
    const view = createChatView();
    view.pause();
    view.arrived('5');
    expect(view.hideReason('5', null, noAnswer)).toBe('paused');
  });

  it('keeps a question in focus, its answers and its parts; hides the rest', () => {
    const view = createChatView();
    view.focusOn('3');
    const answers: Record<string, string> = { a: '3', b: '3b', c: '4' };
    const answerOf = (id: string) => answers[id] ?? null;
    expect(view.hideReason('q', '3a', answerOf)).toBeNull();
    expect(view.hideReason('a', null, answerOf)).toBeNull();
    expect(view.hideReason('b', null, answerOf)).toBeNull();
    expect(view.hideReason('c', null, answerOf)).toBe('focus');
    expect(view.hideReason('chatter', null, answerOf)).toBe('focus');
    expect(view.hideReason('q4', '4', answerOf)).toBe('focus');
    view.focusOn(null);
    expect(view.hideReason('c', null, answerOf)).toBeNull();
  });

  it('hands out the same snapshot while nothing it says changed', () => {
    const view = createChatView();
    const first = view.snapshot();
    view.arrived('1');
    expect(view.snapshot()).toBe(first);
    view.focusOn('1');
    expect(view.snapshot()).not.toBe(first);
  });
});
