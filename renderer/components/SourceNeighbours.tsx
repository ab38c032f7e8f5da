import type { ArticleNeighbour } from '../../common/article';

interface SourceNeighboursProps {
  previous: ArticleNeighbour | null;
  next: ArticleNeighbour | null;
  onOpen(id: string): void;
}

function Neighbour({
  label,
  neighbour,
  onOpen,
}: {
  label: string;
  neighbour: ArticleNeighbour;
  onOpen(id: string): void;
}) {
  const { id } = neighbour;
  return (
    <li>
      <span className="neighbour-label">{label}</span>
      {id !== null ? (
        <button type="button" className="link-button" onClick={() => onOpen(id)}>
          {neighbour.title}
        </button>
      ) : (
        <span>
          <span className="neighbour-title">{neighbour.title}</span>{' '}
          <span className="muted">(not in your library)</span>
        </span>
      )}
    </li>
  );
}

/**
 * The source site's own "Previous article"/"Next article" (from the saved page), not the list's: they open the
 * article when it was imported too, and say so when it was not.
 */
export function SourceNeighbours({ previous, next, onOpen }: SourceNeighboursProps) {
  if (!previous && !next) return null;
  return (
    <nav className="source-neighbours" aria-labelledby="source-neighbours-heading">
      <h3 id="source-neighbours-heading">On the source site</h3>
      <ul>
        {previous && <Neighbour label="Previous" neighbour={previous} onOpen={onOpen} />}
        {next && <Neighbour label="Next" neighbour={next} onOpen={onOpen} />}
      </ul>
    </nav>
  );
}
