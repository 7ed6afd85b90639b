import type { ReactNode } from 'react';
import { Icon, type IconName } from './Icon';

/**
 * What a view says while it has nothing to show: one helpful sentence and the action that
 * fills it. Every view uses this one shape, so an empty workspace never shows a blank area.
 */
export function EmptyState(props: {
  icon: IconName;
  title: string;
  children: ReactNode;
  /** The primary action (a button), and maybe a second one. */
  actions?: ReactNode;
  /** `inline` sits in the view's flow above its (empty) grid; `center` fills the area. */
  layout?: 'inline' | 'center';
}) {
  const { icon, title, children, actions, layout = 'inline' } = props;
  return (
    <div className={`empty-state is-${layout}`} role="status" data-testid="empty-state">
      <span className="empty-state-icon" aria-hidden="true">
        <Icon name={icon} size={20} />
      </span>
      <div className="empty-state-body">
        <p className="empty-state-title">{title}</p>
        <p className="empty-state-text">{children}</p>
      </div>
      {actions && <div className="empty-state-actions">{actions}</div>}
    </div>
  );
}
