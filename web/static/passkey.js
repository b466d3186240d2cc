// passkey.js: the browser's side of passkeys (WebAuthn), which only a
// script can reach. A form with data-passkey="create" (adding a passkey)
// or "get" (the second step of signing in) stays hidden unless the
// browser has WebAuthn. On submit the script asks the server for the
// ceremony's options (data-options, posted with the form's CSRF token and
// mfa_token), hands them to navigator.credentials, writes the answer as
// JSON into the form's hidden credential field and sends the form as any
// other: the server answers with a page.
(function () {
  "use strict";

  if (!window.PublicKeyCredential || !navigator.credentials) { return; }

  function fromB64url(s) {
    var b64 = s.replace(/-/g, "+").replace(/_/g, "/");
    while (b64.length % 4) { b64 += "="; }
    var bin = atob(b64);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out.buffer;
  }

  function toB64url(buf) {
    var bytes = new Uint8Array(buf);
    var bin = "";
    for (var i = 0; i < bytes.length; i++) { bin += String.fromCharCode(bytes[i]); }
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (d) {
      var out = { type: d.type, id: fromB64url(d.id) };
      if (d.transports) { out.transports = d.transports; }
      return out;
    });
  }

  // publicKeyOptions turns the server's JSON into what navigator.credentials
  // takes: the challenge, user id and credential ids as bytes.
  function publicKeyOptions(kind, json) {
    var o = json.publicKey;
    o.challenge = fromB64url(o.challenge);
    if (kind === "create") {
      o.user.id = fromB64url(o.user.id);
      o.excludeCredentials = descriptors(o.excludeCredentials);
    } else {
      o.allowCredentials = descriptors(o.allowCredentials);
    }
    return o;
  }

  // credentialJSON is the PublicKeyCredential as the server reads it:
  // every binary field base64url.
  function credentialJSON(cred) {
    var r = cred.response;
    var response = { clientDataJSON: toB64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = toB64url(r.attestationObject);
      if (r.getTransports) { response.transports = r.getTransports(); }
    } else {
      response.authenticatorData = toB64url(r.authenticatorData);
      response.signature = toB64url(r.signature);
      if (r.userHandle) { response.userHandle = toB64url(r.userHandle); }
    }
    return JSON.stringify({
      id: cred.id,
      rawId: toB64url(cred.rawId),
      type: cred.type,
      response: response,
      clientExtensionResults: cred.getClientExtensionResults ? cred.getClientExtensionResults() : {},
      authenticatorAttachment: cred.authenticatorAttachment || undefined
    });
  }

  function fieldValue(form, name) {
    var input = form.querySelector('input[name="' + name + '"]');
    return input ? input.value : "";
  }

  document.querySelectorAll("form[data-passkey]").forEach(function (form) {
    var kind = form.dataset.passkey;
    var button = form.querySelector('button[type="submit"]');
    var message = form.querySelector(".passkey-error");
    form.hidden = false;
    document.querySelectorAll(".passkey-unsupported").forEach(function (p) { p.hidden = true; });

    function fail() {
      if (message) {
        message.textContent = form.dataset.failed;
        message.hidden = false;
      }
      button.disabled = false;
    }

    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      button.disabled = true;
      if (message) { message.hidden = true; }
      var body = new URLSearchParams();
      var csrf = fieldValue(form, "csrf_token");
      body.set("csrf_token", csrf);
      var token = fieldValue(form, "mfa_token");
      if (token) { body.set("mfa_token", token); }
      fetch(form.dataset.options, {
        method: "POST",
        credentials: "same-origin",
        headers: { "X-CSRF-Token": csrf },
        body: body
      }).then(function (res) {
        if (!res.ok) { throw new Error("options: " + res.status); }
        return res.json();
      }).then(function (json) {
        var publicKey = publicKeyOptions(kind, json);
        return kind === "create" ?
          navigator.credentials.create({ publicKey: publicKey }) :
          navigator.credentials.get({ publicKey: publicKey });
      }).then(function (cred) {
        if (!cred) { throw new Error("no credential"); }
        form.querySelector('input[name="credential"]').value = credentialJSON(cred);
        form.submit();
      }).catch(fail);
    });
  });
})();
