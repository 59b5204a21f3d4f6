import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './senders';

describe('isTrustedSender', () => {
  const own = 'abcdefghijklmnopabcdefghijklmnop';
  it.each([
    [
      'content script on x.com',
      { id: own, url: 'https://x.com/search?q=%23smchat', tab: { url: 'https://x.com/search?q=%23smchat' } },
      true,
    ],
    ['content script on twitter.com', { id: own, url: 'https://twitter.com/home', tab: { url: 'https://twitter.com/home' } }, true],
    ['content script on mobile.x.com', { id: own, url: 'https://mobile.x.com/home', tab: { url: 'https://mobile.x.com/home' } }, true],
    ['content script, tab url hidden', { id: own, url: 'https://x.com/home', tab: {} }, true],
    ['popup', { id: own, url: `chrome-extension://${own}/popup.html` }, true],
    [
      'options page in a tab',
      { id: own, url: `chrome-extension://${own}/options.html`, tab: { url: `chrome-extension://${own}/options.html` } },
      true,
    ],
    ['another extension', { id: 'zzzz', url: 'https://x.com/home', tab: { url: 'https://x.com/home' } }, false],
    ['no id', { url: 'https://x.com/home', tab: { url: 'https://x.com/home' } }, false],
    ['our content script on another site', { id: own, url: 'https://evil.example/', tab: { url: 'https://evil.example/' } }, false],
    ['look-alike host', { id: own, url: 'https://x.com.evil.example/', tab: { url: 'https://x.com.evil.example/' } }, false],
    ['http', { id: own, url: 'http://x.com/home', tab: { url: 'http://x.com/home' } }, false],
    ['x.com frame in another tab', { id: own, url: 'https://x.com/home', tab: { url: 'https://evil.example/' } }, false],
    ['another extension page URL', { id: own, url: 'chrome-extension://other/popup.html' }, false],
    ['no url at all', { id: own }, false],
    ['web page without tab', { id: own, url: 'https://x.com/home' }, false],
  ])('%s → %s', (_name, sender, expected) => {
    expect(isTrustedSender(sender, own)).toBe(expected);
  });

  it('uses the given origin for Firefox extension pages', () => {
    const origin = 'moz-extension://1234-uuid/';
    expect(isTrustedSender({ id: 'chat@example', url: `${origin}popup.html` }, 'chat@example', origin)).toBe(true);
    expect(isTrustedSender({ id: 'chat@example', url: 'moz-extension://other-uuid/popup.html' }, 'chat@example', origin)).toBe(false);
  });

  it('rejects everything when our own id is unknown', () => {
    expect(isTrustedSender({ id: '', url: 'https://x.com/', tab: {} }, '')).toBe(false);
  });
});
