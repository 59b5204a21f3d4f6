// Smoke test of the x.com stand-in (not part of a test runner): `node tests/site/smoke.mjs`
// Builds, opens it in Debian Chromium through playwright-core, exercises timeline/composers/API, saves
// screenshots to /tmp/standin-shots/.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { buildSite } from './build.mjs';
import { standinResponse } from './serve.mjs';

const SHOTS = '/tmp/standin-shots';
await mkdir(SHOTS, { recursive: true });

let t0 = performance.now();
await buildSite();
console.log(`build (or freshness check): ${Math.round(performance.now() - t0)} ms`);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
});
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
await context.route(/^https:\/\/(x|twitter)\.com\//, async (route) => {
  const r = await standinResponse(route.request().url());
  await route.fulfill(r);
});
// nothing else may reach the network
await context.route(/^(?!https:\/\/(x|twitter)\.com\/)/, (route) =>
  route.request().url().startsWith('data:') ? route.continue() : route.abort(),
);

const page = await context.newPage();
const errors = [];
page.on('pageerror', (e) => errors.push(String(e)));
page.on('console', (m) => {
  if (m.type() === 'error') errors.push(m.text());
});

let failures = 0;
function check(cond, msg, extra) {
  if (cond) console.log(`  ok  ${msg}`);
  else {
    failures++;
    console.log(`  FAIL ${msg}`, extra ?? '');
  }
}
const api = (fn, arg) => page.evaluate(fn, arg);
const CELLS = '[data-testid="primaryColumn"] section > h1 + div[aria-label] > div > [data-testid="cellInnerDiv"]';

console.log('search page');
t0 = performance.now();
await page.goto('https://x.com/search?q=%23blogchat&f=live');
await page.waitForSelector(`${CELLS} article[data-testid="tweet"]`);
console.log(`  first tweets after ${Math.round(performance.now() - t0)} ms`);
check((await page.title()) === '#blogchat - Search / X', 'title', await page.title());
const firstCells = await page.locator(CELLS).count();
check(firstCells > 5 && firstCells < 40, `cells mounted: ${firstCells}`);
const facts = await api(() => {
  const q = (s) => document.querySelectorAll(s).length;
  return {
    timelineStyle: document.querySelector('[data-testid="primaryColumn"] section > h1 + div[aria-label] > div')?.getAttribute('style'),
    userName: q('article[data-testid="tweet"] [data-testid="User-Name"] a[href*="/status/"] time[datetime]'),
    text: q('[data-testid="tweetText"][lang]'),
    hashtag: q('a[href="/hashtag/blogchat?src=hashtag_click"]'),
    layers: q('#react-root #layers'),
    bg: getComputedStyle(document.body).backgroundColor,
    color: getComputedStyle(document.body).color,
    fontSize: getComputedStyle(document.documentElement).fontSize,
    primaryWidth: document.querySelector('[data-testid="primaryColumn"]').getBoundingClientRect().width,
    sidebarWidth: document.querySelector('[data-testid="sidebarColumn"]').getBoundingClientRect().width,
    newTweet: q('header[role="banner"] a[data-testid="SideNav_NewTweet_Button"]'),
  };
});
console.log('  ', JSON.stringify(facts));
check(/position: relative; min-height: \d/.test(facts.timelineStyle ?? ''), 'timeline node style');
check(facts.userName > 3 && facts.text > 3 && facts.hashtag > 3, 'tweet markup');
check(facts.layers === 1, '#layers inside #react-root');
check(facts.bg === 'rgb(255, 255, 255)' && facts.color === 'rgb(15, 20, 25)' && facts.fontSize === '15px', 'light theme');
check(facts.primaryWidth === 600 && facts.sidebarWidth === 350, 'column widths');
check(facts.newTweet === 1, 'Post button in banner');
await page.screenshot({ path: `${SHOTS}/search-light.png` });

