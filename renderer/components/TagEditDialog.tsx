import { useCallback, useId, useMemo, useState } from 'react';
import type { SearchHit, TagCount } from '../../common/search';
import { api, describeError } from '../api/client';
import { useAction } from '../hooks/useAction';
import { parseTagInput } from '../lib/tag-input';
import { Dialog } from './Dialog';

interface TagEditDialogProps {
  mode: 'add' | 'remove';
  ids: string[];
  /** "3 selected articles" or "this article", for the title. */
  what: string;
  hits: SearchHit[];
  tagCounts: TagCount[];
  onDone(): void;
  onClose(): void;
}

/** Adds tags to, or removes them from, many articles in one call (`editTags`). */
export function TagEditDialog({ mode, ids, what, hits, tagCounts, onDone, onClose }: TagEditDialogProps) {
  const id = useId();
  const [text, setText] = useState('');
  const [ticked, setTicked] = useState<ReadonlySet<string>>(new Set());
  // For removal, the tags the articles carry (those loaded in the list), most common first.
  const carried = useMemo(() => {
    const counts = new Map<string, { tag: string; count: number }>();
    for (const hit of hits) {
      for (const tag of hit.tags) {
        const entry = counts.get(tag.toLowerCase()) ?? { tag, count: 0 };
        entry.count++;
        counts.set(tag.toLowerCase(), entry);
      }
    }
    return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
  }, [hits]);
  const tags = [...ticked, ...parseTagInput(text)];
  const action = useAction(
    useCallback(async () => {
      const chosen = [...ticked, ...parseTagInput(text)];
      await api.editTags({ ids, add: mode === 'add' ? chosen : [], remove: mode === 'remove' ? chosen : [] });
      onDone();
    }, [ids, mode, text, ticked, onDone]),
  );
  const flip = (tag: string) =>
    setTicked((current) => {
      const next = new Set(current);
      if (next.has(tag)) next.delete(tag);
      else next.add(tag);
      return next;
    });
  return (
    <Dialog
      title={mode === 'add' ? `Add tags to ${what}` : `Remove tags from ${what}`}
      submitLabel={mode === 'add' ? 'Add' : 'Remove'}
      submitDisabled={tags.length === 0}
      busy={action.busy}
      onSubmit={() => void action.run()}
      onClose={onClose}
    >
      {mode === 'remove' && carried.length > 0 && (
        <fieldset className="tag-choices">
          <legend>Tags they carry</legend>
          {carried.map(({ tag, count }) => (
            <label key={tag} className="tag-row">
              <input type="checkbox" checked={ticked.has(tag)} onChange={() => flip(tag)} />
              <span className="tag-name">{tag}</span>
              <span className="tag-count">{count}</span>
            </label>
          ))}
        </fieldset>
      )}
      <label className="field">
        <span>{mode === 'add' ? 'Tags' : 'Other tags'}</span>
        <input
          type="text"
          list={`${id}-tags`}
          value={text}
          autoFocus
          placeholder="region/europe, to-read"
          onChange={(event) => setText(event.target.value)}
        />
      </label>
      <datalist id={`${id}-tags`}>
        {tagCounts.slice(0, 500).map(({ tag }) => (
          <option key={tag} value={tag} />
        ))}
      </datalist>
      <p className="muted small">Separate tags with commas; “/” nests a tag under another (region/europe).</p>
      {action.error !== null && (
        <p className="dialog-error" role="alert">
          {describeError(action.error)}
        </p>
      )}
    </Dialog>
  );
}
