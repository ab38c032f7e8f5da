import { HIGHLIGHT_COLORS, type HighlightColor } from '../../common/user-data';

/** The colour highlights take from the `h` key and from "Note…". */
export const DEFAULT_HIGHLIGHT_COLOR: HighlightColor = HIGHLIGHT_COLORS[0];