console.log('variety in generated data (count 400)');
await api(() => window.__standin.reset({ count: 400 }));
await page.waitForSelector(CELLS);
const variety = await api(async () => {
  // walk the whole timeline to see every kind of cell
  const seen = {
    q: 0,
    answers: 0,
    replyTo: 0,
    lowerA: 0,
    noTag: 0,
    quoteNoTag: 0,
    rt: 0,
    promoted: 0,
    rtl: 0,
    emoji: 0,
    url: 0,
    html: 0,
    fakeQ: 0,
    long: 0,
  };
  const ids = new Set();
  for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
    window.scrollTo(0, y);
    await new Promise((r) => setTimeout(r, 30));
    for (const a of document.querySelectorAll('article[data-testid="tweet"]')) {
      const own = [...a.querySelectorAll('[data-testid="tweetText"]')].find((e) => !e.closest('div[role="link"]'));
      const link = a.querySelector('[data-testid="User-Name"] a[href*="/status/"]');
      const key = (link?.getAttribute('href') ?? own?.textContent ?? '') + (a.querySelector('[data-testid="socialContext"]') ? 'rt' : '');
      if (ids.has(key)) continue;
      ids.add(key);
      const text = own?.textContent ?? '';
      if (/^Q\d/.test(text) && a.querySelector('a[href="/MackCollier"]')) seen.q++;
      if (/^Q9\)/.test(text) && !a.querySelector('[data-testid="User-Name"] a[href="/MackCollier"]')) seen.fakeQ++;
      if (/^A\d/.test(text)) seen.answers++;
      if (/^a\d:/.test(text)) seen.lowerA++;
      if (a.querySelector('a[href="/MackCollier"]') && /Replying to/.test(a.textContent) && /^A\d/.test(text)) seen.replyTo++;
      if (!/#blogchat/i.test(text) && !a.querySelector('div[role="link"]') && !a.closest('[data-testid="placementTracking"]')) seen.noTag++;
      if (a.querySelector('div[role="link"] [data-testid="tweetText"]') && !/#blogchat/.test(text)) seen.quoteNoTag++;
      if (a.querySelector('[data-testid="socialContext"]')) seen.rt++;
      if (a.closest('[data-testid="placementTracking"]') && !a.querySelector('time')) seen.promoted++;
      if (own && ['ar', 'he'].includes(own.getAttribute('lang')) && own.getAttribute('dir') === 'auto') seen.rtl++;
      if (own?.querySelector('img[alt]')) seen.emoji++;
      if (own?.querySelector('a[href^="https://t.co/"]')) seen.url++;
      if (text.startsWith('<img src=x onerror=')) seen.html++;
      if (text.length > 200 && text.includes('\n')) seen.long++;
    }
  }
  window.scrollTo(0, 0);
  return { seen, total: ids.size, pwned: window.__pwned ?? null };
});
console.log('  ', JSON.stringify(variety));
check(
  Object.values(variety.seen).every((n) => n > 0),
  'every kind of tweet present',
);
check(variety.pwned === null && (await page.locator('img[src="x"]').count()) === 0, 'html text inert');

console.log('virtualisation');
await api(() => window.__standin.reset({ count: 60 }));
await page.waitForSelector(CELLS);
const firstHref = await page.locator(`${CELLS} article [data-testid="User-Name"] a[href*="/status/"]`).first().getAttribute('href');
const firstNode = await page.evaluateHandle((sel) => document.querySelector(sel), CELLS);
await page.mouse.wheel(0, 6000);
await page.waitForTimeout(400);
await page.mouse.wheel(0, 6000);
await page.waitForTimeout(400);
const mid = await api(() => ({ s: window.__standin.stats(), y: scrollY }));
check(mid.y > 5000, `scrolled to ${mid.y}`);
check(mid.s.mountedCells < 40, `mounted cells while scrolled: ${mid.s.mountedCells} of ${mid.s.totalTweets}`);
check(await firstNode.evaluate((n) => !n.isConnected), 'first cell unmounted when far away');
await page.evaluate(() => window.scrollTo(0, 0));
await page.waitForTimeout(300);
const firstHref2 = await page.locator(`${CELLS} article [data-testid="User-Name"] a[href*="/status/"]`).first().getAttribute('href');
check(firstHref === firstHref2, 'same first tweet after scrolling back');
check(await firstNode.evaluate((n) => !n.isConnected), 'first cell re-created (new node)');

