// Interface glyphs, drawn like the channel icons (24-unit grid, currentColor strokes).
const PATHS = {
  plus: 'M12 5v14 M5 12h14',
  undo: 'M9 14L4 9l5-5 M4 9h10a6 6 0 0 1 0 12h-3',
  redo: 'M15 14l5-5-5-5 M20 9H10a6 6 0 0 0 0 12h3',
  search: 'M11 4a7 7 0 1 1 0 14 7 7 0 0 1 0-14 M20 20l-4-4',
  close: 'M6 6l12 12 M18 6L6 18',
  more: 'M5 12h.01 M12 12h.01 M19 12h.01',
  chevron: 'M6 9l6 6 6-6',
  warning: 'M12 3l10 18H2z M12 10v5 M12 18h.01',
  archive: 'M3 4h18v4H3z M5 8v12h14V8 M10 12h4',
  trash: 'M4 7h16 M9 7V4h6v3 M6 7l1 13h10l1-13',
  grip: 'M9 6h.01 M15 6h.01 M9 12h.01 M15 12h.01 M9 18h.01 M15 18h.01',
  check: 'M5 12l5 5 9-10',
  board: 'M4 4h4v16H4z M10 4h4v10h-4z M16 4h4v13h-4z',
  history: 'M3 12a9 9 0 1 0 3-6.7 M3 4v5h5 M12 7v5l3 2',
  help: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18 M9.5 9.5a2.5 2.5 0 1 1 3.4 2.3c-.6.3-.9.8-.9 1.5v.2 M12 17h.01',
  calendar: 'M4 6h16v14H4z M4 10h16 M8 3v4 M16 3v4',
  timeline: 'M4 6h9 M8 12h12 M4 18h7',
  chart: 'M4 4v16h16 M8 16v-5 M12 16V8 M16 16v-3',
  keyboard: 'M3 6h18v12H3z M7 10h.01 M11 10h.01 M15 10h.01 M17 14h.01 M7 14h7',
};

export type IconName = keyof typeof PATHS;

/** A decorative interface glyph (the button around it carries the label). */
export function Icon(props: { name: IconName; size?: number }) {
  const { name, size = 16 } = props;
  return (
    <svg
      className="icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={2}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
