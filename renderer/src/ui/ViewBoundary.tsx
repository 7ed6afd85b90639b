import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the view is called in the message, e.g. "The calendar". */
  name: string;
  /** When this changes (another view, another workspace), a stopped view tries again. */
  resetKey?: unknown;
  /** Shown above the message, e.g. the top bar with the workspace switcher. */
  around?: ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  resetKey: unknown;
}

/**
 * Stops one view that failed while drawing, shows what happened and a way to try again, and
 * leaves the rest of the app working. Nothing is written to the workspace on the way: the
 * document stays exactly as it was, and other views and export keep working.
 */
export class ViewBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    if (Object.is(props.resetKey, state.resetKey)) return null;
    return { resetKey: props.resetKey, error: null };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept in the console for a bug report; the person sees the message below.
    console.error(`${this.props.name} stopped:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    return (
      <>
        {this.props.around}
        <div className="view-error" role="alert" data-testid="view-error">
          <h2 className="view-error-title">{this.props.name} could not be shown.</h2>
          <p>
            Something in this workspace made this view stop. Your work is safe: nothing was changed,
            and the other views, sync and export still work.
          </p>
          <p className="view-error-detail">
            <code>{error.message.slice(0, 300)}</code>
          </p>
          <button
            type="button"
            className="button button-primary"
            onClick={() => this.setState({ error: null })}
          >
            Try again
          </button>
        </div>
      </>
    );
  }
}
