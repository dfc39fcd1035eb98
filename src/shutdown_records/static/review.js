// The review page's only script (served from the app, no inline script: the CSP forbids it).
// It turns a selection in a source text into the cite form's source, start and quote. Offsets
// are code points, as records count them; the server checks the quote at that offset again.
"use strict";

function codePoints(text) {
  return Array.from(text).length;
}

function sourceOf(node) {
  const element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return element ? element.closest("pre.source") : null;
}

function readSelection() {
  const form = document.getElementById("cite-form");
  const selection = document.getSelection();
  if (!form || !selection || selection.rangeCount === 0 || selection.isCollapsed) {
    return;
  }
  const range = selection.getRangeAt(0);
  const pre = sourceOf(range.startContainer);
  if (!pre || sourceOf(range.endContainer) !== pre) {
    return;
  }
  const before = document.createRange();
  before.setStart(pre, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const raw = range.toString();
  const quote = raw.trim();
  if (!quote) {
    return;
  }
  const lead = raw.length - raw.trimStart().length;
  const start = codePoints(before.toString()) + codePoints(raw.slice(0, lead));
  document.getElementById("cite-source-input").value = pre.dataset.source;
  document.getElementById("cite-start-input").value = String(start);
  document.getElementById("cite-quote-input").value = quote;
  document.getElementById("cite-quote").textContent = quote;
  document.getElementById("cite-source").textContent = pre.dataset.source + " at " + start;
}

document.addEventListener("selectionchange", readSelection);
