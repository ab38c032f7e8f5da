import { useRef } from 'react';
import { Icon } from './Icon';

/** Opens the system file picker (the browser mode has no native menu); several files may be chosen at once. */
export function ImportButton({ onFiles }: { onFiles(files: FileList): void }) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        onChange={(event) => {
          const { files } = event.target;
          if (files && files.length > 0) onFiles(files);
          // Reset, so choosing the same files again still fires a change.
          event.target.value = '';
        }}
      />
      <button
        type="button"
        className="button primary"
        onClick={() => input.current?.click()}
        title="Import files (or drop files and folders on the window)"
      >
        <Icon name="upload" />
        Import
      </button>
    </>
  );
}
