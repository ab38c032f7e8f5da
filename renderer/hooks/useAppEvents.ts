import { useEffect, useRef } from 'react';
import type { AppEvent } from '../../common/bridge';
import { getBridge } from '../api/bridge';

/** Events the Electron main process sends (menus, library switches); nothing happens in a browser. */
export function useAppEvents(onEvent: (event: AppEvent) => void): void {
  // The latest handler, without subscribing again on every render.
  const handler = useRef(onEvent);
  useEffect(() => {
    handler.current = onEvent;
  });
  useEffect(() => getBridge()?.onEvent((event) => handler.current(event)), []);
}
