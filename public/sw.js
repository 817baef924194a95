/*
 * Lazo's service worker: keeps the member card usable offline once loaded.
 * Only the card page, its token route and static assets are cached — never
 * other member pages or data. Network first for the card (a fresh QR when
 * online, the last one when not); cache first for immutable build assets.
 */
const CACHE = "lazo-card-v1";
const CARD_PATHS = ["/me/card", "/me/card/token"];

self.addEventListener("install", () => self.skipWaiting());
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys().then((keys) => Promise.all(keys.filter((k) => k.startsWith("lazo-card-") && k !== CACHE).map((k) => caches.delete(k)))).then(() => self.clients.claim()),
  );
});

function isCardRequest(url) {
  return url.origin === self.location.origin && CARD_PATHS.includes(url.pathname);
}

function isStaticAsset(url) {
  return url.origin === self.location.origin && (url.pathname.startsWith("/_next/static/") || url.pathname.startsWith("/icons/") || url.pathname === "/manifest.webmanifest");
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    // A redirect (signed out) or an error page is never kept.
    if (response.ok && !response.redirected) await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(request, { ignoreVary: true });
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  // React Server Component requests for the card carry a header; they are keyed separately by the cache.
  if (isCardRequest(url)) event.respondWith(networkFirst(request));
  else if (isStaticAsset(url)) event.respondWith(cacheFirst(request));
});
