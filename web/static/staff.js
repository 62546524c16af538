// Staff lookup. "Copy with citation" copies a whole section as the server wrote it in data-copy
// (paragraphs apart by a blank line, list items as "- item" lines, a blank line, the citation:
// web/lookup.py's copy_text). "Copy selection with citation" copies the text selected inside that
// section (clipped to it), trimmed, a blank line and the citation (web/lookup.py's selection_copy).
// The clipboard API first; else a hidden textarea and execCommand("copy"); else the text is shown
// selected for Ctrl+C. Text is only ever set with .value/.textContent.
(function () {
  "use strict";
  const status = document.getElementById("copy-status");
  const texts = Array.from(document.querySelectorAll(".section-text"));
  let lastRange = null; // the last selection inside a section (a tap on a button may clear it)

  function say(text) {
    if (status) status.textContent = text;
  }

  function selectionCopy(selected, citation) {
    return selected.trim() + "\n\n" + citation;
  }

  function execCopy(text) {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.setAttribute("aria-hidden", "true");
    area.className = "offscreen";
    document.body.appendChild(area);
    area.select();
    let copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (err) {
      copied = false;
    }
    area.remove();
    return copied;
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch (err) {
      return execCopy(text); // no clipboard API (an http:// origin) or no permission
    }
  }

  function showForCtrlC(button, text) {
    const actions = button.closest(".actions");
    let area = actions.parentNode.querySelector("textarea.copy-fallback");
    if (!area) {
      area = document.createElement("textarea");
      area.className = "copy-fallback";
      area.setAttribute("readonly", "");
      area.setAttribute("aria-label", "Text to copy");
      actions.after(area);
    }
    area.value = text;
    area.focus();
    area.select();
    say("Could not reach the clipboard: the text is selected below, press Ctrl+C to copy it.");
  }

  function done(button, message) {
    say(message);
    if (!button.dataset.label) button.dataset.label = button.textContent;
    button.textContent = "Copied";
    clearTimeout(button.restore);
    button.restore = setTimeout(function () { button.textContent = button.dataset.label; }, 2500);
  }

  function selectedIn(container) {
    const selection = window.getSelection();
    let range = selection.rangeCount && !selection.isCollapsed ? selection.getRangeAt(0) : null;
    if (!range || !range.intersectsNode(container)) {
      range = lastRange && lastRange.intersectsNode(container) ? lastRange : null;
    }
    if (!range) return "";
    const whole = document.createRange();
    whole.selectNodeContents(container);
    const clipped = range.cloneRange();
    if (clipped.compareBoundaryPoints(Range.START_TO_START, whole) < 0) {
      clipped.setStart(whole.startContainer, whole.startOffset);
    }
    if (clipped.compareBoundaryPoints(Range.END_TO_END, whole) > 0) {
      clipped.setEnd(whole.endContainer, whole.endOffset);
    }
    // Read it through the selection: the text as the page shows it (a line per list item), and
    // what is copied stays selected on screen.
    selection.removeAllRanges();
    selection.addRange(clipped);
    return selection.toString();
  }

  document.addEventListener("selectionchange", function () {
    const selection = window.getSelection();
    if (!selection.rangeCount || selection.isCollapsed) return;
    const range = selection.getRangeAt(0);
    if (texts.some(function (t) { return range.intersectsNode(t); })) lastRange = range.cloneRange();
  });

  document.querySelectorAll(".copy-hint").forEach(function (hint) { hint.hidden = false; });

  document.querySelectorAll("button.copy").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", async function () {
      const text = button.getAttribute("data-copy");
      if (await copy(text)) done(button, "Copied the section with its citation.");
      else showForCtrlC(button, text);
    });
  });

  document.querySelectorAll("button.copy-selection").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", async function () {
      const container = document.getElementById(button.getAttribute("data-text"));
      const selected = selectedIn(container);
      if (!selected.trim()) {
        say("Select some text of this section first, then press Copy selection with citation.");
        return;
      }
      const text = selectionCopy(selected, button.getAttribute("data-citation"));
      if (await copy(text)) done(button, "Copied the selected text with its citation.");
      else showForCtrlC(button, text);
    });
  });
})();
