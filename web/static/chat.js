// Chat page: asks through /api/ask and renders cited answers with textContent only (never innerHTML).
// The layout mirrors templates/_answer.html, which the server renders when JavaScript is off.
(function () {
  "use strict";
  const form = document.getElementById("ask");
  const input = document.getElementById("question");
  const previousField = document.getElementById("previous");
  const button = document.getElementById("ask-button");
  const log = document.getElementById("log");
  const busy = document.getElementById("busy");
  const URGENT = ["emergency", "crisis"];
  const CARE_TEAM_NOW = "urgent";
  // Same numbers, links and names as web/answer_view.py phone_segments.
  const PHONES = [
    [/1-800-4-CANCER \(1-800-422-6237\)|1-800-4-CANCER|1-800-422-6237/g, "tel:+18004226237",
      "Call NCI's Cancer Information Service, 1-800-422-6237"],
    [/\b911\b/g, "tel:911", "Call 911"],
    [/\b988\b(?!lifeline)/g, "tel:988", "Call or text 988, the Suicide and Crisis Lifeline"],
  ];
  let turns = log.querySelectorAll(".msg.bot").length;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      node.setAttribute(name, attrs[name]);
    });
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function isHttpUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url);
  }

  // Same link as web/answer_view.py: every quote of the page highlighted, scrolled to quote n.
  function sourceHref(citations, n) {
    const cited = citations.find(function (c) { return c.n === n; });
    const seen = {};
    const ranges = citations
      .filter(function (c) { return c.doc === cited.doc; })
      .map(function (c) { return [c.start, c.end]; })
      .filter(function (r) { const key = r.join("-"); if (seen[key]) return false; seen[key] = true; return true; })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    const query = ranges.map(function (r) { return "hl=" + r[0] + "-" + r[1]; }).join("&");
    return "/doc/" + encodeURIComponent(cited.doc) + "?" + query + "#q-" + cited.start;
  }

  // A paragraph whose phone numbers are tel: links with an accessible name.
  function phoneText(tag, attrs, text) {
    const node = el(tag, attrs);
    const found = [];
    PHONES.forEach(function (p) {
      let m;
      p[0].lastIndex = 0;
      while ((m = p[0].exec(text)) !== null) found.push([m.index, m.index + m[0].length, p[1], p[2]]);
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    let at = 0;
    found.forEach(function (f) {
      if (f[0] < at) return;
      if (f[0] > at) node.appendChild(document.createTextNode(text.slice(at, f[0])));
      node.appendChild(el("a", { class: "tel", href: f[2], "aria-label": f[3] }, text.slice(f[0], f[1])));
      at = f[1];
    });
    if (at < text.length) node.appendChild(document.createTextNode(text.slice(at)));
    return node;
  }

  function replyKind(data) {
    if (URGENT.indexOf(data.safety) >= 0) return "safety " + data.safety;
    if (data.safety === CARE_TEAM_NOW) return "urgent";
    if (data.safety) return "advice";
    return data.abstained ? "abstain" : "answered";
  }

  function label(kind) {
    if (kind.indexOf("safety") === 0) return "Please get help now";
    if (kind === "urgent") return "Call your care team now";
    if (kind === "advice") return "About your own situation";
    if (kind === "abstain") return "No answer in the sources";
    return "Answer";
  }

  function cite(citations, n) {
    const sup = el("sup");
    const a = el("a", { class: "cite", href: sourceHref(citations, n) });
    a.appendChild(el("span", { class: "visually-hidden" }, "Source "));
    a.appendChild(document.createTextNode("[" + n + "]"));
    sup.appendChild(a);
    return sup;
  }

  function renderSentences(box, sentences, citations) {
    let group = null;
    let isList = null;
    sentences.forEach(function (s) {
      const item = Boolean(s.list_item);
      if (group === null || isList !== item) {
        group = box.appendChild(item ? el("ul", { class: "answer-list" }) : el("p", { class: "answer-text" }));
        isList = item;
      }
      const target = item ? group.appendChild(el("li")) : group;
      target.appendChild(document.createTextNode(s.text));
      target.appendChild(cite(citations, s.citation));
      if (!item) target.appendChild(document.createTextNode(" "));
    });
  }

  // The message's other questions, each under its own heading (as templates/_answer.html).
  function renderParts(box, data, k) {
    (data.parts || []).forEach(function (part, i) {
      const id = "a" + k + "-part" + (i + 1);
      const section = box.appendChild(el("section", { class: "part", "aria-labelledby": id }));
      section.appendChild(el("h3", { class: "part-label", id: id }, "You also asked: “" + part.question + "”"));
      renderSentences(section, part.answer, data.citations);
      if (typeof part.read_more === "string" && part.read_more.indexOf("/doc/") === 0) {
        const p = section.appendChild(el("p", { class: "more" }));
        if (part.more_in_section === true) {
          p.appendChild(el("span", { class: "cut" }, "This part is shortened: the full section has more. "));
        }
        p.appendChild(el("a", { href: part.read_more }, "Read the full section"));
      }
    });
  }

  // Same as web/answer_view.py number_label: [1, 2, 3, 5] -> "1–3, 5".
  function numberLabel(numbers) {
    const runs = [];
    numbers.slice().sort(function (a, b) { return a - b; }).forEach(function (n) {
      const last = runs[runs.length - 1];
      if (last && n === last[last.length - 1] + 1) last.push(n); else runs.push([n]);
    });
    return runs.map(function (r) { return r.length === 1 ? String(r[0]) : r[0] + "–" + r[r.length - 1]; }).join(", ");
  }

  // One entry per cited (document, section), with the citation numbers it covers.
  function sourceEntries(citations) {
    const entries = [];
    const byKey = {};
    citations.forEach(function (c) {
      const key = c.doc + "|" + c.section;
      if (!byKey[key]) {
        byKey[key] = { c: c, numbers: [] };
        entries.push(byKey[key]);
      }
      byKey[key].numbers.push(c.n);
    });
    return entries;
  }

  function renderSources(box, data, k) {
    box.appendChild(el("h3", { class: "sources-label", id: "a" + k + "-sources" }, "Sources"));
    const ul = el("ul", { class: "sources", "aria-labelledby": "a" + k + "-sources" });
    sourceEntries(data.citations).forEach(function (e) {
      const c = e.c;
      const li = el("li", { id: "a" + k + "-src-" + c.n });
      li.appendChild(el("span", { class: "nums" }, "[" + numberLabel(e.numbers) + "]"));
      li.appendChild(document.createTextNode(" "));
      const entry = li.appendChild(el("span", { class: "entry" }));
      entry.appendChild(el("a", { href: sourceHref(data.citations, c.n) }, c.title));
      entry.appendChild(document.createTextNode(" "));
      entry.appendChild(el("span", { class: "section" }, c.section));
      const meta = (c.source || "Source not stated") + (c.last_reviewed ? " · reviewed " + c.last_reviewed : "");
      entry.appendChild(el("span", { class: "meta" }, meta));
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  // "Read the full section" (a path of our own source view only) and the answer's reading grade.
  function renderMore(box, data) {
    const more = typeof data.read_more === "string" && data.read_more.indexOf("/doc/") === 0;
    if (!more && typeof data.reading_grade !== "number") return;
    const p = el("p", { class: "more" });
    if (more && data.more_in_section === true) {
      p.appendChild(el("span", { class: "cut" }, "This answer is shortened: the full section has more. "));
    }
    if (more) p.appendChild(el("a", { href: data.read_more }, "Read the full section"));
    if (typeof data.reading_grade === "number") {
      p.appendChild(el("span", { class: "grade" }, "Reading level: US grade " + data.reading_grade.toFixed(1)));
    }
    box.appendChild(p);
  }

  function renderSuggestions(box, data, k) {
    const suggestions = (data.suggestions || []).slice(0, 3);
    if (suggestions.length === 0) return;
    // A group, not a form: each answer has its own, and forms are landmarks whose names must differ.
    const wrap = el("div", { class: "suggestions", role: "group", "aria-labelledby": "a" + k + "-more" });
    wrap.appendChild(el("h3", { id: "a" + k + "-more", class: "suggestions-label" }, "You may also want to know"));
    const ul = el("ul");
    suggestions.forEach(function (text) {
      const b = el("button", { type: "button", class: "suggestion" }, text);
      b.addEventListener("click", function () { ask(text); });
      ul.appendChild(el("li")).appendChild(b);
    });
    wrap.appendChild(ul);
    box.appendChild(wrap);
  }

  function renderFeedback(box, data, k, question) {
    const details = el("details", { class: "feedback" });
    details.appendChild(el("summary", {}, "Was this helpful? Tell us"));
    const f = el("form", { method: "post", action: "/feedback" });
    const fieldset = el("fieldset", { class: "rating" });
    fieldset.appendChild(el("legend", {}, "Was this answer helpful?"));
    [["up", "Yes", "/static/thumb-up.svg"], ["down", "No", "/static/thumb-down.svg"]].forEach(function (r) {
      const id = "a" + k + "-" + r[0];
      const radio = el("input", { type: "radio", id: id, name: "rating", value: r[0] });
      if (r[0] === "up") radio.required = true;
      const lab = el("label", { for: id });
      lab.appendChild(el("img", { src: r[2], alt: "", width: "20", height: "20" }));
      lab.appendChild(document.createTextNode(" " + r[1]));
      const choice = fieldset.appendChild(el("span", { class: "choice" }));
      choice.appendChild(radio);
      choice.appendChild(lab);
    });
    f.appendChild(fieldset);
    f.appendChild(el("label", { for: "a" + k + "-reason" }, "Why? (optional)"));
    f.appendChild(el("textarea", { id: "a" + k + "-reason", name: "reason", rows: "2", maxlength: "1000" }));
    const check = el("p", { class: "check" });
    check.appendChild(el("input", { type: "checkbox", id: "a" + k + "-share", name: "share_question", value: "yes" }));
    check.appendChild(el("label", { for: "a" + k + "-share" },
      "Share my question with the team. If you leave this unticked, your question is not saved."));
    f.appendChild(check);
    f.appendChild(el("button", { type: "submit", class: "secondary" }, "Send feedback"));
    f.addEventListener("submit", function (event) {
      event.preventDefault();
      sendFeedback(f, details, question, data.citations);
    });
    details.appendChild(f);
    box.appendChild(details);
  }

  async function sendFeedback(f, details, question, citations) {
    const share = f.elements.share_question.checked;
    const sources = sourceEntries(citations).map(function (e) { return { doc: e.c.doc, section: e.c.section }; });
    const body = {
      rating: f.elements.rating.value,
      reason: f.elements.reason.value,
      share_question: share,
      question: share ? question : null,
      sources: sources,
    };
    const old = f.querySelector(".error");
    if (old) old.remove();
    try {
      const response = await fetch("/api/feedback", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      });
      const result = await response.json();
      if (!response.ok) throw new Error(result.detail || "Something went wrong.");
      const thanks = el("p", { class: "thanks", role: "status", tabindex: "-1" },
        "Thank you. Your feedback was saved." + (result.question_stored ? " Your question was shared with the team." : ""));
      details.replaceChildren(thanks);
      details.open = true;
      thanks.focus();
    } catch (err) {
      f.appendChild(el("p", { class: "error", role: "alert" }, "Sorry, your feedback was not saved: " + err.message));
    }
  }

  function render(data, question) {
    turns += 1;
    const k = turns;
    const kind = replyKind(data);
    const urgent = URGENT.indexOf(data.safety) >= 0;
    // role="alert" is not allowed on <article>, so urgent replies are a <div>.
    const box = el(urgent ? "div" : "article", { class: "msg bot " + kind, "aria-labelledby": "a" + k + "-label" });
    if (urgent) box.setAttribute("role", "alert");
    box.appendChild(el("h2", { id: "a" + k + "-label", class: "answer-label" }, label(kind)));
    if (data.safety === CARE_TEAM_NOW) {
      const alertBox = box.appendChild(el("div", { class: "care-now", role: "alert" }));
      alertBox.appendChild(phoneText("p", { class: "message" }, data.message || ""));
      if (data.answer.length > 0) box.appendChild(el("h3", { class: "info-label" }, "General information"));
    } else if (data.message) {
      box.appendChild(phoneText("p", { class: "message" }, data.message));
    }
    if (data.understood_as) box.appendChild(el("p", { class: "understood" }, "Answering: “" + data.understood_as + "”"));
    renderSentences(box, data.answer, data.citations);
    renderParts(box, data, k);
    if (data.citations.length > 0) renderSources(box, data, k);
    renderMore(box, data);
    if (data.notice) {
      const notice = el("p", { class: "notice" });
      notice.appendChild(el("span", { class: "notice-tag" }, "Note"));
      notice.appendChild(document.createTextNode(" " + data.notice));
      box.appendChild(notice);
    }
    renderSuggestions(box, data, k);
    if (!urgent) renderFeedback(box, data, k, question);
    log.appendChild(box);
    return box;
  }

  async function ask(question) {
    question = question.trim();
    if (!question) return;
    log.appendChild(el("div", { class: "msg user" })).append(el("span", { class: "visually-hidden" }, "You asked: "), question);
    input.value = "";
    button.disabled = true;
    log.setAttribute("aria-busy", "true");
    busy.textContent = "Looking in the trusted sources…";
    let box;
    try {
      const response = await fetch("/api/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question: question, previous: previousField.value || null }),
      });
      const data = await response.json();
      if (!response.ok) throw new Error(typeof data.detail === "string" ? data.detail : "Something went wrong.");
      box = render(data, question);
      previousField.value = URGENT.indexOf(data.safety) >= 0 ? "" : data.understood_as || question;
    } catch (err) {
      box = log.appendChild(el("div", { class: "msg bot abstain" }, "Sorry, something went wrong: " + err.message));
    } finally {
      busy.textContent = "";
      log.removeAttribute("aria-busy");
      button.disabled = false;
    }
    box.scrollIntoView({ block: "start" });
    input.focus({ preventScroll: true });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    ask(input.value);
  });

  // Server-rendered suggestion buttons and feedback forms (after a no-JavaScript post) keep working.
  log.querySelectorAll("button.suggestion").forEach(function (b) {
    b.addEventListener("click", function (event) {
      event.preventDefault();
      ask(b.value);
    });
  });
})();
