import { describeError } from '../api/client';

interface ErrorNoticeProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
}

/** A failure shown where the thing that failed would have been, with a way to try again. */
export function ErrorNotice({ title, error, onRetry }: ErrorNoticeProps) {
  return (
    <div className="error-notice" role="alert">
      <p className="error-title">{title}</p>
      <p className="error-message">{describeError(error)}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
