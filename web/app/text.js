// The page's texts come from the server (GET /app/text.json, translated with the rest of tabel), so the page has
// no language of its own. t(key, a, b) fills %1, %2.
let texts = {};

export async function loadTexts() {
  const res = await fetch('/app/text.json', { credentials: 'same-origin' });
  texts = await res.json();
  return texts;
}

export function t(key, ...args) {
  let s = texts[key] ?? key;
  args.forEach((a, i) => { s = s.split(`%${i + 1}`).join(String(a)); });
  return s;
}

// Fills every element with data-t="key" under root.
export function applyTexts(root = document) {
  for (const el of root.querySelectorAll('[data-t]')) el.textContent = t(el.dataset.t);
  document.title = t('app.title');
}
