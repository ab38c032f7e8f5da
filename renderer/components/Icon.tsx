/** Line icons drawn inline (the app loads nothing from elsewhere); decorative, so hidden from assistive tech. */

const PATHS = {
  search: 'M11 4a7 7 0 1 0 0 14a7 7 0 0 0 0-14zM20 20l-4-4',
  help: 'M12 21a9 9 0 1 0 0-18a9 9 0 0 0 0 18zM9.5 9.5a2.5 2.5 0 1 1 3.5 2.3c-.6.3-1 .9-1 1.6v.6M12 17h.01',
  upload: 'M12 15V4M7 9l5-5l5 5M5 15v4h14v-4',
  previous: 'M15 18l-6-6l6-6',
  next: 'M9 18l6-6l-6-6',
  back: 'M19 12H5M11 18l-6-6l6-6',
  close: 'M6 6l12 12M18 6L6 18',
  'collapse-left': 'M4 4h16v16H4zM9 4v16M16 9l-3 3l3 3',
  'expand-left': 'M4 4h16v16H4zM9 4v16M13 9l3 3l-3 3',
  filter: 'M4 5h16l-6 7.5V19l-4-2v-4.5z',
  list: 'M8 6h12M8 12h12M8 18h12M4 6h.01M4 12h.01M4 18h.01',
  external: 'M14 4h6v6M20 4l-9 9M18 14v5H5V6h5',
  target: 'M12 20a8 8 0 1 0 0-16a8 8 0 0 0 0 16zM12 15a3 3 0 1 0 0-6a3 3 0 0 0 0 6z',
} as const;

export type IconName = keyof typeof PATHS;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[name]} />
    </svg>
  );
}
