// The candidate page's helpers (Streamlit components v2, loaded as a file: the page's CSP allows no inline
// script). On every render: the document's language follows the campaign's, focus moves to the heading of a
// new question, and a time limit is counted down. Screen readers hear the time left only at 10, 5 and 1
// minutes (the live region's text changes at those points and nowhere else); the visible line is not live.

const THRESHOLDS = [10, 5, 1];
const state = { focused: null, timer: null, deadline: null, announced: null, expired: false };

function fill(template, minutes) {
  return String(template || "").replace("{minutes}", String(minutes));
}

function focusHeading(id, tries) {
  const target = document.getElementById(id);
  if (target) {
    target.setAttribute("tabindex", "-1");
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: "start" });
    return;
  }
  if (tries > 0) setTimeout(() => focusHeading(id, tries - 1), 100);
}

function el(parent, tag, className) {
  let node = parent.querySelector(`.${className}`);
  if (!node) {
    node = document.createElement(tag);
    node.className = className;
    parent.appendChild(node);
  }
  return node;
}

function tick(view, data, component) {
  const left = state.deadline - Date.now();
  const minutes = Math.max(0, Math.ceil(left / 60000));
  if (left <= 0) {
    view.visible.textContent = data.messages.over;
    view.live.textContent = data.messages.over;
    if (!state.expired) {
      state.expired = true;
      component.setTriggerValue("expired", true);  // the server submits on this rerun
    }
    return;
  }
  view.visible.textContent = fill(data.messages.left, minutes);
  // the highest threshold already reached, announced once
  const reached = THRESHOLDS.filter((t) => minutes <= t).pop();
  if (reached !== undefined && reached !== state.announced) {
    state.announced = reached;
    view.live.textContent = fill(data.messages.announce, reached);
  }
}

export default function pageHelpers(component) {
  const { data, parentElement } = component;
  if (data.lang && document.documentElement.lang !== data.lang) document.documentElement.lang = data.lang;
  if (data.title && document.title !== data.title) document.title = data.title;
  if (data.focus && data.focus !== state.focused) {
    state.focused = data.focus;
    focusHeading(data.focus, 30);
  }
  const root = el(parentElement, "div", "cand-helpers");
  root.lang = data.lang || "en";
  clearInterval(state.timer);
  if (!data.deadline_ms) {
    root.hidden = true;
    return undefined;
  }
  root.hidden = false;
  const view = { visible: el(root, "p", "cand-time-left"), live: el(root, "p", "cand-time-live") };
  view.live.setAttribute("aria-live", "polite");
  view.live.setAttribute("role", "status");
  view.live.id = "cand-time-live";
  if (state.deadline !== data.deadline_ms) {
    // a new deadline (extra time granted): thresholds already passed are not announced again
    state.deadline = data.deadline_ms;
    const minutes = Math.ceil((state.deadline - Date.now()) / 60000);
    state.announced = THRESHOLDS.filter((t) => minutes <= t).pop();
    state.expired = false;
  }
  tick(view, data, component);
  state.timer = setInterval(() => tick(view, data, component), 1000);
  return () => clearInterval(state.timer);
}
