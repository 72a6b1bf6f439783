// DOM helpers: every piece of data reaches the page (and the element) through textContent and DOM nodes.

/** The page's element with this id. */
export const $ = (id) => document.getElementById(id);

export function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (className) node.className = className;
  return node;
}

export function tableFrom(header, rows, caption) {
  const table = element('table');
  if (caption) table.append(element('caption', caption));
  const head = table.createTHead().insertRow();
  for (const h of header) { const th = element('th', h); th.scope = 'col'; head.append(th); }
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    for (const cell of row) tr.append(element('td', cell, typeof cell === 'number' ? 'num' : undefined));
  }
  return table;
}

export function option(value, label) {
  const o = element('option', label);
  o.value = value;
  return o;
}

export function labelled(labelText, control) {
  const label = element('label', labelText);
  label.append(control);
  return label;
}

export function download(name, blob) {
  const url = URL.createObjectURL(blob);
  const a = element('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
