// Measuring what a page costs to download: the bytes on the wire, as the
// server sends them gzip-compressed, for the document and every asset it
// loads. Node's own http client is used because it leaves the body
// compressed, where a browser or fetch() would hand back the inflated one.
import http from 'node:http';

/** encodedSize fetches url with gzip allowed and counts the body bytes as sent. */
export function encodedSize(url, lang) {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { 'Accept-Encoding': 'gzip', 'Accept-Language': lang } }, (res) => {
      let bytes = 0;
      res.on('data', (chunk) => { bytes += chunk.length; });
      res.on('end', () => resolve({
        url, bytes, status: res.statusCode,
        encoding: res.headers['content-encoding'] ?? 'identity',
        type: (res.headers['content-type'] ?? '').split(';')[0],
      }));
      res.on('error', reject);
    });
    req.on('error', reject);
  });
}

/**
 * assetsOf loads path in page and lists every address it fetched, plus the
 * icons it links to (a headless browser may not fetch those itself).
 */
export async function assetsOf(page, path) {
  const urls = new Set();
  page.on('request', (r) => urls.add(r.url()));
  await page.goto(path, { waitUntil: 'networkidle' });
  const linked = await page.evaluate(() => [
    ...[...document.querySelectorAll('link[rel~="icon"], link[rel="stylesheet"], link[rel="manifest"], link[rel="preload"]')].map((l) => l.href),
    ...[...document.querySelectorAll('script[src], img[src]')].map((e) => e.src),
  ]);
  for (const u of linked) urls.add(u);
  return [...urls].filter((u) => u.startsWith('http'));
}
