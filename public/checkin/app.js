/*
 * The runner's check-in page script (docs/checkin.md). The forms work without it; with it:
 * - the day choices follow the phone's own calendar (the runner's day, not the clinic's);
 * - every entry is first kept in localStorage with its entry id (made on the page), then sent
 *   as JSON; an entry that cannot be sent (offline) stays there and is sent when the phone is
 *   back online or the page next opens. The server stores an entry id once, so a resend after
 *   a lost answer is never stored twice.
 */
(function () {
  "use strict";
  var KEY = "springback-checkin-queue";
  var sending = false;
  var status = document.getElementById("queue-status");

  function say(text) {
    if (!status) {
      status = document.createElement("div");
      status.setAttribute("role", "status");
      document.querySelector("main").insertBefore(status, document.querySelector("main h1").nextSibling);
    }
    status.className = text ? "msg ok" : "";
    status.textContent = text;
  }

  function load() {
    try {
      var list = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list : [];
    } catch {
      return [];
    }
  }

  function store(list) {
    localStorage.setItem(KEY, JSON.stringify(list));
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64;
    b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  function iso(d) {
    var m = d.getMonth() + 1;
    var day = d.getDate();
    return d.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (day < 10 ? "0" : "") + day;
  }

  // The day choices from the phone's calendar: today and the 7 days before, none before onset.
  function phoneDays() {
    var selects = document.querySelectorAll("select[data-phone-days]");
    for (var s = 0; s < selects.length; s++) {
      var select = selects[s];
      if (select.getAttribute("aria-invalid") === "true") continue;
      var onset = select.getAttribute("data-phone-days");
      var keep = select.options[select.selectedIndex] && select.selectedIndex > 0 ? select.value : null;
      select.textContent = "";
      for (var i = 0; i <= 7; i++) {
        var d = new Date();
        d.setDate(d.getDate() - i);
        var value = iso(d);
        if (value < onset) break;
        var label = i === 0 ? "Today" : i === 1 ? "Yesterday" : d.toLocaleDateString("en-GB", { weekday: "short", day: "numeric", month: "short" });
        var option = new Option(label, value, false, keep ? keep === value : i === 0);
        select.add(option);
      }
    }
  }

  function entryOf(form) {
    var entry = {};
    var data = new FormData(form);
    data.forEach(function (value, key) {
      if (typeof value === "string" && value.trim() !== "") entry[key] = value;
    });
    return entry;
  }

  function showErrors(form, result) {
    var old = form.querySelectorAll(".err[data-js]");
    for (var i = 0; i < old.length; i++) old[i].remove();
    var invalid = form.querySelectorAll("[aria-invalid]");
    for (var j = 0; j < invalid.length; j++) invalid[j].removeAttribute("aria-invalid");
    var first = null;
    var errors = result.fieldErrors || {};
    Object.keys(errors).forEach(function (name) {
      var input = form.querySelector('[name="' + name + '"]') || form.querySelector("button");
      var p = document.createElement("p");
      p.className = "err";
      p.setAttribute("data-js", "");
      p.id = form.getAttribute("data-kind") + "-" + name + "-jserr";
      p.textContent = errors[name];
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", p.id);
      input.parentNode.appendChild(p);
      if (name === "confirmImplausible" && !form.querySelector('[name="confirmImplausible"]')) {
        var label = document.createElement("label");
        label.className = "check";
        label.innerHTML = '<input type="checkbox" name="confirmImplausible" value="on"> Yes, this is right';
        p.parentNode.insertBefore(label, p.nextSibling);
      }
      first = first || input;
    });
    say("");
    var alert = document.createElement("div");
    alert.className = "msg bad";
    alert.setAttribute("role", "alert");
    alert.setAttribute("data-js", "");
    alert.textContent = result.error || "Please check the highlighted answers.";
    var prev = form.querySelector(".msg[data-js]");
    if (prev) prev.remove();
    form.insertBefore(alert, form.firstChild);
    if (first) first.focus();
  }

  // Sends the queue in order; an entry leaves the queue only when the server has answered it.
  function flush(current) {
    if (sending) return Promise.resolve();
    sending = true;
    var list = load();
    var sent = 0;
    function next(i) {
      if (i >= list.length) return Promise.resolve();
      var entry = list[i];
      return fetch("/checkin", { method: "POST", credentials: "same-origin", headers: { "content-type": "application/json" }, body: JSON.stringify(entry) })
        .then(function (res) {
          if (res.status === 403) throw new Error("refused");
          if (res.status === 429 || res.status >= 500) throw new Error("later");
          return res.json().then(function (result) {
            store(load().filter(function (e) { return e.entryId !== entry.entryId; }));
            if (result.ok) sent++;
            else if (current && current.entryId === entry.entryId) showErrors(current.form, result);
            else say("An entry saved earlier could not be stored: " + (result.error || "please enter it again."));
            if (current && current.entryId === entry.entryId) current.result = result;
            return next(i + 1);
          });
        });
    }
    return next(0)
      .then(function () {
        if (current && current.result && current.result.ok) {
          // Not a Next.js client page (no router here): a plain navigation back to the server-rendered page.
          // eslint-disable-next-line @next/next/no-location-assign-relative-destination
          window.location.assign("/checkin?saved=" + encodeURIComponent(current.type));
        } else if (sent > 0) say(sent === 1 ? "Your saved entry was sent." : sent + " saved entries were sent.");
      })
      .catch(function (err) {
        var waiting = load().length;
        if (!waiting) return;
        if (err && err.message === "refused") say("Kept on this phone (" + waiting + " waiting), but this link is not valid any more: ask your therapist for a new one.");
        else say("Saved on this phone (" + waiting + " waiting). It will be sent when you are back online.");
      })
      .then(function () {
        sending = false;
      });
  }

  function onSubmit(event) {
    var form = event.target;
    if (!form.classList || !form.classList.contains("entry")) return;
    event.preventDefault();
    var entry = entryOf(form);
    var list = load();
    if (!list.some(function (e) { return e.entryId === entry.entryId; })) list.push(entry);
    store(list);
    // The next entry from this form is a new one.
    form.querySelector('[name="entryId"]').value = uuid();
    flush({ form: form, entryId: entry.entryId, type: entry.type });
  }

  phoneDays();
  // Entry ids made on the phone (the server's are for pages without this script).
  var ids = document.querySelectorAll('form.entry [name="entryId"]');
  for (var k = 0; k < ids.length; k++) ids[k].value = uuid();
  document.addEventListener("submit", onSubmit);
  window.addEventListener("online", function () { flush(null); });
  if (load().length) flush(null);
})();
