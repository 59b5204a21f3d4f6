import { describe, expect, it } from 'vitest';
import { watchLocation } from './route';

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('watchLocation', () => {
  it('reports pushState navigations through the title change, once per URL', async () => {
    document.head.replaceChildren(Object.assign(document.createElement('title'), { textContent: 'Home / X' }));
    const seen: string[] = [];
    const watching = new AbortController();
    watchLocation(document, (href) => seen.push(new URL(href).pathname + new URL(href).search), watching.signal);
    history.pushState({}, '', '/search?q=%23blogchat');
    document.title = '#blogchat - Search / X';
    await tick();
    document.title = '#blogchat - Search / X (1)'; // same URL: not a navigation
    await tick();
    history.pushState({}, '', '/hashtag/blogchat');
    document.querySelector('title')!.remove(); // x.com may replace the element itself
    const title = document.createElement('title');
    title.textContent = '#blogchat / X';
    document.head.append(title);
    await tick();
    watching.abort();
    expect(seen).toEqual(['/search?q=%23blogchat', '/hashtag/blogchat']);
  });

  it('reports back/forward through popstate and stops when asked', async () => {
    history.pushState({}, '', '/home');
    const seen: string[] = [];
    const watching = new AbortController();
    watchLocation(document, (href) => seen.push(new URL(href).pathname), watching.signal);
    history.pushState({}, '', '/explore');
    window.dispatchEvent(new PopStateEvent('popstate'));
    watching.abort();
    history.pushState({}, '', '/notifications');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await tick();
    expect(seen).toEqual(['/explore']);
  });
});
