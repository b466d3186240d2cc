// The door's service worker (served at /door/sw.js, after the line that
// sets DOOR_KEEP, the addresses to keep). It keeps the door page, its
// scripts and stylesheet and the last check-in bundle, so that the door
// opens and checks badges in when the venue's network is gone. Assets
// carry content hashes and are served from the cache first; the page and
// the bundle come from the network when it answers, from the cache when
// it does not.
/* global DOOR_KEEP */
"use strict";

var CACHE = "accord-door-" + (function (s) {
  var h = 0;
  for (var i = 0; i < s.length; i++) {
    h = (h * 31 + s.charCodeAt(i)) | 0;
  }
  return (h >>> 0).toString(36);
})(DOOR_KEEP.join(" "));

self.addEventListener("install", function (event) {
  // The page and the bundle of door staff's own conference; the
  // secretariat's door names its conference, and its page and bundle are
  // kept when first fetched. Either failing must not stop the install.
  var pages = ["/door/", "/door/bundle"];
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(DOOR_KEEP.filter(function (u) { return pages.indexOf(u) < 0; })).then(function () {
      return Promise.all(pages.map(function (u) { return cache.add(u).catch(function () {}); }));
    });
  }).then(function () {
    return self.skipWaiting();
  }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) {
      return k.indexOf("accord-door-") === 0 && k !== CACHE;
    }).map(function (k) { return caches.delete(k); }));
  }).then(function () {
    return self.clients.claim();
  }));
});

function keep(request, response) {
  if (response.ok && !response.redirected && response.type === "basic") {
    var copy = response.clone();
    caches.open(CACHE).then(function (cache) { cache.put(request, copy); });
  }
  return response;
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") {
    return;
  }
  var url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (url.pathname.indexOf("/static/") === 0) {
    event.respondWith(caches.match(request).then(function (hit) {
      return hit || fetch(request).then(function (r) { return keep(request, r); });
    }));
    return;
  }
  if (url.pathname.indexOf("/door/") === 0) {
    event.respondWith(fetch(request).then(function (r) {
      return keep(request, r);
    }, function () {
      return caches.match(request).then(function (hit) {
        return hit || caches.match(url.pathname);
      }).then(function (hit) {
        return hit || new Response("", { status: 503, statusText: "offline" });
      });
    }));
  }
});
