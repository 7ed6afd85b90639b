// Keyboard focus when a brief view opens over the workspace or closes again: closing puts focus
// back on what opened the view (the drop panel's Brief button, a header button), and coming back
// from the template or the creators to a brief puts it on that brief's button that opened them.
// Opening, the view itself takes the focus onto its heading (useModalSheet.ts): the view may
// still be loading when the switch happens.

type Kind = 'none' | 'brief' | 'creators' | 'template';

let opener: HTMLElement | null = null;
let innerOpener: string | null = null;

const active = () =>
  document.activeElement instanceof HTMLElement && document.activeElement !== document.body
    ? document.activeElement
    : null;

/** Call as a brief opens the template or the creators: the button that did it, by its text. */
export function rememberInnerOpener(): void {
  innerOpener = active()?.textContent?.trim() || null;
}

/** Call as the open view switches from `from` to `to` (before focus moves into the new view). */
export function moveFocusForSwitch(from: Kind, to: Kind): void {
  if (from === to) return;
  if (from === 'none') {
    opener = active();
    return;
  }
  if (from === 'brief' && to !== 'none') return;
  // Wait for the next view to render before moving focus into it.
  if (to === 'none') {
    const el = opener;
    opener = null;
    innerOpener = null;
    requestAnimationFrame(() => {
      if (el?.isConnected) el.focus();
    });
  } else if (to === 'brief') {
    const label = innerOpener;
    innerOpener = null;
    requestAnimationFrame(() => {
      const back = [...document.querySelectorAll<HTMLButtonElement>('.brief-sheet button')].find(
        (b) => label && b.textContent?.trim() === label,
      );
      back?.focus();
    });
  }
}
