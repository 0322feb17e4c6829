// The layout check of tests/journeys/layout.py, run in the page by Playwright: one function that
// returns the problems it finds as sentences. Plain DOM APIs only, so that any page can run it.
() => {
  const problems = [];
  const seen = new Set();
  const report = (key, text) => { if (!seen.has(key)) { seen.add(key); problems.push(text); } };
  const root = document.documentElement;
  const viewportWidth = root.clientWidth, viewportHeight = window.innerHeight;

  const describe = (el) => {
    if (!el || el.nodeType !== 1) return String(el);
    let name = el.tagName.toLowerCase();
    if (el.id) name += "#" + el.id;
    const classes = typeof el.className === "string" ? el.className.trim().split(/\s+/) : [];
    if (classes[0]) name += "." + classes.slice(0, 2).join(".");
    const text = (el.innerText || el.value || el.getAttribute("aria-label") || "").trim();
    return text ? `${name} «${text.replace(/\s+/g, " ").slice(0, 40)}»` : name;
  };

  // Hidden on purpose: not rendered, clipped to a pixel (visually-hidden text for screen
  // readers), or placed above or left of the page where no scrolling reaches (a skip link
  // waiting for keyboard focus).
  const hiddenByDesign = (el) => {
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return true;
    for (let node = el; node && node !== root; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.clip.startsWith("rect") || style.clipPath !== "none") return true;
      if (node.getAttribute("aria-hidden") === "true" && node.closest("svg") === null) return true;
    }
    const box = el.getBoundingClientRect();
    return box.right + window.scrollX <= 0 || box.bottom + window.scrollY <= 0;
  };

  // A stretched link (`a::after { position: absolute; inset: 0 }`) may lie over its own card:
  // the text under it is readable and a click there goes where the card says. It must never
  // lie over anything outside that card, and a card is a positioned box, not the page itself.
  const stretchedOver = (hit, el) => {
    const link = hit.closest("a");
    if (!link || getComputedStyle(link, "::after").position !== "absolute") return false;
    let card = link.parentElement;
    while (card && getComputedStyle(card).position === "static") card = card.parentElement;
    return card && card !== document.body && card !== root && card.contains(el);
  };

  // A box a person sees: a background or a border.
  const paints = (el) => {
    const style = getComputedStyle(el);
    return style.backgroundColor !== "rgba(0, 0, 0, 0)" || style.backgroundImage !== "none" ||
      ["Top", "Right", "Bottom", "Left"].some((side) => parseFloat(style[`border${side}Width`]) > 0 &&
        style[`border${side}Style`] !== "none");
  };

  // Scroll (vertically only: a page that needs sideways scrolling is reported as overflow)
  // so that the band [top, bottom] in document coordinates is on screen; returns the scroll.
  const bringIntoView = (top, bottom) => {
    const scrolled = window.scrollY;
    if (top >= scrolled && bottom <= scrolled + viewportHeight) return scrolled;
    window.scrollTo(0, Math.max(0, top - 16));
    return window.scrollY;
  };

  if (root.scrollWidth > viewportWidth + 1) {
    const widest = [...document.body.querySelectorAll("*")]
      .filter((el) => el.getBoundingClientRect().right + window.scrollX > viewportWidth + 1)
      .filter((el) => !hiddenByDesign(el))
      .slice(-1)[0];
    report("overflow", `the page is ${root.scrollWidth}px wide in a ${viewportWidth}px window` +
      (widest ? ` (${describe(widest)} sticks out)` : ""));
  }

  // Every line of visible text: its text node and the index of the line among the node's
  // boxes, read again after scrolling (a lazy image that loads meanwhile moves what follows).
  const lines = [];
  const skipped = "script,style,noscript,template,option,select,textarea,datalist,title";
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const lineBox = (line) => {
    const range = document.createRange();
    range.selectNodeContents(line.node);
    return range.getClientRects()[line.index];
  };
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!node.textContent.trim() || !el || el.closest(skipped) || hiddenByDesign(el)) continue;
    const range = document.createRange();
    range.selectNodeContents(node);
    [...range.getClientRects()].forEach((rect, index) => {
      if (rect.width >= 2 && rect.height >= 2) lines.push({ node, el, index, top: rect.top + window.scrollY });
    });
  }
  lines.sort((a, b) => a.top - b.top);
  for (const line of lines) {
    let rect = lineBox(line);
    if (!rect) continue;
    const scrolled = bringIntoView(rect.top + window.scrollY, rect.bottom + window.scrollY);
    rect = lineBox(line);
    const y = (rect.top + rect.bottom) / 2;
    const snippet = line.node.textContent.trim().replace(/\s+/g, " ").slice(0, 50);
    // Three points along the line: near its start, its middle and near its end.
    for (const share of [0.1, 0.5, 0.9]) {
      const x = rect.left + rect.width * share;
      if (x < 0 || x >= viewportWidth || y < 0 || y >= viewportHeight) continue;
      const stack = document.elementsFromPoint(x, y);
      const hit = stack[0];
      if (!hit || hit === line.el || line.el.contains(hit) || stretchedOver(hit, line.el)) {
        // Under the text: its own ancestors only. Another painted box there means the text
        // runs out of its place, over a neighbour (a note over the footer).
        const under = stack.slice(stack.indexOf(line.el) + 1).find((el) =>
          !el.contains(line.el) && paints(el));
        if (hit && stack.includes(line.el) && under) {
          report(`over:${snippet}:${describe(under)}`,
            `text «${snippet}» (${describe(line.el)}) runs over ${describe(under)} at ${Math.round(x)},${Math.round(y + scrolled)}`);
          break;
        }
        continue;
      }
      if (hit.contains(line.el) && getComputedStyle(line.el).pointerEvents === "none") continue;
      const where = `at ${Math.round(x)},${Math.round(y + scrolled)}`;
      report(`text:${snippet}:${describe(hit)}`, hit.contains(line.el)
        ? `text «${snippet}» (${describe(line.el)}) sticks out of its box ${where}`
        : `text «${snippet}» (${describe(line.el)}) is covered by ${describe(hit)} ${where}`);
      break;
    }
  }

  // Every visible link and form control, at the centre of its first box (where Playwright and
  // a person aim).
  const controls = document.body.querySelectorAll(
    "a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]:not([tabindex='-1'])");
  for (const el of controls) {
    if (hiddenByDesign(el)) continue;
    const box = [...el.getClientRects()].find((rect) => rect.width >= 1 && rect.height >= 1);
    if (!box) continue;
    const top = box.top + window.scrollY, bottom = box.bottom + window.scrollY;
    const scrolled = bringIntoView(top, bottom);
    const x = (box.left + box.right) / 2 - window.scrollX, y = (top + bottom) / 2 - scrolled;
    if (x < 0 || x >= viewportWidth) {
      report(`reach:${describe(el)}`, `${describe(el)} is outside the window (x=${Math.round(x)})`);
      continue;
    }
    const hit = document.elementFromPoint(x, y);
    if (hit && (hit === el || el.contains(hit))) continue;
    // A label's click goes to its control.
    if (hit && hit.closest("label") && hit.closest("label").control === el) continue;
    report(`reach:${describe(el)}`, `${describe(el)} cannot be reached by a pointer: a click at its centre lands on ${describe(hit)}`);
  }
  window.scrollTo(0, 0);
  return problems;
}
