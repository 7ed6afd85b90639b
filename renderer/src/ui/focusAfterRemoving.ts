/**
 * Where focus goes once a drop is deleted, worked out while its card (or calendar chip) is
 * still in the page: the next drop beside it, else the one before it, else its column's
 * "Add drop" button. Without this, focus fell to the page's body and a keyboard user started
 * again from the top of the window. Returns a function that moves the focus (after the next
 * frame, once the view has re-rendered without the drop).
 */
export function focusAfterRemoving(dropId: string): () => void {
  const el = document.querySelector<HTMLElement>(`[data-drop-id="${CSS.escape(dropId)}"]`);
  const neighbour = el
    ? (dropBeside(el, 'nextElementSibling') ?? dropBeside(el, 'previousElementSibling'))
    : null;
  const stageId = el?.closest<HTMLElement>('[data-testid="column"]')?.dataset.stageId ?? null;
  return () =>
    requestAnimationFrame(() => {
      const card = neighbour
        ? document.querySelector<HTMLElement>(`[data-drop-id="${CSS.escape(neighbour)}"]`)
        : null;
      const addDrop = stageId
        ? document.querySelector<HTMLElement>(
            `[data-stage-id="${CSS.escape(stageId)}"] .quick-add-button`,
          )
        : null;
      (card ?? addDrop)?.focus();
    });
}

function dropBeside(
  el: Element,
  side: 'nextElementSibling' | 'previousElementSibling',
): string | null {
  for (let s = el[side]; s; s = s[side]) {
    if (s instanceof HTMLElement && s.dataset.dropId) return s.dataset.dropId;
  }
  return null;
}
