/** Which URLs may leave the app for the system browser: the one rule the reader also applies (common/web-link.ts). */
export { isWebLink as isExternalWebLink } from '../../common/web-link';
