import { Icon } from './Icon';

/** Shown while files are dragged over the window; purely visual (the drop itself is announced by the import panel). */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-target">
        <Icon name="upload" />
        <p>Drop files or folders to import them</p>
      </div>
    </div>
  );
}
