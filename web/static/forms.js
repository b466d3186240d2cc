// forms.js: small progressive help for forms; every form works without it.
//
// - A form with data-max-bytes refuses a chosen file larger than that
//   before sending it (the server refuses it too, with the same words),
//   and shows the upload's progress on a slow connection.
// - A page answering a form with an error carries data-page-url on its
//   body: the address shown becomes that page's, so reloading it does not
//   send the form again.
(function () {
  "use strict";

  var body = document.body;
  if (body && body.dataset.pageUrl && window.history && history.replaceState) {
    history.replaceState(null, "", body.dataset.pageUrl);
  }

  function fileError(input, text) {
    var id = input.id + "-error";
    var p = document.getElementById(id);
    if (!text) {
      if (p && p.dataset.client) { p.remove(); }
      input.removeAttribute("aria-invalid");
      return;
    }
    if (!p) {
      p = document.createElement("p");
      p.className = "field-error";
      p.id = id;
      p.dataset.client = "1";
      input.parentNode.insertBefore(p, input);
      var described = (input.getAttribute("aria-describedby") || "").split(" ");
      if (described.indexOf(id) < 0) {
        described.push(id);
        input.setAttribute("aria-describedby", described.join(" ").trim());
      }
    }
    p.textContent = text;
    input.setAttribute("aria-invalid", "true");
  }

  function tooLarge(form) {
    var max = parseInt(form.dataset.maxBytes, 10);
    var found = null;
    form.querySelectorAll('input[type="file"]').forEach(function (input) {
      var big = false;
      Array.prototype.forEach.call(input.files || [], function (f) { if (f.size > max) { big = true; } });
      fileError(input, big ? form.dataset.tooLarge : "");
      if (big && !found) { found = input; }
    });
    return found;
  }

  document.querySelectorAll("form[data-max-bytes]").forEach(function (form) {
    form.addEventListener("change", function (ev) {
      if (ev.target.type === "file") { tooLarge(form); }
    });
    form.addEventListener("submit", function (ev) {
      var big = tooLarge(form);
      if (big) {
        ev.preventDefault();
        big.focus();
        return;
      }
      if (!window.XMLHttpRequest || !window.FormData) { return; }
      ev.preventDefault();
      var progress = form.querySelector("progress.upload-progress");
      if (!progress) {
        progress = document.createElement("progress");
        progress.className = "upload-progress";
        progress.max = 100;
        progress.setAttribute("aria-label", form.dataset.uploading || "");
        form.appendChild(progress);
      }
      progress.removeAttribute("value");
      var button = form.querySelector('button[type="submit"]');
      if (button) { button.disabled = true; }
      var xhr = new XMLHttpRequest();
      xhr.open("POST", form.action);
      xhr.upload.addEventListener("progress", function (e) {
        if (e.lengthComputable) { progress.value = Math.round(100 * e.loaded / e.total); }
      });
      xhr.addEventListener("load", function () {
        if (xhr.status < 400 && xhr.responseURL) {
          // The server answered with See Other: go where it sent us.
          window.location.assign(xhr.responseURL);
          return;
        }
        // A refusal is a whole page: show it as the browser would have.
        document.open();
        document.write(xhr.responseText);
        document.close();
      });
      xhr.addEventListener("error", function () {
        if (button) { button.disabled = false; }
        progress.remove();
        form.submit();
      });
      xhr.send(new FormData(form));
    });
  });
})();
