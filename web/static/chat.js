// Chat page: posts the question to /api/ask and renders the cited answer with textContent only.
(function () {
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const log = document.getElementById("log");

  function el(tag, cls, text) {
    const node = document.createElement(tag);
    if (cls) node.className = cls;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function render(data) {
    const urgent = data.safety === "emergency" || data.safety === "crisis";
    const kind = urgent ? " safety " + data.safety : data.safety ? " advice" : data.abstained ? " abstain" : "";
    const box = el("div", "msg bot" + kind);
    if (urgent) box.setAttribute("role", "alert");
    if (data.message) box.appendChild(el("p", "message", data.message));
    if (data.answer.length > 0) {
      const p = el("p");
      let list = null;
      data.answer.forEach(function (s) {
        const target = s.list_item ? (list = list || p.appendChild(el("ul"))).appendChild(el("li")) : p;
        if (!s.list_item) list = null;
        target.appendChild(document.createTextNode(s.text + " "));
        const sup = el("sup");
        const a = el("a", "", "[" + s.citation + "]");
        a.href = "#src-" + s.citation;
        sup.appendChild(a);
        target.appendChild(sup);
        if (!s.list_item) target.appendChild(document.createTextNode(" "));
      });
      box.appendChild(p);
      const ol = el("ol", "sources");
      data.citations.forEach(function (c) {
        const li = el("li");
        li.id = "src-" + c.n;
        li.value = c.n;
        const a = el("a", "", c.title);
        if (c.url) a.href = c.url;
        li.appendChild(a);
        li.appendChild(document.createTextNode(" — " + c.section));
        if (c.last_reviewed) li.appendChild(document.createTextNode(" (reviewed " + c.last_reviewed + ")"));
        ol.appendChild(li);
      });
      box.appendChild(ol);
    }
    if (data.notice) box.appendChild(el("p", "notice", data.notice));
    log.appendChild(box);
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    const question = input.value.trim();
    if (!question) return;
    log.appendChild(el("div", "msg user", question));
    input.value = "";
    try {
      const response = await fetch("/api/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question: question }),
      });
      const data = await response.json();
      if (!response.ok) throw new Error(data.detail || "Something went wrong.");
      render(data);
    } catch (err) {
      log.appendChild(el("div", "msg bot abstain", "Sorry, something went wrong: " + err.message));
    }
    input.focus();
  });
})();
