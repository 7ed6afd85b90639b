import type { RefObject } from 'react';
import {
  CHANNEL_LABELS,
  CHANNELS,
  creatorChoiceLabels,
  type Channel,
  type Creator,
} from '../../../shared/model';
import { EMPTY_FILTER, isFiltering, type BoardFilter } from '../board/filter';
import { Icon } from '../ui/Icon';
import { isMac } from '../platform/platform';

/** Search (title and narrative), creator and channel filters, and the archived toggle. */
export function FilterBar(props: {
  filter: BoardFilter;
  creators: Creator[];
  searchRef: RefObject<HTMLInputElement | null>;
  shown: number;
  total: number;
  onChange: (f: BoardFilter) => void;
}) {
  const { filter, creators, searchRef, shown, total, onChange } = props;
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="filterbar" role="search" aria-label="Search and filter drops">
      <div className="search">
        <Icon name="search" size={14} />
        <input
          ref={searchRef}
          type="search"
          className="search-input"
          placeholder="Search drops"
          aria-label="Search drops by title or narrative"
          value={filter.text}
          onChange={(e) => set({ text: e.target.value })}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && filter.text) {
              e.stopPropagation();
              set({ text: '' });
            }
          }}
        />
        <kbd className="kbd" aria-hidden="true">
          {isMac() ? '⌘F' : 'Ctrl F'}
        </kbd>
      </div>
      <select
        className="input input-compact"
        aria-label="Filter by creator"
        value={filter.creatorId}
        onChange={(e) => set({ creatorId: e.target.value })}
      >
        <option value="">All creators</option>
        {[...creatorChoiceLabels(creators)].map(([id, label]) => (
          <option key={id} value={id}>
            {label}
          </option>
        ))}
      </select>
      <select
        className="input input-compact"
        aria-label="Filter by channel"
        value={filter.channel}
        onChange={(e) => set({ channel: e.target.value as Channel | '' })}
      >
        <option value="">All channels</option>
        {CHANNELS.map((c) => (
          <option key={c} value={c}>
            {CHANNEL_LABELS[c]}
          </option>
        ))}
      </select>
      <label className="toggle">
        <input
          type="checkbox"
          checked={filter.showArchived}
          onChange={(e) => set({ showArchived: e.target.checked })}
        />
        Show archived
      </label>
      {isFiltering(filter) && (
        <>
          <span className="filter-count" role="status">
            {shown} of {total} drops
          </span>
          <button
            type="button"
            className="button button-quiet"
            onClick={() => onChange({ ...EMPTY_FILTER, showArchived: filter.showArchived })}
          >
            Clear filters
          </button>
        </>
      )}
    </div>
  );
}
