// The door's check-in page, with a camera where the browser allows it.
// Where the browser can read QR codes (BarcodeDetector) and use the camera
// (getUserMedia), a button starts the camera; the first badge it reads is
// typed into the token field and the form sent, as a keyboard-wedge
// scanner would. Without this script, or without those abilities, the
// form works as it is: a scanner or a person types the token.
(function () {
  "use strict";
  var form = document.getElementById("checkin-form");
  var start = document.getElementById("camera-start");
  if (!form || !start || !("BarcodeDetector" in window) ||
      !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    return;
  }
  var input = document.getElementById("f-token");
  var box = document.getElementById("camera");
  var video = document.getElementById("camera-video");
  var stop = document.getElementById("camera-stop");
  var failed = document.getElementById("camera-error");
  var detector = null;
  var stream = null;
  var timer = 0;

  function halt() {
    if (timer) {
      window.clearTimeout(timer);
      timer = 0;
    }
    if (stream) {
      stream.getTracks().forEach(function (t) { t.stop(); });
      stream = null;
    }
    video.srcObject = null;
    box.hidden = true;
    start.hidden = false;
  }

  function send(token) {
    input.value = token;
    halt();
    if (form.requestSubmit) {
      form.requestSubmit();
    } else {
      form.submit();
    }
  }

  function scan() {
    detector.detect(video).then(function (codes) {
      if (codes.length > 0 && codes[0].rawValue) {
        send(codes[0].rawValue);
        return;
      }
      timer = window.setTimeout(scan, 200);
    }, function () {
      timer = window.setTimeout(scan, 500);
    });
  }

  var formats = typeof window.BarcodeDetector.getSupportedFormats === "function" ?
    window.BarcodeDetector.getSupportedFormats() : Promise.resolve(["qr_code"]);
  formats.then(function (supported) {
    if (supported.indexOf("qr_code") < 0) {
      return;
    }
    detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    start.hidden = false;
  }, function () {});

  start.addEventListener("click", function () {
    failed.hidden = true;
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (s) {
        stream = s;
        video.srcObject = s;
        box.hidden = false;
        start.hidden = true;
        return video.play();
      })
      .then(scan, function () {
        halt();
        failed.hidden = false;
        input.focus();
      });
  });
  stop.addEventListener("click", function () {
    halt();
    input.focus();
  });
})();
