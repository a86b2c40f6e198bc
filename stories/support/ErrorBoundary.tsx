import { Component, type ReactNode } from 'react'
import { ErrorNotice } from './UserDetails'

interface ErrorBoundaryState {
  error: Error | undefined
}

/**
 * The smallest error boundary, for the Suspense stories: the thrown error is shown with
 * `ErrorNotice` (`role="alert"`). Applications usually take one from `react-error-boundary`.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: undefined }

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { error: error instanceof Error ? error : new Error(String(error)) }
  }

  override render(): ReactNode {
    return this.state.error ? <ErrorNotice error={this.state.error} /> : this.props.children
  }
}
