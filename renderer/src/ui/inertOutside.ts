/**
 * Makes everything on the page outside `el` inert (out of Tab's reach, unclickable, hidden from
 * assistive technology), as a native modal dialog does to what is under it, and returns what
 * puts it back. A view drawn over the window without the browser's top layer (the brief) uses
 * it to be modal.
 *
 * Left alone: live regions (a message said while `el` is open must still be heard), elements
 * already inert (someone else's to put back), and whatever is added to the page later (a
 * dialog opened over `el`).
 */
export function inertOutside(el: HTMLElement): () => void {
  const made: HTMLElement[] = [];
  let node = el;
  let parent = node.parentElement;
  while (parent && node !== document.body) {
    for (const sibling of parent.children) {
      if (sibling === node || !(sibling instanceof HTMLElement)) continue;
      if (sibling.inert || sibling.hasAttribute('aria-live')) continue;
      sibling.inert = true;
      made.push(sibling);
    }
    node = parent;
    parent = node.parentElement;
  }
  return () => {
    for (const sibling of made) sibling.inert = false;
  };
}
