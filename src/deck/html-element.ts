/** A new HTML element with its class and text, appended to `parent` when one is given. */
export function htmlEl<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className = '',
  text = '',
  parent?: Element,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (className) el.className = className;
  if (text) el.textContent = text;
  parent?.appendChild(el);
  return el;
}
