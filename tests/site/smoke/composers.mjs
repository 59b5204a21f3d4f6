// Smoke checks of the stand-in's composers (Draft.js): the new-post, reply and quote modals.

/** Runs the checks; `s` holds the page and the smoke test's helpers. */
export async function checkComposers({ page, api, check, CELLS, SHOTS }) {
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
}