console.log('hiding a cell closes the gap');
const gap = await api(async () => {
  const cells = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')];
  const [a, b, c] = cells;
  const before = { b: b.getBoundingClientRect().top, c: c.getBoundingClientRect().top };
  b.firstElementChild.style.display = 'none';
  await new Promise((r) => setTimeout(r, 200));
  const after = { c: c.getBoundingClientRect().top, bBottomOfA: a.getBoundingClientRect().bottom };
  b.firstElementChild.style.display = '';
  await new Promise((r) => setTimeout(r, 200));
  return { before, after, restored: c.getBoundingClientRect().top };
});
check(Math.abs(gap.after.c - gap.before.b) < 1, 'next cell moved up to the hidden one', gap);
check(Math.abs(gap.restored - gap.before.c) < 1, 'restored layout', gap);

console.log('live arrivals keep the viewport stable');
await page.evaluate(() => window.scrollTo(0, 3000));
await page.waitForTimeout(300);
const anchorBefore = await api(() => {
  const cell = [...document.querySelectorAll('[data-testid="cellInnerDiv"]')].find((c) => c.getBoundingClientRect().top > 100);
  const href = cell.querySelector('a[href*="/status/"]')?.getAttribute('href');
  return { href, top: cell.getBoundingClientRect().top };
});
await api(() => window.__standin.pushTweets(50));
await page.waitForTimeout(400);
const anchorAfter = await api((href) => {
  const a = document.querySelector(`[data-testid="cellInnerDiv"] a[href="${href}"]`);
  return { top: a?.closest('[data-testid="cellInnerDiv"]').getBoundingClientRect().top, total: window.__standin.stats().totalTweets };
}, anchorBefore.href);
check(anchorAfter.total === 110, `50 pushed: ${anchorAfter.total}`);
check(anchorAfter.top !== undefined && Math.abs(anchorAfter.top - anchorBefore.top) < 2, 'viewport stable', { anchorBefore, anchorAfter });
await page.evaluate(() => window.scrollTo(0, 0));

console.log('new-post modal');
await page.click('[data-testid="SideNav_NewTweet_Button"]');
await page.waitForSelector('#layers [role="dialog"] .DraftEditor-root [data-testid="tweetTextarea_0"]');
check(new URL(page.url()).pathname === '/compose/post', 'URL /compose/post');
check(
  (await page.locator('#layers [data-testid="tweetButton"][aria-disabled="true"][disabled]').count()) === 1,
  'Post disabled when empty',
);
check(
  (await page
    .locator(
      'label[data-testid="tweetTextarea_0_label"] .DraftEditor-root .public-DraftEditor-content[data-testid="tweetTextarea_0"][role="textbox"][contenteditable="true"]',
    )
    .count()) === 1,
  'editor markup',
);
await page.keyboard.type('Hello chat #blogchat');
let comps = await api(() => window.__standin.composers());
console.log('  ', JSON.stringify(comps));
const modalComp = comps.find((c) => c.where === 'modal');
check(
  modalComp?.text === 'Hello chat #blogchat' && modalComp.postEnabled && modalComp.selection.hasFocus && modalComp.selection.start === 20,
  'typed text in Draft state',
);
check((await page.locator('#layers [data-testid="tweetButton"]:not([disabled])').count()) === 1, 'Post enabled');
// synthetic paste (what the extension does) goes through Draft's own paste handling
await page.evaluate(() => {
  const el = document.activeElement;
  const dt = new DataTransfer();
  dt.setData('text/plain', ' #extra');
  el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
});
await page.waitForTimeout(100);
comps = await api(() => window.__standin.composers());
check(comps.find((c) => c.where === 'modal')?.text === 'Hello chat #blogchat #extra', 'synthetic paste reached Draft state', comps);
await page.screenshot({ path: `${SHOTS}/modal-light.png` });
await page.click('#layers [data-testid="tweetButton"]');
await page.waitForSelector('#layers [role="dialog"]', { state: 'detached' });
const posted = await api(() => window.__standin.posted());
check(posted.length === 1 && posted[0].text === 'Hello chat #blogchat #extra' && posted[0].where === 'modal', 'posted()', posted);
check(new URL(page.url()).pathname === '/search', 'back on search after posting');
await page.waitForTimeout(200);
const topText = await page.locator(`${CELLS} [data-testid="tweetText"]`).first().textContent();
check(topText === 'Hello chat #blogchat #extra', 'new tweet at the top', topText);

