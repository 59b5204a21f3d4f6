import { describe, expect, it } from 'vitest';
import { tweet } from '@/tests/unit/builders';
import { copyKeyOf, createChatView, inFocus, isNewerId, viewItemOf } from './view';

const noAnswer = () => null;
/** A tweet as the view sees it: by default its own group (no repeats). */
const item = (id: string, group = id, identity = id) => ({ id, identity, group });

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
    expect(view.hideReason(item('10'), null, () => (asked++, '1'))).toBeNull();
    expect(asked).toBe(0);
    expect(view.snapshot()).toEqual({ paused: false, held: 0, focus: null, folded: 0, unread: null });
  });

  it('holds only tweets newer than the newest before the pause, until resumed', () => {
    const view = createChatView();
    view.arrived('100');
    view.pause();
    view.arrived('101');
    view.arrived('99');
    view.arrived('102');
    expect(view.snapshot()).toEqual({ paused: true, held: 2, focus: null, folded: 0, unread: null });
    expect(['99', '100', '101', '102'].map((id) => view.hideReason(item(id), null, noAnswer))).toEqual([null, null, 'paused', 'paused']);
    view.resume();
    expect(view.snapshot()).toEqual({ paused: false, held: 0, focus: null, folded: 0, unread: null });
    expect(view.hideReason(item('101'), null, noAnswer)).toBeNull();
    // Paused again: the point is the newest counted since, held ones included.
    view.pause();
    view.arrived('102');
    view.arrived('103');
    expect(view.snapshot().held).toBe(1);
  });

  it('holds only what is newer than the tweets it was asked about, when those were counted before it began', () => {
    const view = createChatView();
    // A new view of a chat already counted (chat mode off and on): no arrivals, only tweets to mark.
    for (const id of ['7', '9', '8']) expect(view.hideReason(item(id), null, noAnswer)).toBeNull();
    view.pause();
    view.arrived('5');
    view.arrived('10');
    expect(view.snapshot().held).toBe(1);
  });

  it('holds every arrival when paused before any tweet was counted', () => {
    const view = createChatView();
    view.pause();
    view.arrived('5');
    expect(view.hideReason(item('5'), null, noAnswer)).toBe('paused');
  });

  it('keeps a question in focus, its answers and its parts; hides the rest', () => {
    const view = createChatView();
    view.focusOn('3');
    const answers: Record<string, string> = { a: '3', b: '3b', c: '4' };
    const answerOf = (id: string) => answers[id] ?? null;
    expect(view.hideReason(item('q'), '3a', answerOf)).toBeNull();
    expect(view.hideReason(item('a'), null, answerOf)).toBeNull();
    expect(view.hideReason(item('b'), null, answerOf)).toBeNull();
    expect(view.hideReason(item('c'), null, answerOf)).toBe('focus');
    expect(view.hideReason(item('chatter'), null, answerOf)).toBe('focus');
    expect(view.hideReason(item('q4'), '4', answerOf)).toBe('focus');
    view.focusOn(null);
    expect(view.hideReason(item('c'), null, answerOf)).toBeNull();
  });

  it('hands out the same snapshot while nothing it says changed', () => {
    const view = createChatView();
    const first = view.snapshot();
    view.arrived('1');
    expect(view.snapshot()).toBe(first);
    view.focusOn('1');
    expect(view.snapshot()).not.toBe(first);
  });

  it('folds the repeats of a group into its first tweet, counting each repeat once, re-created cells and all', () => {
    const view = createChatView();
    const original = item('1', 'g');
    const retweet = item('1', 'g', '1>fan');
    const copy = item('2', 'g');
    expect(view.hideReason(retweet, null, noAnswer)).toBeNull();
    expect(view.hideReason(original, null, noAnswer)).toBe('folded');
    expect(view.hideReason(copy, null, noAnswer)).toBe('folded');
    expect(view.hideReason(copy, null, noAnswer)).toBe('folded');
    expect(view.hideReason(retweet, null, noAnswer)).toBeNull();
    expect([view.repeatsOf(retweet), view.repeatsOf(original), view.repeatsOf(copy)]).toEqual([3, 0, 0]);
    expect(view.repeatsOf(item('3'))).toBe(0);
    expect(view.takeGrown()).toEqual(['g', 'g']);
    expect(view.takeGrown()).toEqual([]);
    expect(view.snapshot().folded).toBe(2);

    view.setFolding(false);
    expect(view.hideReason(copy, null, noAnswer)).toBeNull();
    expect(view.repeatsOf(retweet)).toBe(0);
    expect(view.snapshot().folded).toBe(0);
  });

  it('says why first: a held or out-of-focus repeat is held or out of focus', () => {
    const view = createChatView();
    view.hideReason(item('1', 'g'), null, noAnswer);
    view.arrived('1');
    view.pause();
    view.arrived('2');
    expect(view.hideReason(item('2', 'g'), null, noAnswer)).toBe('paused');
    view.resume();
    view.focusOn('5');
    expect(view.hideReason(item('2', 'g'), null, noAnswer)).toBe('focus');
    view.focusOn(null);
    expect(view.hideReason(item('2', 'g'), null, noAnswer)).toBe('folded');
  });

  it('marks the chat tweets that arrived while the reader was away a minute or more, until the next time away', () => {
    const view = createChatView();
    view.arrived('10');
    view.leave();
    view.arrived('11');
    view.arrived('9'); // older, loaded below: not new
    view.arrived('12');
    view.returned(30_000, 60_000);
    expect(view.snapshot().unread).toBeNull();

    view.leave();
    view.arrived('13');
    view.arrived('14');
    view.returned(61_000, 60_000);
    expect(view.snapshot().unread).toEqual({ count: 2, after: '12' });

    // Away long with nothing new: the marker stays; a glance away changes nothing either.
    view.leave();
    view.returned(120_000, 60_000);
    view.leave();
    view.arrived('15');
    view.returned(1_000, 60_000);
    expect(view.snapshot().unread).toEqual({ count: 2, after: '12' });
    view.leave();
    view.arrived('16');
    view.returned(90_000, 60_000);
    expect(view.snapshot().unread).toEqual({ count: 1, after: '15' });
  });
});

