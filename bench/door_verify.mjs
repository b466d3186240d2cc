// Signature checks per second at the door: the door page verifies each
// badge's Ed25519 signature with WebCrypto, one scan at a time. This
// script opens a blank page in Chromium (served on 127.0.0.1, a secure
// context, as the door page is), signs N badge messages of the compact
// token's 37 bytes with a fresh key, and times verifying them one after
// another (a door's pace) and all at once (a door syncing a backlog).
//
//   node bench/door_verify.mjs [N]      (after `npm ci` in e2e/)
import { createServer } from 'node:http';
import { createRequire } from 'node:module';

const require = createRequire(new URL('../e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const n = Number(process.argv[2] || 5000);
const server = createServer((_, res) => { res.setHeader('Content-Type', 'text/html'); res.end('<!doctype html><title>bench</title>'); });
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless', '--no-sandbox'] });
try {
  const page = await browser.newPage();
  await page.goto(url);
  const result = await page.evaluate(async (count) => {
    const keys = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
    const raw = await crypto.subtle.exportKey('raw', keys.publicKey);
    const key = await crypto.subtle.importKey('raw', raw, { name: 'Ed25519' }, false, ['verify']);
    const badges = [];
    for (let i = 0; i < count; i++) {
      const msg = crypto.getRandomValues(new Uint8Array(37));
      msg[0] = 1;
      badges.push({ msg, sig: new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, keys.privateKey, msg)) });
    }
    let t = performance.now();
    let ok = 0;
    for (const b of badges) {
      if (await crypto.subtle.verify({ name: 'Ed25519' }, key, b.sig, b.msg)) ok++;
    }
    const sequential = performance.now() - t;
    t = performance.now();
    const all = await Promise.all(badges.map((b) => crypto.subtle.verify({ name: 'Ed25519' }, key, b.sig, b.msg)));
    const parallel = performance.now() - t;
    return { count, ok, okAll: all.filter(Boolean).length, sequential, parallel, ua: navigator.userAgent };
  }, n);
  if (result.ok !== n || result.okAll !== n) throw new Error(`only ${result.ok}/${result.okAll} of ${n} verified`);
  const perSecond = (ms) => Math.round(result.count / (ms / 1000));
  console.log(`${result.ua}`);
  console.log(`one at a time: ${result.count} verifications in ${result.sequential.toFixed(0)} ms: ${perSecond(result.sequential)}/s, ${(result.sequential / result.count * 1000).toFixed(0)} µs each`);
  console.log(`all at once:   ${result.count} verifications in ${result.parallel.toFixed(0)} ms: ${perSecond(result.parallel)}/s`);
} finally {
  await browser.close();
  server.close();
}
