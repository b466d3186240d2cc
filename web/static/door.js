// The door: checks badges in with or without the network (docs/domain.md,
// "Delegates"). The page keeps the conference's check-in bundle (public
// key, issued badges, revoked codes) in IndexedDB, verifies a scanned
// token's Ed25519 signature and expiry itself (WebCrypto), looks a typed
// code up in the bundle, and shows green (checked in), amber (already in)
// or red (not valid, or revoked) at once. Each check-in joins a queue in
// IndexedDB that is sent to /door/sync whenever the network is there; the
// server keeps the earliest scan of a badge, and a scan another door made
// first comes back as a duplicate, listed here.
(function () {
  "use strict";
  var root = document.getElementById("door");
  if (!root) {
    return;
  }
  var cfg = root.dataset;
  var el = function (id) { return document.getElementById(id); };
  var form = el("door-form");
  var input = el("door-scan");
  var CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
  var B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  var bundle = null; // {conference_id, public_key, badges, revoked, etag}
  var byCode = new Map();
  var byDelegate = new Map();
  var revoked = new Set();
  var key = null;
  var seen = new Set(); // delegates checked in at this door
  var syncing = false;

  // ---- IndexedDB ----------------------------------------------------
  var dbp = new Promise(function (resolve, reject) {
    var req = indexedDB.open("accord-door", 1);
    req.onupgradeneeded = function () {
      var db = req.result;
      db.createObjectStore("meta");
      db.createObjectStore("queue", { keyPath: "id", autoIncrement: true });
      db.createObjectStore("seen", { keyPath: "delegate_id" });
    };
    req.onsuccess = function () { resolve(req.result); };
    req.onerror = function () { reject(req.error); };
  });

  function tx(store, mode, fn) {
    return dbp.then(function (db) {
      return new Promise(function (resolve, reject) {
        var t = db.transaction(store, mode);
        var out = fn(t.objectStore(store));
        t.oncomplete = function () { resolve(out instanceof IDBRequest ? out.result : out); };
        t.onerror = function () { reject(t.error); };
        t.onabort = function () { reject(t.error); };
      });
    });
  }
  function getAll(store) { return tx(store, "readonly", function (s) { return s.getAll(); }); }

  // ---- the device ---------------------------------------------------
  var device = localStorage.getItem("accord-door-device");
  if (!device) {
    device = "door-" + (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
    localStorage.setItem("accord-door-device", device);
  }

  // ---- decoding -----------------------------------------------------
  function b64url(s) {
    var bin = atob(s.replace(/-/g, "+").replace(/_/g, "/") + "===".slice((s.length + 3) % 4));
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) {
      out[i] = bin.charCodeAt(i);
    }
    return out;
  }
  function b32(s) {
    var bits = 0, value = 0, out = [];
    for (var i = 0; i < s.length; i++) {
      var v = B32.indexOf(s[i]);
      if (v < 0) {
        return null;
      }
      value = (value << 5) | v;
      bits += 5;
      if (bits >= 8) {
        out.push((value >>> (bits - 8)) & 255);
        bits -= 8;
      }
    }
    return new Uint8Array(out);
  }
  function uuid(bytes) {
    var h = Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }
  function normalizeCode(s) {
    var c = s.toUpperCase().replace(/[\s-]/g, "");
    if (c.length !== 8) {
      return null;
    }
    for (var i = 0; i < c.length; i++) {
      if (CODE_ALPHABET.indexOf(c[i]) < 0) {
        return null;
      }
    }
    return c;
  }

  // verifyToken resolves to the token's claims, or null for a token that
  // is malformed, forged, of another conference or expired.
  function verifyToken(token) {
    var msg = b32(token.toUpperCase());
    if (!msg || msg.length !== 101 || msg[0] !== 1 || !key) {
      return Promise.resolve(null);
    }
    return crypto.subtle.verify({ name: "Ed25519" }, key, msg.slice(37), msg.slice(0, 37)).then(function (ok) {
      if (!ok) {
        return null;
      }
      var expires = new DataView(msg.buffer, 33, 4).getUint32(0);
      var claims = { delegate: uuid(msg.slice(1, 17)), conference: uuid(msg.slice(17, 33)), expires: expires };
      if (claims.conference !== bundle.conference_id || expires * 1000 <= Date.now()) {
        return null;
      }
      return claims;
    }, function () { return null; });
  }

  // ---- the bundle ---------------------------------------------------
  function useBundle(b) {
    bundle = b;
    byCode = new Map();
    byDelegate = new Map();
    b.badges.forEach(function (x) { byCode.set(x.code, x); byDelegate.set(x.delegate_id, x); });
    revoked = new Set(b.revoked);
    return crypto.subtle.importKey("raw", b64url(b.public_key), { name: "Ed25519" }, false, ["verify"])
      .then(function (k) { key = k; showCount(); });
  }

  function loadBundle() {
    return tx("meta", "readonly", function (s) { return s.get("bundle"); }).then(function (stored) {
      var headers = {};
      if (stored && stored.etag) {
        headers["If-None-Match"] = stored.etag;
      }
      return fetch(cfg.bundle, { headers: headers, credentials: "same-origin", cache: "no-store" }).then(function (r) {
        if (r.status === 304 && stored) {
          return stored;
        }
        if (!r.ok) {
          throw new Error("bundle " + r.status);
        }
        return r.json().then(function (b) {
          return tx("meta", "readwrite", function (s) { s.put(b, "bundle"); }).then(function () { return b; });
        });
      }).catch(function () {
        if (stored) {
          return stored;
        }
        throw new Error("no bundle");
      });
    }).then(useBundle);
  }

  // ---- what the door shows -------------------------------------------
  function show(kind, verdict, badge) {
    var box = el("door-result");
    box.className = "scan-result " + (kind === "ok" ? "scan-ok" : kind === "warn" ? "scan-warn" : "scan-bad");
    box.dataset.result = kind;
    box.dataset.seq = String(Number(box.dataset.seq || 0) + 1);
    el("door-verdict").textContent = verdict;
    el("door-name").textContent = badge ? badge.given_name + " " + badge.family_name : "";
    el("door-org").textContent = badge ? badge.organization : "";
    box.hidden = false;
  }

  function showCount() {
    if (!bundle) {
      return;
    }
    var n = 0;
    bundle.badges.forEach(function (b) {
      if (b.checked_in_at || seen.has(b.delegate_id)) {
        n++;
      }
    });
    el("door-checked").textContent = String(n);
    el("door-expected").textContent = String(bundle.badges.length);
  }

  function showQueue() {
    return getAll("queue").then(function (items) {
      var queued = items.filter(function (i) { return i.status === "queued"; });
      el("door-queue").textContent = String(queued.length);
      var list = el("door-duplicates");
      list.textContent = "";
      items.filter(function (i) { return i.status === "duplicate"; }).forEach(function (i) {
        var li = document.createElement("li");
        li.className = "door-duplicate";
        li.textContent = cfg.msgDuplicate + " " + i.name + (i.checked_in_at ? " (" + new Date(i.checked_in_at).toLocaleTimeString() + ")" : "");
        list.appendChild(li);
      });
    });
  }

  function showNetwork() {
    el("door-net").textContent = navigator.onLine ? cfg.msgOnline : cfg.msgOffline;
  }

  // ---- a scan --------------------------------------------------------
  function check(text) {
    text = text.trim();
    if (!text) {
      return Promise.resolve();
    }
    if (!bundle) {
      show("bad", cfg.msgNokey, null);
      return Promise.resolve();
    }
    var code = normalizeCode(text);
    var found = code ? Promise.resolve(code) : verifyToken(text);
    return found.then(function (claims) {
      var badge = null;
      if (code) {
        if (revoked.has(code)) {
          return show("bad", cfg.msgRevoked, null);
        }
        badge = byCode.get(code);
        if (!badge) {
          return show("bad", cfg.msgUnknown, null);
        }
      } else {
        if (!claims) {
          return show("bad", cfg.msgInvalid, null);
        }
        badge = byDelegate.get(claims.delegate);
        if (!badge) {
          return show("bad", cfg.msgRevoked, null);
        }
      }
      if (badge.checked_in_at || seen.has(badge.delegate_id)) {
        return show("warn", cfg.msgAlready, badge);
      }
      seen.add(badge.delegate_id);
      show("ok", cfg.msgOk, badge);
      showCount();
      var item = {
        scanned_at: new Date().toISOString(), device: device, status: "queued",
        delegate_id: badge.delegate_id, name: badge.given_name + " " + badge.family_name,
      };
      if (code) {
        item.code = code;
      } else {
        item.token = text;
      }
      return tx("seen", "readwrite", function (s) { s.put({ delegate_id: badge.delegate_id }); })
        .then(function () { return tx("queue", "readwrite", function (s) { s.add(item); }); })
        .then(showQueue)
        .then(sync);
    });
  }

  // ---- sync ----------------------------------------------------------
  function sync() {
    if (syncing || !navigator.onLine) {
      return Promise.resolve();
    }
    syncing = true;
    return getAll("queue").then(function (items) {
      var queued = items.filter(function (i) { return i.status === "queued"; });
      if (queued.length === 0) {
        return null;
      }
      var body = {
        items: queued.map(function (i) {
          return { token: i.token, code: i.code, scanned_at: i.scanned_at, device: i.device };
        }),
      };
      return fetch(cfg.sync, {
        method: "POST", credentials: "same-origin",
        headers: { "Content-Type": "application/json", "X-CSRF-Token": cfg.csrf },
        body: JSON.stringify(body),
      }).then(function (r) {
        if (!r.ok) {
          throw new Error("sync " + r.status);
        }
        return r.json();
      }).then(function (reply) {
        return tx("queue", "readwrite", function (s) {
          reply.results.forEach(function (res) {
            var item = queued[res.index];
            item.status = res.status === 201 ? "recorded" : res.status === 409 ? "duplicate" : "refused";
            item.checked_in_at = res.checked_in_at || "";
            s.put(item);
          });
        });
      }).then(function () { return loadBundle(); });
    }).catch(function () { /* kept for the next try */ }).then(function () {
      syncing = false;
      return showQueue();
    });
  }

  // ---- camera --------------------------------------------------------
  var stream = null, timer = 0, detector = null, last = "", lastAt = 0;
  var video = el("door-video");
  var canvas = document.createElement("canvas");

  function stopCamera() {
    window.clearTimeout(timer);
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
    video.srcObject = null;
    el("door-camera").hidden = true;
  }

  function read() {
    var done = function (text) {
      if (text && (text !== last || Date.now() - lastAt > 3000)) {
        last = text;
        lastAt = Date.now();
        check(text);
      }
      timer = window.setTimeout(read, 150);
    };
    if (detector) {
      detector.detect(video).then(function (codes) { done(codes.length ? codes[0].rawValue : ""); }, function () { done(""); });
      return;
    }
    if (video.videoWidth && window.jsQR) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      var ctx = canvas.getContext("2d", { willReadFrequently: true });
      ctx.drawImage(video, 0, 0);
      var img = ctx.getImageData(0, 0, canvas.width, canvas.height);
      var found = window.jsQR(img.data, img.width, img.height, { inversionAttempts: "dontInvert" });
      done(found ? found.data : "");
      return;
    }
    done("");
  }

  function loadDecoder() {
    if ("BarcodeDetector" in window) {
      detector = new window.BarcodeDetector({ formats: ["qr_code"] });
      return Promise.resolve();
    }
    if (window.jsQR) {
      return Promise.resolve();
    }
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = cfg.jsqr;
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  var startBtn = el("door-camera-start");
  if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    startBtn.hidden = true;
  }
  startBtn.addEventListener("click", function () {
    el("door-camera-error").hidden = true;
    loadDecoder().then(function () {
      return navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false });
    }).then(function (s) {
      stream = s;
      video.srcObject = s;
      el("door-camera").hidden = false;
      return video.play();
    }).then(read, function () {
      stopCamera();
      el("door-camera-error").hidden = false;
    });
  });
  el("door-camera-stop").addEventListener("click", stopCamera);

  // ---- start ---------------------------------------------------------
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    input.focus();
    check(text);
  });
  window.addEventListener("online", function () { showNetwork(); sync(); });
  window.addEventListener("offline", showNetwork);
  window.setInterval(sync, 15000);
  showNetwork();
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.register("/door/sw.js", { scope: "/door/" }).catch(function () {});
  }
  getAll("seen").then(function (rows) {
    rows.forEach(function (r) { seen.add(r.delegate_id); });
  }).then(loadBundle).then(function () {
    root.dataset.ready = "true";
    return showQueue();
  }).then(sync).catch(function () {
    show("bad", cfg.msgNokey, null);
  });
}());
