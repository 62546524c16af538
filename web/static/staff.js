// Staff lookup: "Copy with citation" puts the passage and its formatted citation on the clipboard.
(function () {
  "use strict";
  const status = document.getElementById("copy-status");

  function say(text) {
    if (status) status.textContent = text;
  }

  document.querySelectorAll("button.copy").forEach(function (button) {
    button.addEventListener("click", async function () {
      const text = button.getAttribute("data-copy");
      try {
        await navigator.clipboard.writeText(text);
        say("Copied the passage with its citation.");
        button.textContent = "Copied";
      } catch (err) {
        // No clipboard access (e.g. a non-secure origin): select the citation so Ctrl+C copies it.
        const citation = button.closest(".result").querySelector(".citation");
        const range = document.createRange();
        range.selectNodeContents(citation);
        const selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
        say("Could not reach the clipboard: the citation is selected, press Ctrl+C to copy it.");
      }
    });
  });
})();
