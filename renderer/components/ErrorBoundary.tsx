import { Component, type ReactNode } from 'react';
import { ErrorNotice } from './ErrorNotice';

interface ErrorBoundaryProps {
  /** Names the part of the window that failed ("The reader"). */
  area: string;
  children: ReactNode;
}

/**
 * Keeps a rendering bug in one pane from blanking the whole window: the pane shows what went wrong instead.
 * A class because React still offers error boundaries only as class components.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    if (this.state.error !== null) {
      return (
        <ErrorNotice
          title={`${this.props.area} stopped working.`}
          error={this.state.error}
          onRetry={() => this.setState({ error: null })}
        />
      );
    }
    return this.props.children;
  }
}
