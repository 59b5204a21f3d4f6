// Smoke checks of the stand-in's timeline: search page markup, generated variety, virtualisation,
// hiding a cell, and live arrivals that keep the viewport still.

/** Runs the checks; `s` holds the page and the smoke test's helpers. */
export async function checkTimeline({ page, api, check, CELLS, SHOTS }) {
  let t0;
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
        if (!/#blogchat/i.test(text) && !a.querySelector('div[role="link"]') && !a.closest('[data-testid="placementTracking"]'))
          seen.noTag++;
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
  check(anchorAfter.top !== undefined && Math.abs(anchorAfter.top - anchorBefore.top) < 2, 'viewport stable', {
    anchorBefore,
    anchorAfter,
  });
  await page.evaluate(() => window.scrollTo(0, 0));
}
