// Building the page's elements: el('select', { id: 'x', className: 'y' }, child, …). Properties the element has are
// set as properties, others (aria-*, data) as attributes; null children are skipped. Text is always text, never HTML.
export function el(tag, props = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k in e) e[k] = v;
    else e.setAttribute(k, v);
  }
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

export function shortDate(iso) { return iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}` : ''; }
export function longDate(iso) { return iso ? `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}` : ''; }
