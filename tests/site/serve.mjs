// Serves the x.com stand-in to a browser driven by Playwright (route.fulfill) or Puppeteer (request.respond):
//   const r = await standinResponse(request.url()); route.fulfill(r) / request.respond(r)
import { readFile } from 'node:fs/promises';
import { buildSite, outCss, outJs } from './build.mjs';

const SHELL =
  `<!DOCTYPE html><html dir="ltr" lang="en"><head><meta charset="utf-8" />` +
  `<meta name="viewport" content="width=device-width,initial-scale=1,maximum-scale=1,user-scalable=0,viewport-fit=cover" />` +
  `<title>X</title><link rel="stylesheet" href="/__standin/app.css" />` +
  `<style>html,body{height:100%;}</style></head>` +
  `<body style="background-color: #FFFFFF;"><div id="react-root" style="height:100%;display:flex;"></div>` +
  `<script src="/__standin/app.js"></script></body></html>`;

let assets = null;

async function loadAssets() {
  await buildSite();
  const [js, css] = await Promise.all([readFile(outJs), readFile(outCss)]);
  return { js, css };
}

const HOSTS = /^(?:www\.|mobile\.)?(?:x|twitter)\.com$/;

/**
 * @param {string} url
 * @returns {Promise<{ status: number; contentType: string; body: string | Buffer }>}
 */
export async function standinResponse(url) {
  const u = new URL(url);
  if (!HOSTS.test(u.hostname)) return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not the stand-in' };
  if (u.pathname.startsWith('/__standin/')) {
    assets ??= loadAssets().catch((e) => {
      assets = null;
      throw e;
    });
    const { js, css } = await assets;
    if (u.pathname === '/__standin/app.js') return { status: 200, contentType: 'application/javascript; charset=utf-8', body: js };
    if (u.pathname === '/__standin/app.css') return { status: 200, contentType: 'text/css; charset=utf-8', body: css };
    return { status: 404, contentType: 'text/plain; charset=utf-8', body: 'not found' };
  }
  if (u.pathname === '/favicon.ico') return { status: 204, contentType: 'image/x-icon', body: '' };
  // build before serving the page so the scripts it asks for are ready
  assets ??= loadAssets().catch((e) => {
    assets = null;
    throw e;
  });
  await assets;
  return { status: 200, contentType: 'text/html; charset=utf-8', body: SHELL };
}