console.log('reply modal');
await page.locator(`${CELLS} article [data-testid="reply"]`).nth(1).click();
await page.waitForSelector('#layers [role="dialog"] [data-testid="tweetTextarea_0"]');
await page.keyboard.type('my reply');
comps = await api(() => window.__standin.composers());
check(
  comps.some((c) => c.where === 'reply' && c.text === 'my reply' && c.postEnabled),
  'reply composer state',
  comps,
);
await page.click('#layers [data-testid="tweetButton"]');
await page.waitForSelector('#layers [role="dialog"]', { state: 'detached' });
const p2 = (await api(() => window.__standin.posted()))[1];
check(p2?.where === 'reply' && /^\d+$/.test(p2.inReplyTo ?? ''), 'reply posted', p2);

console.log('quote modal');
await page.locator(`${CELLS} article [data-testid="retweet"]`).nth(2).click();
await page.click('#layers [role="menu"] [role="menuitem"]:has-text("Quote")');
await page.waitForSelector('#layers [role="dialog"] div[role="link"] [data-testid="tweetText"]');
await page.keyboard.type('quoting');
comps = await api(() => window.__standin.composers());
check(
  comps.some((c) => c.where === 'quote' && c.text === 'quoting'),
  'quote composer state',
  comps,
);
await page.keyboard.press('Escape');
await page.waitForSelector('#layers [role="dialog"]', { state: 'detached' });

console.log('status page');
const timeLink = page.locator(`${CELLS} article [data-testid="User-Name"] a[href*="/status/"]`).nth(3);
const statusHref = await timeLink.getAttribute('href');
await timeLink.click();
await page.waitForURL(`**${statusHref}`);
await page.waitForSelector('[data-testid="cellInnerDiv"] [data-testid="tweetTextarea_0"]');
check((await page.title()).includes(' on X: "'), `status title: ${await page.title()}`);
check((await page.locator('[data-testid="tweetButtonInline"][aria-disabled="true"]').count()) === 1, 'inline Reply disabled');
await page.click('[data-testid="primaryColumn"] [data-testid="tweetTextarea_0"]');
await page.keyboard.type('inline answer #blogchat');
comps = await api(() => window.__standin.composers());
check(
  comps.some((c) => c.where === 'inline' && c.text === 'inline answer #blogchat' && c.postEnabled && c.selection.hasFocus),
  'inline composer state',
  comps,
);
await page.screenshot({ path: `${SHOTS}/status-light.png` });
await page.click('[data-testid="tweetButtonInline"]');
await page.waitForTimeout(200);
const p3 = (await api(() => window.__standin.posted()))[2];
check(p3?.where === 'inline' && statusHref.endsWith(p3.inReplyTo), 'inline reply posted', p3);
const afterComposer = await page.locator('[data-testid="cellInnerDiv"]').nth(2).locator('[data-testid="tweetText"]').textContent();
check(afterComposer === 'inline answer #blogchat', 'reply shown under the composer', afterComposer);
await page.goBack();
await page.waitForSelector(`${CELLS} article`);
check((await page.title()) === '#blogchat - Search / X', 'back to search');

console.log('tabs replace the timeline node');
const oldTimeline = await page.evaluateHandle(() =>
  document.querySelector('[data-testid="primaryColumn"] section > h1 + div[aria-label] > div'),
);
await page.click('[role="tab"]:has-text("Top")');
await page.waitForTimeout(50);
check(await oldTimeline.evaluate((n) => !n.isConnected), 'timeline node replaced');
check(new URL(page.url()).searchParams.get('f') === null, 'f= removed for Top');
await page.waitForSelector(`${CELLS} article`);

