"use strict";
// The fzlint page: upload → one tab per file → outline, filters, one card per finding, the text.
// Every value from the server is put in with textContent (never as HTML).
(function () {
  const $ = (id) => document.getElementById(id);
  const SHOWN_PER_RULE = 3, GROUP_FROM = 10;
  let batch = null, current = null, expanded = new Set(), active = null;

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function say(message, isError) {
    const s = $("status");
    s.textContent = message || "";
    s.className = "status" + (isError ? " error" : "");
    s.setAttribute("role", isError ? "alert" : "status");
  }

  async function upload(files) {
    if (!files || !files.length) return;
    const form = new FormData();
    for (const f of files) form.append("files", f, f.name);
    say("正在检查 " + files.length + " 个文件……");
    let data;
    try {
      const response = await fetch("/api/check", { method: "POST", body: form });
      data = await response.json();
      if (!response.ok) { say(data.error || "检查失败，请重试。", true); return; }
    } catch (err) {
      say("无法连接到 fzlint（检查窗口是否已关闭），请重新运行 fzlint serve。", true);
      return;
    }
    batch = data;
    const unreadable = data.files.filter((f) => f.error).length;
    say("已检查 " + data.files.length + " 个文件" + (unreadable ? "，其中 " + unreadable + " 个无法读取" : "") + "。", false);
    renderTabs();
    show(0);
  }

  function renderTabs() {
    const tabs = $("tabs");
    tabs.replaceChildren();
    batch.files.forEach((f, i) => {
      const t = el("button", "tab");
      t.type = "button";
      t.setAttribute("role", "tab");
      t.append(el("span", "", f.name + " "));
      if (f.error) t.append(el("span", "bad", "无法读取"));
      else if (f.counts.error) t.append(el("span", "bad", "错误 " + f.counts.error));
      else t.append(el("span", "ok", f.findings.length ? "问题 " + f.findings.length : "未发现问题"));
      t.addEventListener("click", () => show(i));
      tabs.append(t);
    });
    const several = Object.keys(batch.reports || {}).length > 0;
    $("batch").hidden = !several;
    if (several) { $("xlsx").href = batch.reports.xlsx; $("html").href = batch.reports.html; }
  }

  function show(i) {
    current = batch.files[i];
    expanded = new Set();
    active = null;
    [...$("tabs").children].forEach((t, k) => t.setAttribute("aria-selected", k === i ? "true" : "false"));
    $("report").hidden = false;
    renderFacts();
    if (current.error) {
      for (const id of ["outline", "cards", "text"]) $(id).replaceChildren();
      $("shown").textContent = "";
      return;
    }
    renderOutline();
    renderParts();
    renderCards();
    renderText();
  }

  function renderFacts() {
    const box = $("facts");
    box.replaceChildren(el("h2", "", current.name));
    for (const id of ["annotated", "tracked"]) $(id).setAttribute("aria-disabled", current.error ? "true" : "false");
    if (current.error) { box.append(el("p", "missing", "无法检查：" + current.error)); return; }
    $("annotated").href = current.annotated;
    $("tracked").href = current.annotated + "?track=1";
    box.append(el("p", "", current.title ? "标题：" + current.title : "标题：未识别"));
    box.append(el("p", "", (current.year ? current.year + "年度" : "年度未识别") + " · " + (current.issuer || "报告主体未识别")));
    box.append(el("p", current.missing.length ? "missing" : "", current.missing.length ? "缺少部分：" + current.missing.join("、") : "四个必备部分齐全"));
    box.append(el("p", "meta", "错误 " + current.counts.error + "，警告 " + current.counts.warning + "，提示 " + current.counts.info));
  }

  function renderOutline() {
    const list = $("outline");
    list.replaceChildren();
    if (!current.outline.length) list.append(el("li", "meta", "未识别出“一、（一）”式的标题"));
    for (const h of current.outline) {
      const li = el("li");
      li.style.paddingLeft = (h.depth * 1.1) + "em";
      li.append(el("span", "", h.label), el("span", "meta", " " + h.where));
      if (h.part) li.append(el("span", "part", "← " + h.part));
      li.addEventListener("click", () => focusLine(h.line));
      list.append(li);
    }
  }

  function renderParts() {
    const select = $("part");
    const labels = [...new Set(current.findings.map((f) => f.part_label))];
    select.replaceChildren(new Option("全部", "*"), ...labels.map((l) => new Option(l, l)));
  }

  function filters() {
    const sev = new Set([...document.querySelectorAll("input[name=sev]:checked")].map((c) => c.value));
    return { sev, part: $("part").value };
  }

  function renderCards() {
    const { sev, part } = filters();
    const cards = $("cards");
    cards.replaceChildren();
    for (const s of ["error", "warning", "info"]) $("n-" + s).textContent = current.counts[s];
    const perRule = {}, total = {};
    const chosen = current.findings.filter((f) => sev.has(f.severity) && (part === "*" || f.part_label === part));
    chosen.forEach((f) => { total[f.rule] = (total[f.rule] || 0) + 1; });
    let shown = 0;
    for (const f of chosen) {
      perRule[f.rule] = (perRule[f.rule] || 0) + 1;
      const grouped = total[f.rule] >= GROUP_FROM && !expanded.has(f.rule);
      if (grouped && perRule[f.rule] > SHOWN_PER_RULE) {
        if (perRule[f.rule] === SHOWN_PER_RULE + 1) cards.append(moreButton(f.rule, total[f.rule] - SHOWN_PER_RULE));
        continue;
      }
      cards.append(card(f));
      shown += 1;
    }
    $("shown").textContent = chosen.length ? "显示 " + chosen.length + " 个问题" : (current.findings.length ? "没有符合筛选条件的问题" : "未发现问题");
    if (!shown && !chosen.length) cards.append(el("p", "meta", current.findings.length ? "" : "这份报告未发现问题。"));
  }

  function moreButton(rule, n) {
    const b = el("button", "more", "展开其余 " + n + " 处（" + rule + "）");
    b.type = "button";
    b.addEventListener("click", () => { expanded.add(rule); renderCards(); });
    return b;
  }

  function card(f) {
    const c = el("article", "card sev-" + f.severity);
    c.tabIndex = 0;
    c.dataset.id = f.id;
    const head = el("div", "head");
    head.append(el("span", "lvl", f.level), el("span", "rule", f.rule), el("span", "where", f.place));
    c.append(head);
    const change = el("p", "change");
    change.append("原文：", el("span", "orig", f.original || "（此处）"));
    if (f.suggestion !== null && f.suggestion !== undefined) change.append(" → 建议：", el("span", "sugg", f.suggestion || "（删除）"));
    c.append(change, el("p", "msg", f.message));
    c.append(el("p", "why", f.title + (f.authority ? "；依据：" + f.authority : "")));
    const pick = () => select(f, c);
    c.addEventListener("click", pick);
    c.addEventListener("keydown", (e) => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); pick(); } });
    if (active === f.id) c.classList.add("active");
    return c;
  }

  function renderText() {
    const box = $("text");
    box.replaceChildren();
    current.lines.forEach((line, n) => box.append(lineRow(n, line)));
  }

  function lineRow(n, line) {
    const row = el("div", "ln");
    row.id = "ln" + n;
    row.append(el("span", "no", current.numbers[n]), el("span", "tx", line));
    return row;
  }

  function reveal(node) {
    // scroll the text pane only: the page itself (upload area, tabs) stays where the reader left it
    const pane = document.querySelector(".text-pane");
    const top = node.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop;
    pane.scrollTop = Math.max(0, top - pane.clientHeight / 2);
  }

  function select(f, c) {
    document.querySelectorAll(".card.active").forEach((x) => x.classList.remove("active"));
    c.classList.add("active");
    active = f.id;
    renderText();
    const [l1, c1] = f.from, [l2, c2] = f.to;
    let first = null;
    for (let n = l1; n <= l2 && n < current.lines.length; n++) {
      const line = current.lines[n];
      const a = n === l1 ? c1 : 0, b = n === l2 ? c2 : line.length;
      const row = $("ln" + n), tx = row.querySelector(".tx");
      const mark = el("mark", a === b ? "point" : "", line.slice(a, b));
      tx.replaceChildren(line.slice(0, a), mark, line.slice(b));
      row.classList.add("hit");
      first = first || mark;
    }
    if (first) reveal(first);
  }

  function focusLine(n) {
    const row = $("ln" + n);
    if (row) { reveal(row); row.classList.add("hit"); }
  }

  const input = $("file"), drop = $("drop");
  $("choose").addEventListener("click", () => input.click());
  input.addEventListener("change", () => { upload([...input.files]); input.value = ""; });
  drop.addEventListener("keydown", (e) => { if (e.key === "Enter") input.click(); });
  for (const type of ["dragenter", "dragover"]) drop.addEventListener(type, (e) => { e.preventDefault(); drop.classList.add("over"); });
  for (const type of ["dragleave", "drop"]) drop.addEventListener(type, () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); upload([...e.dataTransfer.files]); });
  window.addEventListener("dragover", (e) => e.preventDefault());
  window.addEventListener("drop", (e) => e.preventDefault());
  document.querySelectorAll("input[name=sev]").forEach((c) => c.addEventListener("change", renderCards));
  $("part").addEventListener("change", renderCards);
})();
