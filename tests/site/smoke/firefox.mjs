// Smoke checks in Firefox ESR through puppeteer-core (WebDriver BiDi): render, typing, and what the
// two insertion routes do there (x.com facts: the synthetic paste does not reach Draft in Firefox).
import { standinResponse } from '../serve.mjs';

/** Runs the checks (the caller knows Firefox ESR is installed). */
export async function checkFirefox({ check, CELLS }) {
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
