import { isMac } from '../platform/platform';

/** The three views of one workspace's drops. */
export type ViewName = 'board' | 'calendar' | 'timeline' | 'results';

export const VIEWS: { name: ViewName; label: string; key: string }[] = [
  { name: 'board', label: 'Board', key: '1' },
  { name: 'calendar', label: 'Calendar', key: '2' },
  { name: 'timeline', label: 'Timeline', key: '3' },
  { name: 'results', label: 'Results', key: '4' },
];

/** Tabs switching between board, calendar, timeline and results (Ctrl/⌘ + 1, 2, 3, 4). */
export function ViewTabs(props: { view: ViewName; onChange: (view: ViewName) => void }) {
  const mod = isMac() ? '⌘' : 'Ctrl+';
  return (
    <div className="view-tabs" role="tablist" aria-label="Views">
      {VIEWS.map((v) => (
        <button
          key={v.name}
          type="button"
          role="tab"
          id={`view-tab-${v.name}`}
          aria-selected={props.view === v.name}
          className={props.view === v.name ? 'view-tab is-active' : 'view-tab'}
          title={`${v.label} (${mod}${v.key})`}
          onClick={() => props.onChange(v.name)}
          onKeyDown={(e) => {
            // Arrow keys move between tabs, as in any tab list.
            const i = VIEWS.findIndex((x) => x.name === props.view);
            const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
            if (!step) return;
            e.preventDefault();
            const next = VIEWS[(i + step + VIEWS.length) % VIEWS.length]!;
            props.onChange(next.name);
            document.getElementById(`view-tab-${next.name}`)?.focus();
          }}
          tabIndex={props.view === v.name ? 0 : -1}
        >
          {v.label}
        </button>
      ))}
    </div>
  );
}
