import { Icon } from './Icon';

const EXAMPLES: Array<[string, string]> = [
  ['drone iraq', 'articles with any of the words; more matches rank higher'],
  ['+drone +iraq', 'articles with both words'],
  ['drone -iraq', 'without the second word'],
  ['title:election', 'the word in the title only'],
  ['elect*', 'words starting with “elect”'],
  ['kadhimi~1', 'spelled with up to one letter different'],
  ['iran^10 iraq', 'the first word counts ten times as much'],
];

/**
 * A short reference for Lunr's query syntax, in a native popover: it closes on Esc or a click elsewhere and the
 * browser keeps its button's expanded state for assistive tech.
 */
export function QueryHelp() {
  return (
    <>
      <button
        type="button"
        className="icon-button query-help-button"
        popoverTarget="query-help"
        aria-label="Query syntax help"
        title="Query syntax"
      >
        <Icon name="help" />
      </button>
      <div
        id="query-help"
        className="query-help"
        popover="auto"
        role="dialog"
        aria-labelledby="query-help-title"
      >
        <h2 id="query-help-title">Query syntax</h2>
        <dl>
          {EXAMPLES.map(([example, meaning]) => (
            <div key={example} className="query-help-row">
              <dt>
                <code>{example}</code>
              </dt>
              <dd>{meaning}</dd>
            </div>
          ))}
        </dl>
        <p>
          Words are matched by their stem (<code>elections</code> finds <code>election</code>). A query that
          is not valid syntax is searched as plain words, and a note says so.
        </p>
      </div>
    </>
  );
}
