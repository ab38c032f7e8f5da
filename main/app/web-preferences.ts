/**
 * The web preferences of Offprint's window, kept apart from the window code (and free of any runtime import of
 * electron) so that a unit test can pin them: loosening any of these is a security change, never a refactor.
 * The page renders imported articles, which are hostile HTML (see the Joplin note in the design notes).
 */
import type { WebPreferences } from 'electron';

export const WEB_PREFERENCES = Object.freeze({
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  // A file dropped outside a drop zone would otherwise navigate the window to file://.
  navigateOnDragDrop: false,
  // Stops a hostile page from trapping the user in a loop of alert() dialogs.
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences);

/** The preferences with the preload script, which is the page's only way to reach the main process. */
export function webPreferences(preload: string): WebPreferences {
  return { ...WEB_PREFERENCES, preload };
}
