import { memo } from 'react';
import { CHANNEL_LABELS, type Channel } from '../../../shared/model';

// Small line glyphs (24-unit grid, drawn with currentColor) so they follow the theme.
const PATHS: Record<Channel, string> = {
  email: 'M3 6h18v12H3z M3 7l9 6 9-6',
  ads: 'M4 10v4h3l6 4V6L7 10H4z M16 9a4 4 0 0 1 0 6 M18.5 6.5a8 8 0 0 1 0 11',
  tiktok: 'M14 4v10.5a3.5 3.5 0 1 1-3.5-3.5 M14 4c.5 2.5 2.5 4 5 4',
  instagram: 'M5 5h14v14H5z M12 9a3 3 0 1 1 0 6 3 3 0 0 1 0-6 M16.5 7.5h.01',
  pinterest: 'M12 3a9 9 0 1 1 0 18 9 9 0 0 1 0-18 M11 8l-3 12 M11 8c3-1 5 1 4 4s-4 3-5 1',
  storefront: 'M4 9l1.5-5h13L20 9 M4 9h16 M5 9v11h14V9 M10 20v-5h4v5',
  popup: 'M3 20l9-15 9 15z M12 5v15 M8 20l4-6 4 6',
};

/**
 * A channel's glyph with its name as the accessible label; `decorative` beside the name written
 * out (a toggle reading "Email"), where a label of its own would be read twice ("Email Email").
 */
export const ChannelIcon = memo(function ChannelIcon(props: {
  channel: Channel;
  size?: number;
  decorative?: boolean;
}) {
  const { channel, size = 14, decorative = false } = props;
  const label = CHANNEL_LABELS[channel];
  return (
    <svg
      className="channel-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      {...(decorative
        ? { 'aria-hidden': true, focusable: false }
        : { role: 'img', 'aria-label': label })}
    >
      {!decorative && <title>{label}</title>}
      <path d={PATHS[channel]} />
    </svg>
  );
});
