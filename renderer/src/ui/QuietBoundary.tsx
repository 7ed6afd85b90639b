import { Component, type ReactNode } from 'react';

interface Props {
  /** Named in the console message, e.g. "A card's results". */
  name: string;
  children: ReactNode;
}

/**
 * Hides a small, secondary part of a view (a card's results line) when it fails while
 * drawing, so the view around it keeps working. Views that fail as a whole use ViewBoundary.
 */
export class QuietBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    // Kept in the console for a bug report; the person still has the rest of the view.
    console.error(`${this.props.name} stopped:`, error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
