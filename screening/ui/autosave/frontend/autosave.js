// The autosaving text box (Streamlit components v2). Streamlit loads this file as a module from
// /_stcore/bidi-components/screening.autosave_text/autosave.js and calls the default export on every
// render whose data changed; the box itself is built once per mount and kept across those calls.
//
// Rules: the text goes to Python as the `draft` state {text, seq} after a pause in typing, at least
// every MAX_WAIT_MS while typing goes on, on blur and when the page is hidden; never in the middle of
// an input-method composition. Python's copy never replaces what is in the box while the box has
// focus, a composition or edits Python has not seen. Every text is shown with textContent.

const IDLE_MS = 1000;       // a pause this long sends the text
const MAX_WAIT_MS = 5000;   // while typing continues, the text is sent at least this often
const NEAR_SHARE = 0.9;     // the counter warns from this share of the limit

const boxes = new WeakMap();  // parentElement -> Box
const live = new Set();       // boxes on the page, flushed when the page is hidden or left
let serial = 0;

// Characters as Python counts them (code points), so both sides agree on the limit.
function countChars(text) {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

// A short fingerprint of a text, to recognise the server's copy without storing it twice.
function fingerprint(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${text.length}:${h.toString(16)}`;
}

function fill(template, values) {
  return String(template || "").replace(/\{(count|max|left)\}/g, (_, name) => String(values[name]));
}

function el(tag, className) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  return node;
}

function flushAll() {
  for (const box of live) box.flush();
}

// Streamlit sends widget values from a zero-delay timer, which never runs once the page unloads.
// Hiding the page (switching apps on a phone) leaves time for it; closing or reloading does not,
// so with edits not yet sent the browser asks first ("changes may not be saved"): staying sends
// them, and a reload brings them back from this tab's sessionStorage copy anyway.
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") flushAll();
});
window.addEventListener("pagehide", flushAll);
window.addEventListener("beforeunload", (event) => {
  let unsent = false;
  for (const box of live) {
    if (box.hasUnsentEdits()) {
      unsent = true;
      box.flush();
    }
  }
  if (unsent) {
    event.preventDefault();
    event.returnValue = "";
  }
});

class Box {
  constructor(parent) {
    serial += 1;
    const id = `st-autosave-${serial}`;
    this.parent = parent;
    this.ids = { area: `${id}-area`, help: `${id}-help`, counter: `${id}-counter`, message: `${id}-message` };

    this.root = el("div", "st-autosave");
    this.label = el("label", "st-autosave-label");
    this.label.htmlFor = this.ids.area;
    this.label.dir = "auto";
    this.help = el("p", "st-autosave-help");
    this.help.id = this.ids.help;
    this.help.dir = "auto";
    this.area = el("textarea", "st-autosave-area");
    this.area.id = this.ids.area;
    this.area.dir = "auto";
    this.area.spellcheck = true;
    this.area.setAttribute("autocapitalize", "sentences");
    const meta = el("div", "st-autosave-meta");
    this.status = el("span", "st-autosave-status");
    this.counter = el("span", "st-autosave-counter");
    this.counter.id = this.ids.counter;
    this.count = el("span", "st-autosave-count");
    this.left = el("span", "st-autosave-left");
    this.counter.append(this.count, this.left);
    meta.append(this.status, this.counter);
    this.message = el("p", "st-autosave-message");
    this.message.id = this.ids.message;
    this.message.setAttribute("aria-live", "polite");
    this.root.append(this.label, this.help, this.area, meta, this.message);
    parent.appendChild(this.root);

    this.first = true;
    this.seq = 0;              // number of the newest draft sent
    this.sent = "";            // the newest text sent (or received from Python)
    this.sentAny = false;
    this.known = [];           // fingerprints of texts the server may hold (for the reload copy)
    this.composing = false;
    this.flushAfterComposition = false;
    this.before = null;        // value and selection before the current input
    this.notice = "";          // a refusal or restore message from this side
    this.idle = null;
    this.maxWait = null;

    this.area.addEventListener("beforeinput", (e) => this.onBeforeInput(e));
    this.area.addEventListener("input", (e) => this.onInput(e));
    this.area.addEventListener("compositionstart", () => this.onCompositionStart());
    this.area.addEventListener("compositionend", () => this.onCompositionEnd());
    this.area.addEventListener("blur", () => this.onBlur());
    live.add(this);
  }

  // ---- data from Python ------------------------------------------------------------------------

  update(data, setStateValue) {
    this.data = data;
    this.setStateValue = setStateValue;
    const msgs = data.messages || {};
    this.msgs = msgs;
    this.max = Math.max(1, Number(data.max) || 1);
    if (this.label.textContent !== data.label) this.label.textContent = data.label || "";
    if (this.help.textContent !== (data.help || "")) this.help.textContent = data.help || "";
    this.help.hidden = !data.help;
    this.root.lang = data.lang || "en";
    this.area.style.minHeight = `${Math.max(48, Number(data.height) || 0)}px`;
    this.area.disabled = Boolean(data.disabled);
    this.storageKey = `st-autosave:${window.location.pathname}${window.location.search}:${data.key}`;

    const server = typeof data.text === "string" ? data.text : "";
    if (this.first) {
      this.first = false;
      this.seq = Number(data.seen) || 0;
      this.area.value = server;
      this.sent = server;
      this.known = [fingerprint(server)];
      this.restoreLocalCopy(server);
    } else if (data.seen === this.seq && !this.composing && !this.hasFocus() && this.area.value === this.sent
               && server !== this.area.value) {
      // Python changed the text and has seen everything typed here: show its copy.
      this.area.value = server;
      this.sent = server;
      this.known = [fingerprint(server)];
    }
    if (this.isSaved()) {
      this.known = [fingerprint(this.sent)];
      this.dropLocalCopy();
    }
    this.render();
  }

  hasUnsentEdits() {
    return this.composing || this.area.value !== this.sent;
  }

  isSaved() {
    return this.data.acked === this.seq && this.area.value === this.sent && !this.composing;
  }

  hasFocus() {
    return this.area.matches(":focus");
  }

  // ---- typing ----------------------------------------------------------------------------------

  onBeforeInput(e) {
    if (e.isComposing || e.inputType === "insertCompositionText") return;  // not cancelable
    this.before = { value: this.area.value, start: this.area.selectionStart, end: this.area.selectionEnd };
    if (!e.inputType || !e.inputType.startsWith("insert")) return;  // deleting is always allowed
    let added = e.data;
    if (added == null && e.dataTransfer) added = e.dataTransfer.getData("text/plain");
    if (added == null && (e.inputType === "insertLineBreak" || e.inputType === "insertParagraph")) added = "\n";
    if (added == null) return;  // unknown here; checked once the input happened
    const value = this.area.value;
    const now = countChars(value);
    const replaced = countChars(value.slice(this.area.selectionStart, this.area.selectionEnd));
    const after = now - replaced + countChars(added);
    if (after > this.max && after > now) {
      e.preventDefault();
      this.refuse();
    }
  }

  onInput(e) {
    if (e.isComposing || this.composing) {
      this.render();
      return;
    }
    if (this.before && this.grewPastLimit(this.before.value)) {
      this.revert(this.before);
      return;
    }
    this.accepted();
  }

  onCompositionStart() {
    this.composing = true;
    this.compositionBefore = { value: this.area.value, start: this.area.selectionStart, end: this.area.selectionEnd };
    clearTimeout(this.idle);
    this.idle = null;
  }

  onCompositionEnd() {
    this.composing = false;
    const before = this.compositionBefore;
    // Let the browser finish committing the composed text before looking at it.
    setTimeout(() => {
      if (this.composing) return;
      if (before && this.grewPastLimit(before.value)) {
        this.revert(before);
        return;
      }
      this.accepted();
      if (this.flushAfterComposition) this.flush();
    }, 0);
  }

  onBlur() {
    if (this.composing) {
      this.flushAfterComposition = true;
      return;
    }
    this.flush();
  }

  grewPastLimit(previous) {
    const now = countChars(this.area.value);
    return now > this.max && now > countChars(previous);
  }

  revert(before) {
    this.area.value = before.value;
    try {
      this.area.setSelectionRange(before.start, before.end);
    } catch (_) {
      // a textarea that lost focus may refuse a selection; the value is what matters
    }
    this.refuse();
  }

  refuse() {
    this.notice = fill(this.msgs.refused, { max: this.max });
    this.noticeKind = "refused";
    this.render();
  }

  accepted() {
    if (this.noticeKind === "refused" && countChars(this.area.value) < this.max) this.notice = "";
    if (this.noticeKind === "restored") this.notice = "";
    this.keepLocalCopy();
    this.schedule();
    this.render();
  }

  // ---- sending ---------------------------------------------------------------------------------

  schedule() {
    if (this.composing) return;
    clearTimeout(this.idle);
    this.idle = setTimeout(() => this.flush(), IDLE_MS);
    if (this.maxWait === null) this.maxWait = setTimeout(() => this.flush(), MAX_WAIT_MS);
  }

  flush() {
    if (!this.setStateValue) return;
    if (this.composing) {
      this.flushAfterComposition = true;
      return;
    }
    this.flushAfterComposition = false;
    clearTimeout(this.idle);
    clearTimeout(this.maxWait);
    this.idle = null;
    this.maxWait = null;
    const text = this.area.value;
    if (text === this.sent) return;
    this.seq += 1;
    this.sent = text;
    this.sentAny = true;
    this.known.push(fingerprint(text));
    if (this.known.length > 50) this.known.splice(1, this.known.length - 50);
    this.keepLocalCopy();
    this.setStateValue("draft", { text, seq: this.seq });
    this.render();
  }

  // ---- a copy in this tab's sessionStorage, for a reload before the text reached the server -----

  keepLocalCopy() {
    try {
      window.sessionStorage.setItem(this.storageKey, JSON.stringify({ text: this.area.value, known: this.known }));
    } catch (_) {
      // storage full or disabled: the server copy is all there is
    }
  }

  dropLocalCopy() {
    try {
      window.sessionStorage.removeItem(this.storageKey);
    } catch (_) {
      // nothing to drop
    }
  }

  restoreLocalCopy(server) {
    let copy = null;
    try {
      copy = JSON.parse(window.sessionStorage.getItem(this.storageKey) || "null");
    } catch (_) {
      copy = null;
    }
    if (!copy || typeof copy.text !== "string" || !Array.isArray(copy.known)) return;
    // Only when the server still holds a text this tab had (not one saved elsewhere since).
    if (copy.text === server || !copy.known.includes(fingerprint(server))) {
      this.dropLocalCopy();
      return;
    }
    this.area.value = copy.text;
    this.notice = this.msgs.restored || "";
    this.noticeKind = "restored";
    setTimeout(() => this.flush(), 0);
  }

  // ---- showing ---------------------------------------------------------------------------------

  render() {
    const msgs = this.msgs;
    const count = countChars(this.area.value);
    const left = this.max - count;
    this.count.textContent = fill(this.data.counter || "{count} / {max}", { count, max: this.max, left });
    const near = count >= Math.floor(this.max * NEAR_SHARE);
    this.counter.classList.toggle("near", near && count < this.max);
    this.counter.classList.toggle("full", count >= this.max);
    this.left.textContent = near && left > 0 ? fill(msgs.near, { count, max: this.max, left }) : "";
    this.area.setAttribute("aria-invalid", count > this.max || this.serverError() ? "true" : "false");

    let message = "";
    let kind = "";
    if (this.serverError()) {
      message = this.data.error;
      kind = "error";
    } else if (count > this.max) {
      message = fill(msgs.over, { count, max: this.max, left });
      kind = "error";
    } else if (this.notice) {
      message = this.notice;
      kind = this.noticeKind === "restored" ? "info" : "error";
    } else if (count === this.max) {
      message = fill(msgs.full, { count, max: this.max, left });
      kind = "warning";
    }
    if (this.message.textContent !== message) this.message.textContent = message;
    this.message.hidden = !message;
    this.message.dataset.kind = kind;

    let status = "";
    if (this.sentAny || this.area.value !== this.sent) {
      if (this.serverError()) status = "";
      else status = this.isSaved() ? msgs.saved || "" : msgs.saving || "";
    }
    if (this.status.textContent !== status) this.status.textContent = status;
    this.root.dataset.saved = this.isSaved() ? "true" : "false";

    const described = [];
    if (this.data.help) described.push(this.ids.help);
    described.push(this.ids.counter);
    if (message) described.push(this.ids.message);
    this.area.setAttribute("aria-describedby", described.join(" "));
  }

  serverError() {
    return Boolean(this.data.error) && this.data.seen === this.seq && this.area.value === this.sent;
  }

  dispose() {
    this.flush();
    clearTimeout(this.idle);
    clearTimeout(this.maxWait);
    live.delete(this);
  }
}

export default function autosaveText(component) {
  const { data, parentElement, setStateValue } = component;
  let box = boxes.get(parentElement);
  if (!box) {
    box = new Box(parentElement);
    boxes.set(parentElement, box);
  }
  box.update(data || {}, setStateValue);
  return () => {
    // Streamlit calls this before each new render as well as on unmount; only an unmount disposes.
    setTimeout(() => {
      if (!box.root.isConnected) box.dispose();
    }, 0);
  };
}