describe('viewItemOf', () => {
  it('groups a repost with its original, and long texts posted again by anyone, case and spacing aside', () => {
    const text = 'Consistency beats frequency: publish on a schedule your readers can count on #blogchat';
    const original = viewItemOf(tweet({ id: '10', author: 'a', text }));
    const repost = viewItemOf(tweet({ id: '10', author: 'a', text, kind: 'retweet', retweetedBy: 'fan' }));
    const copy = viewItemOf(tweet({ id: '11', author: 'spammer', text: `  ${text.toUpperCase().replace(/ /g, '   ')} ` }));
    expect(original).toEqual({ id: '10', identity: '10', group: copyKeyOf(text) });
    expect(repost).toEqual({ id: '10', identity: '10>fan', group: original.group });
    expect(copy.group).toBe(original.group);
  });

  it('never takes short answers said alike for copies: only the status id groups them', () => {
    for (const text of ['A1 yes! #blogchat', 'A2 every week #blogchat @host https://t.co/abcdefghij', 'Great point! #blogchat #b2b'])
      expect(copyKeyOf(text)).toBeNull();
    expect(viewItemOf(tweet({ id: '12', author: 'b', text: 'A1 yes! #blogchat' })).group).toBe('12');
  });

  it('counts 24 characters of words, spacing, links, tags and mentions aside', () => {
    expect(copyKeyOf('ABCDEFGHIJKL\n\t mnopqrstuvwx @host #blogchat https://t.co/abc')).toBe(
      'text:abcdefghijkl mnopqrstuvwx @host #blogchat https://t.co/abc',
    );
    expect(copyKeyOf('abcdefghijkl mnopqrstuvw @host #blogchat https://t.co/abc')).toBeNull();
    expect(copyKeyOf('see https://example.com/#abcdefghijklmnopqrstuvwxyz ok')).toBeNull();
    expect(copyKeyOf('ＡＢＣ ＃ｔａｇｔａｇｔａｇｔａｇｔａｇｔａｇｔａｇｔａｇ defghi')).toBeNull();
    expect(copyKeyOf(' Ünïcödé wörds ĉount as wörds too, ok ')).toBe('text:ünïcödé wörds ĉount as wörds too, ok');
  });
});
