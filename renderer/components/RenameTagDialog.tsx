import { useCallback, useState } from 'react';
import type { TagCount } from '../../common/search';
import { api, describeError } from '../api/client';
import { useAction } from '../hooks/useAction';
import { plural } from '../lib/format';
import { Dialog } from './Dialog';

interface RenameTagDialogProps {
  tag: string;
  /** The facets, to say when the new name is a tag that exists (the two then merge). */
  counts: TagCount[];
  onRenamed(from: string, to: string): void;
  onClose(): void;
}

/** Renames a tag across the library, with its descendants; a name that exists merges the two tags. */
export function RenameTagDialog({ tag, counts, onRenamed, onClose }: RenameTagDialogProps) {
  const [name, setName] = useState(tag);
  const to = name.trim();
  const existing = counts.find(
    (entry) => entry.tag.toLowerCase() === to.toLowerCase() && entry.tag.toLowerCase() !== tag.toLowerCase(),
  );
  const rename = useAction(
    useCallback(async () => {
      await api.renameTag({ from: tag, to });
      onRenamed(tag, to);
    }, [tag, to, onRenamed]),
  );
  return (
    <Dialog
      title={`Rename tag “${tag}”`}
      submitLabel={existing ? 'Merge' : 'Rename'}
      submitDisabled={to === '' || to === tag}
      busy={rename.busy}
      onSubmit={() => void rename.run()}
      onClose={onClose}
    >
      <label className="field">
        <span>New name</span>
        <input type="text" value={name} autoFocus onChange={(event) => setName(event.target.value)} />
      </label>
      <p className="muted small">
        Every article tagged “{tag}” (and its sub-tags, “{tag}/…”) gets the new name.
        {existing &&
          ` “${existing.tag}” already exists (${plural(existing.count, 'article')}): the two tags become one.`}
      </p>
      {rename.error !== null && (
        <p className="dialog-error" role="alert">
          {describeError(rename.error)}
        </p>
      )}
    </Dialog>
  );
}
