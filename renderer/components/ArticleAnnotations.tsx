import type { ArticleView } from '../../common/article';
import type { ReaderAnnotations } from '../hooks/useReaderAnnotations';
import { DEFAULT_HIGHLIGHT_COLOR } from '../lib/highlight-colors';
import { AnnotationsPanel } from './AnnotationsPanel';
import { HighlightPopover } from './HighlightPopover';
import { SelectionToolbar } from './SelectionToolbar';

/** What the reader adds over and under the article: the selection's toolbar, a highlight's popover, the panel. */
export function ArticleAnnotations({ article, notes }: { article: ArticleView; notes: ReaderAnnotations }) {
  const { userData, selection, popover } = notes;
  const user = userData.user;
  return (
    <>
      {selection && (
        <SelectionToolbar
          box={selection.box}
          onHighlight={(color) => notes.highlightSelection(color, false)}
          onNote={() => notes.highlightSelection(DEFAULT_HIGHLIGHT_COLOR, true)}
          onCopy={notes.copySelection}
        />
      )}
      {popover && (
        <HighlightPopover
          highlight={popover.highlight}
          box={popover.box}
          focusNote={popover.focusNote}
          onColor={(color) => userData.updateHighlight(popover.highlight.id, { color })}
          onNote={(note) => userData.updateHighlight(popover.highlight.id, { note })}
          onCopy={() => notes.copyWithCitation(popover.highlight.quote.exact)}
          onDelete={() => {
            userData.removeHighlight(popover.highlight.id);
            notes.closePopover();
          }}
          onClose={notes.closePopover}
        />
      )}
      {user && !article.linkOnly && (
        <AnnotationsPanel
          noteRef={notes.noteField}
          note={user.note}
          noteStatus={userData.noteStatus}
          onNote={userData.setNote}
          highlights={notes.highlights}
          orphans={notes.orphans}
          onShowHighlight={notes.showHighlight}
          onDeleteHighlight={userData.removeHighlight}
        />
      )}
    </>
  );
}
