// Chat page: asks through /api/ask and renders cited answers with textContent only (never innerHTML).
// The layout mirrors templates/_answer.html, which the server renders when JavaScript is off.
// The conversation is kept in this tab's sessionStorage (never sent anywhere; "Clear conversation"
// empties it), so it survives a visit to a source and the Back button. On wide screens a source
// opens in a panel beside the chat (our own /doc page's article, parsed, never run as script).
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
  const EASY_GRADE = 8;
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
    node.appendChild(phoneNodes(text));
    return node;
  }

  // The text as nodes: plain runs, and each phone number a tel: link with an accessible name.
  function phoneNodes(text) {
    const node = document.createDocumentFragment();
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

  // The same headings for a reply in Spanish (an emergency, crisis, urgent or personal-advice
  // message written in Spanish); the reply itself is in Spanish too.
  const SPANISH_LABELS = { urgent: "Llame ahora a su equipo de atención", advice: "Sobre su situación personal" };

  function spanishLabel(kind) {
    if (kind.indexOf("safety") === 0) return "Busque ayuda ahora";
    return SPANISH_LABELS[kind] || "Ayuda en español";
  }

  function label(kind) {
    if (kind.indexOf("safety") === 0) return "Please get help now";
    if (kind === "urgent") return "Call your care team now";
    if (kind === "advice") return "About your own situation";
    if (kind === "abstain") return "No answer in the sources";
    return "Answer";
  }

  // One marker for a run of sentences from the same section: "[1–3]", linking to the first quote.
  function cite(citations, run) {
    const sup = el("sup");
    const a = el("a", { class: "cite", href: sourceHref(citations, run[0]) });
    a.appendChild(el("span", { class: "visually-hidden" }, "Source "));
    a.appendChild(document.createTextNode("[" + numberLabel(run) + "]"));
    sup.appendChild(a);
    return sup;
  }

  // As web/answer_view.py _groups: consecutive sentences quoted from one section share one marker,
  // after the last of them (the API keeps one citation per sentence; this is display only).
  // As web/answer_view.py words_explained: the answer's glossary as a list, and where each word is
  // first used, by part ("main" or its number) and sentence: [start, end, number, definition].
  function wordsExplained(data) {
    const words = [];
    const where = {};
    (Array.isArray(data.glossary) ? data.glossary : []).forEach(function (item) {
      const first = (item.occurs || [])[0];
      if (!first) return;
      const part = first.part === null || first.part === undefined ? "main" : String(first.part);
      where[part] = where[part] || {};
      (where[part][first.sentence] = where[part][first.sentence] || []).push(
        [first.start, first.end, words.length, item.definition]);
      words.push({ term: item.term, definition: item.definition, title: item.title,
        href: "/doc/" + encodeURIComponent(item.doc) + "?hl=" + item.start + "-" + item.end + "#q-" + item.start });
    });
    return { words: words, where: where };
  }

  // The sentence's text with each explained word a button that shows its meaning in place (and on
  // hover, as a tooltip); the rest as phone-aware text.
  function textWithTerms(text, spans, k) {
    const node = document.createDocumentFragment();
    let at = 0;
    (spans || []).slice().sort(function (a, b) { return a[0] - b[0]; }).forEach(function (t) {
      if (t[0] < at) return;
      node.appendChild(phoneNodes(text.slice(at, t[0])));
      const id = "a" + k + "-tip-" + t[2];
      const b = el("button", { type: "button", class: "term", "aria-expanded": "false", "aria-controls": id, title: t[3] },
        text.slice(t[0], t[1]));
      const tip = el("span", { class: "term-tip", id: id, hidden: "" }, t[3]);
      b.addEventListener("click", function () {
        const open = b.getAttribute("aria-expanded") !== "true";
        b.setAttribute("aria-expanded", String(open));
        tip.hidden = !open;
      });
      node.appendChild(b);
      node.appendChild(tip);
      at = t[1];
    });
    node.appendChild(phoneNodes(text.slice(at)));
    return node;
  }

  function renderWords(box, words, k) {
    if (words.length === 0) return;
    const details = box.appendChild(el("details", { class: "words" }));
    details.appendChild(el("summary", {}, "Words explained (" + words.length + ")"));
    const dl = details.appendChild(el("dl"));
    words.forEach(function (w, i) {
      dl.appendChild(el("dt", { id: "a" + k + "-w-" + i }, w.term));
      const dd = dl.appendChild(el("dd", {}, w.definition + " "));
      dd.appendChild(el("a", { class: "from", href: w.href }, "From: " + w.title));
    });
  }

  function renderSentences(box, sentences, citations, terms, k) {
    const section = {};
    citations.forEach(function (c) { section[c.n] = c.doc + "|" + c.section; });
    let group = null;
    let isList = null;
    let run = [];
    sentences.forEach(function (s, i) {
      const item = Boolean(s.list_item);
      if (group === null || isList !== item) {
        group = box.appendChild(item ? el("ul", { class: "answer-list" }) : el("p", { class: "answer-text" }));
        isList = item;
      }
      const target = item ? group.appendChild(el("li")) : group;
      target.appendChild(textWithTerms(s.text, (terms || {})[i], k));
      run.push(s.citation);
      const next = sentences[i + 1];
      if (!next || section[next.citation] !== section[s.citation]) {
        target.appendChild(cite(citations, run));
        run = [];
      }
      if (!item) target.appendChild(document.createTextNode(" "));
    });
  }

  // The message's other questions, each under its own heading (as templates/_answer.html).
  function renderParts(box, data, k, where) {
    (data.parts || []).forEach(function (part, i) {
      const id = "a" + k + "-part" + (i + 1);
      const section = box.appendChild(el("section", { class: "part", "aria-labelledby": id }));
      section.appendChild(el("h3", { class: "part-label", id: id }, "You also asked: “" + part.question + "”"));
      renderSentences(section, part.answer, data.citations, where[String(i)], k);
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
    if (typeof data.reading_grade === "number") {  // as web/answer_view.py reading_level
      const grade = "US school grade " + data.reading_grade.toFixed(1);
      const words = data.reading_grade <= EASY_GRADE ? "Easy to read" : "Some medical words";
      const span = p.appendChild(el("span", { class: "grade", title: "Reading level: " + grade }, words));
      span.appendChild(el("span", { class: "visually-hidden" }, " (reading level: " + grade + ")"));
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
    const heading = box.appendChild(el("h2", { id: "a" + k + "-label", class: "answer-label" }));
    const spanish = data.message_lang === "es";
    if (spanish) heading.appendChild(el("span", { lang: "es" }, spanishLabel(kind)));
    else heading.textContent = label(kind);
    if (data.safety === CARE_TEAM_NOW) {
      const alertBox = box.appendChild(el("div", { class: "care-now", role: "alert" }));
      alertBox.appendChild(phoneText("p", spanish ? { class: "message", lang: "es" } : { class: "message" }, data.message || ""));
      if (data.answer.length > 0) box.appendChild(el("h3", { class: "info-label" }, "General information"));
    } else if (data.message) {
      const attrs = { class: "message" };
      if (typeof data.message_lang === "string" && /^[a-z]{2}$/.test(data.message_lang) && data.message_lang !== "en") {
        attrs.lang = data.message_lang;  // a reply in Spanish is read out in Spanish
      }
      box.appendChild(phoneText("p", attrs, data.message));
    }
    if (data.understood_as) box.appendChild(el("p", { class: "understood" }, "Answering: “" + data.understood_as + "”"));
    const explained = wordsExplained(data);
    renderSentences(box, data.answer, data.citations, explained.where.main, k);
    renderParts(box, data, k, explained.where);
    renderWords(box, explained.words, k);
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

  function showUser(question) {
    log.appendChild(el("div", { class: "msg user" })).append(el("span", { class: "visually-hidden" }, "You asked: "), question);
  }

  // Where the first keyboard stop of a reply is: the call link of an emergency, crisis or urgent box.
  function callLink(box, data) {
    if (URGENT.indexOf(data.safety) < 0 && data.safety !== CARE_TEAM_NOW) return null;
    return box.querySelector("a.tel");
  }

  async function ask(question) {
    question = question.trim();
    if (!question) return;
    showUser(question);
    input.value = "";
    button.disabled = true;
    log.setAttribute("aria-busy", "true");
    busy.textContent = "Looking in the trusted sources…";
    let box;
    let call = null;
    try {
      const response = await fetch("/api/ask", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ question: question, previous: previousField.value || null }),
      });
      const data = await response.json();
      if (!response.ok) throw new Error(typeof data.detail === "string" ? data.detail : "Something went wrong.");
      box = render(data, question);
      call = callLink(box, data);
      previousField.value = URGENT.indexOf(data.safety) >= 0 ? "" : data.understood_as || question;
      conversation.push({ question: question, data: data });
      keep();
    } catch (err) {
      box = log.appendChild(el("div", { class: "msg bot abstain" }, "Sorry, something went wrong: " + err.message));
    } finally {
      busy.textContent = "";
      log.removeAttribute("aria-busy");
      button.disabled = false;
    }
    box.scrollIntoView({ block: "start" });
    if (call) call.focus({ preventScroll: true });
    else input.focus({ preventScroll: true });
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

  // ---- The conversation, kept for this tab only ----
  const STORE = "cancer-qa:conversation";
  const RETURN = "cancer-qa:return";
  const MAX_TURNS = 40;
  const banner = document.getElementById("banner");
  let conversation = [];
  const clearWrap = el("p", { class: "clear-row", hidden: "" });
  const clear = clearWrap.appendChild(el("button", { type: "button", class: "secondary", id: "clear" }, "Clear conversation"));
  clearWrap.appendChild(el("span", { class: "hint" }, " Your conversation stays in this browser tab only."));
  form.parentNode.insertBefore(clearWrap, form);

  function keep() {
    try {
      sessionStorage.setItem(STORE, JSON.stringify({ turns: conversation.slice(-MAX_TURNS), previous: previousField.value }));
    } catch (err) {
      // Storage full or switched off: the conversation is simply not kept.
    }
    showState();
  }

  function showState() {
    const any = log.querySelector(".msg") !== null;
    clearWrap.hidden = !any;
    if (banner) banner.hidden = any;
  }

  function restore() {
    let saved = null;
    try {
      saved = JSON.parse(sessionStorage.getItem(STORE) || "null");
    } catch (err) {
      saved = null;
    }
    if (!saved || !Array.isArray(saved.turns) || log.querySelector(".msg")) return;
    saved.turns.forEach(function (t) {
      if (!t || typeof t.question !== "string" || !t.data || !Array.isArray(t.data.answer)) return;
      showUser(t.question);
      const box = render(t.data, t.question);
      [box].concat(Array.from(box.querySelectorAll("[role='alert']"))).forEach(function (n) {
        n.removeAttribute("role");  // an old reply shown again is not a new alert
      });
      conversation.push(t);
    });
    previousField.value = typeof saved.previous === "string" ? saved.previous : "";
  }

  clear.addEventListener("click", function () {
    try { sessionStorage.removeItem(STORE); } catch (err) { /* nothing kept */ }
    conversation = [];
    log.replaceChildren();
    turns = 0;
    previousField.value = "";
    closePanel(false);
    showState();
    busy.textContent = "Conversation cleared.";
    input.focus();
  });

  // ---- Sources: beside the chat on wide screens; elsewhere the page, and back to the same place ----
  const wide = window.matchMedia("(min-width: 72rem)");
  const panel = el("aside", { id: "source-panel", class: "source-panel", "aria-labelledby": "source-panel-title", hidden: "" });
  const panelHead = panel.appendChild(el("div", { class: "panel-head" }));
  const panelTitle = panelHead.appendChild(el("h2", { id: "source-panel-title", tabindex: "-1" }, "Source"));
  const closeButton = panelHead.appendChild(el("button", { type: "button", class: "secondary" }, "Close source"));
  const panelBody = panel.appendChild(el("div", { class: "panel-body" }));
  document.body.appendChild(panel);
  let opener = null;

  async function openPanel(link, push) {
    const href = link.getAttribute("href");
    const response = await fetch(href, { headers: { Accept: "text/html" } });
    if (!response.ok) throw new Error("source not available");
    const page = new DOMParser().parseFromString(await response.text(), "text/html");
    const article = page.querySelector("article.source-doc");
    if (!article) throw new Error("source not available");
    article.querySelectorAll("h1").forEach(function (h) {  // the panel's own heading names it
      panelTitle.textContent = "Source: " + h.textContent;
      h.remove();
    });
    panelBody.replaceChildren(document.importNode(article, true));
    panel.hidden = false;
    document.body.classList.add("with-source");
    opener = link;
    if (push) history.pushState({ panel: href }, "", "#source");
    const hash = href.split("#")[1];
    const target = hash ? panelBody.querySelector("[id='" + hash.replace(/'/g, "") + "']") : null;
    if (target) target.scrollIntoView({ block: "center" });
    panelTitle.focus({ preventScroll: true });
  }

  function closePanel(viaHistory) {
    if (panel.hidden) return;
    panel.hidden = true;
    panelBody.replaceChildren();
    document.body.classList.remove("with-source");
    if (!viaHistory && history.state && history.state.panel) history.back();
    if (opener && document.body.contains(opener)) opener.focus();
    opener = null;
  }

  closeButton.addEventListener("click", function () { closePanel(false); });
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") closePanel(false);
  });
  window.addEventListener("popstate", function () { closePanel(true); });

  log.addEventListener("click", function (event) {
    const link = event.target.closest ? event.target.closest("a[href^='/doc/']") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    if (wide.matches) {
      event.preventDefault();
      openPanel(link, panel.hidden).catch(function () { window.location.href = link.href; });
      return;
    }
    try {  // a phone: the source page itself; back here, the conversation scrolls to where it was
      sessionStorage.setItem(RETURN, JSON.stringify({ y: window.scrollY }));
    } catch (err) { /* not kept */ }
  });

  restore();
  showState();
  try {
    const back = JSON.parse(sessionStorage.getItem(RETURN) || "null");
    sessionStorage.removeItem(RETURN);
    if (back && typeof back.y === "number") window.scrollTo(0, back.y);
  } catch (err) { /* nothing to return to */ }
})();
