// Smoke test of the x.com stand-in (not part of a test runner): `node tests/site/smoke.mjs`
// Builds, opens it in Debian Chromium through playwright-core, exercises timeline/composers/API, saves
// screenshots to /tmp/standin-shots/.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { chromium } from 'playwright-core';
import { buildSite } from './build.mjs';
import { standinResponse } from './serve.mjs';
import { checkComposers } from './smoke/composers.mjs';
import { checkFirefox } from './smoke/firefox.mjs';
import { checkTimeline } from './smoke/timeline.mjs';

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

await checkTimeline({ page, api, check, CELLS, SHOTS });
await checkComposers({ page, api, check, CELLS, SHOTS });

let comps;
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
// Firefox ESR, if installed.
if (existsSync('/usr/bin/firefox-esr')) await checkFirefox({ check, CELLS });
console.log(failures ? `${failures} FAILED` : 'all ok');
process.exit(failures ? 1 : 0);