console.log('dark theme, home, breakMarkup, perf');
await api(() => window.__standin.setTheme('dark'));
const dark = await api(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]);
check(dark[0] === 'rgb(0, 0, 0)' && dark[1] === 'rgb(231, 233, 234)', 'dark theme', dark);
await page.screenshot({ path: `${SHOTS}/search-dark.png` });
await api(() => window.__standin.navigate('/home'));
await page.waitForSelector(`${CELLS} article`);
check((await page.title()) === 'Home / X', 'home title');
check((await page.locator('[data-testid="primaryColumn"] [data-testid="tweetButtonInline"]').count()) === 1, 'home composer');
await page.screenshot({ path: `${SHOTS}/home-dark.png` });
await api(() => window.__standin.breakMarkup());
await page.waitForTimeout(50);
check((await page.locator('[data-testid="cellInnerDiv"], article[data-testid="tweet"]').count()) === 0, 'breakMarkup removes the test ids');

await api(() => window.__standin.navigate('/search?q=%23blogchat&f=live'));
t0 = performance.now();
await api(() => window.__standin.reset({ count: 10000, theme: 'light' }));
await page.waitForSelector(`${CELLS} article`);
console.log(`  10k timeline ready in ${Math.round(performance.now() - t0)} ms`);
const perf = await api(async () => {
  const s = window.__standin;
  const t = performance.now();
  s.startLive(5);
  let frames = 0;
  let burst = false;
  let worst = 0;
  let last = performance.now();
  const end = t + 3000;
  await new Promise((resolve) => {
    const tick = () => {
      const now = performance.now();
      worst = Math.max(worst, now - last);
      last = now;
      frames++;
      if (!burst && now - t > 1000) {
        burst = true;
        s.pushTweets(50);
      }
      if (now < end) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  s.stopLive();
  return { frames, worstFrameMs: Math.round(worst), ...s.stats() };
});
console.log('  ', JSON.stringify(perf));
check(perf.totalTweets >= 10060 && perf.mountedCells < 40, '10k tweets + live 5/s + burst of 50, small DOM');

check(errors.length === 0, 'no page errors', errors);
await browser.close();

// Firefox ESR through puppeteer-core (WebDriver BiDi), if installed: render, typing, and what the
// two insertion routes do there (x.com facts: the synthetic paste does not reach Draft in Firefox)
if (existsSync('/usr/bin/firefox-esr')) {
  console.log('firefox-esr (puppeteer-core, BiDi)');
  const { default: puppeteer } = await import('puppeteer-core');
  const ff = await puppeteer.launch({ browser: 'firefox', executablePath: '/usr/bin/firefox-esr', headless: true });
  try {
    const p = await ff.newPage();
    await p.setViewport({ width: 1280, height: 900 });
    await p.setRequestInterception(true);
    p.on('request', (req) => {
      const u = req.url();
      if (/^https:\/\/(x|twitter)\.com\//.test(u)) void standinResponse(u).then((r) => req.respond(r));
      else if (u.startsWith('data:')) void req.continue();
      else void req.abort();
    });
    await p.goto('https://x.com/search?q=%23blogchat&f=live');
    await p.waitForSelector(`${CELLS} article[data-testid="tweet"]`);
    check((await p.$$(CELLS)).length > 5, 'firefox: cells render');
    await p.click('[data-testid="SideNav_NewTweet_Button"]');
    await p.waitForSelector('#layers [data-testid="tweetTextarea_0"]');
    await p.keyboard.type('typed #blogchat');
    await new Promise((r) => setTimeout(r, 150));
    const text = () => p.evaluate(() => window.__standin.composers()[0]?.text);
    check((await text()) === 'typed #blogchat', 'firefox: typing reaches Draft state');
    await p.evaluate(() => {
      const dt = new DataTransfer();
      dt.setData('text/plain', ' pasted');
      document.activeElement.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    });
    await new Promise((r) => setTimeout(r, 150));
    console.log(`  info firefox synthetic paste -> Draft text ${JSON.stringify(await text())}`);
    await p.evaluate(() => document.execCommand('insertText', false, ' exec'));
    await new Promise((r) => setTimeout(r, 150));
    console.log(`  info firefox execCommand('insertText') -> Draft text ${JSON.stringify(await text())}`);
  } finally {
    await ff.close();
  }
}
console.log(failures ? `${failures} FAILED` : 'all ok');
process.exit(failures ? 1 : 0);
