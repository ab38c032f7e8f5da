/** The first-run screen: what Offprint is, and the ways to fill the library. */
export function Welcome({ desktop }: { desktop: boolean }) {
  return (
    <section className="welcome" aria-labelledby="welcome-heading">
      <div className="welcome-card">
        <h2 id="welcome-heading">Your archive, readable and searchable, offline</h2>
        <p>
          Offprint keeps the articles you saved, from web pages, text files, Markdown clippings and
          read-it-later exports, in a private library on this computer. It searches all of them as you type,
          lets you narrow by tag and date, and opens them without ever touching the network.
        </p>
        <h3>Import your first articles</h3>
        <ul className="welcome-steps">
          <li>
            <strong>Drag files or whole folders</strong> onto this window. Folder names become tags.
          </li>
          {desktop ? (
            <li>
              Or choose <strong>File ▸ Import…</strong> in the menu, or the <strong>Import</strong> button
              above.
            </li>
          ) : (
            <li>
              Or use the <strong>Import</strong> button above to pick files.
            </li>
          )}
        </ul>
        <p className="muted small">
          Offprint reads plain text and saved news pages, HTML and single-file HTML, MHTML, Markdown with
          front matter, Wallabag JSON, Omnivore zips, Pocket and Instapaper CSV, ArchiveBox folders and WARC
          files. The original of every file is kept, so nothing is ever lost.
        </p>
      </div>
    </section>
  );
}
