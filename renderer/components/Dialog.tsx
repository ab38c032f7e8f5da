import { useEffect, useId, useRef, type FormEvent, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  children: ReactNode;
  /** The primary button's label; without it the dialog only has Close. */
  submitLabel?: string;
  submitDisabled?: boolean;
  busy?: boolean;
  onSubmit?(): void;
  onClose(): void;
}

/**
 * A small modal dialog on the native `<dialog>`: the browser traps focus, restores it on close and closes on
 * Esc. Keys stay inside, so the window's shortcuts (Esc back to the list, ↑/↓) do not act behind it.
 */
export function Dialog({
  title,
  children,
  submitLabel,
  submitDisabled,
  busy,
  onSubmit,
  onClose,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!submitDisabled && !busy) onSubmit?.();
  };
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={`${id}-title`}
      onCancel={(event) => {
        event.preventDefault();
        onClose();
      }}
      onKeyDown={(event) => event.stopPropagation()}
    >
      <form method="dialog" onSubmit={submit}>
        <h2 id={`${id}-title`} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-buttons">
          <button type="button" className="button" onClick={onClose}>
            {onSubmit ? 'Cancel' : 'Close'}
          </button>
          {onSubmit && submitLabel && (
            <button type="submit" className="button primary" disabled={submitDisabled || busy}>
              {submitLabel}
            </button>
          )}
        </div>
      </form>
    </dialog>
  );
}
