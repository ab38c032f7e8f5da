// The mutation-testing groups (scripts/mutate.mjs): each is a few files to mutate and the tests that claim to
// guard them. A group should run in under about 15 minutes at concurrency 1 on 2 cores; split it when it grows.
export const GROUPS = {
  // Both sanitizing layers and the policy they share. import-hygiene.test.ts also guards the first layer, through
  // a real library; it takes about 30 s a run, so it is left out of the per-mutant set (every static mutant of
  // the policy re-runs the whole set).
  sanitizer: {
    mutate: [
      'common/sanitize-policy.ts',
      'main/library/import/sanitize-html.ts',
      'renderer/dom/sanitize-article.ts',
    ],
    tests: [
      'tests/library/import/sanitize-*.test.ts',
      'tests/renderer/dom/sanitize-article.test.ts',
      'tests/renderer/dom/article-frame.test.ts',
    ],
  },
  query: {
    mutate: [
      'main/library/search/parse-query.ts',
      'main/library/search/engine/term-expansion.ts',
      'main/library/search/engine/budget.ts',
    ],
    // search.test.ts and costly-queries.test.ts also guard these files, but mostly through the library's search
    // threads and the CLI, whose coverage Stryker cannot see per test (so it would never pick them for a mutant),
    // and they cost over a minute a run: add them with `-- --coverageAnalysis off` for a run of hours.
    tests: [
      'tests/library/search/parse-query.test.ts',
      'tests/library/search/term-expansion.test.ts',
      'tests/library/search/query-bounds.test.ts',
      'tests/library/search/engine-parts.test.ts',
    ],
  },
  limits: {
    mutate: [
      'main/library/import/html-shape.ts',
      'main/library/import/expansion-budget.ts',
      'main/library/import/body-limit.ts',
      'main/library/import/limits.ts',
    ],
    // import-limits.test.ts and zip-archive.test.ts guard these through real zips and WARCs, seconds each (a run
    // with them was on course for two hours); limit-rules.test.ts calls the rules directly.
    tests: ['tests/library/import/limit-rules.test.ts'],
  },
  versions: {
    mutate: ['main/library/store/file-versions.ts', 'main/library/store/durable-write.ts'],
    tests: [
      'tests/library/file-versions.test.ts',
      'tests/library/file-version-rules.test.ts',
      'tests/library/durable-write.test.ts',
    ],
  },
  // The passage each hit shows, cut from the stored text of the hits on screen.
  snippets: {
    mutate: ['main/library/search/snippet.ts'],
    tests: ['tests/library/search/snippet-cut.test.ts'],
  },
  // Hierarchical tags: the facets a tag counts under, and which tags a filter takes.
  tags: {
    mutate: ['main/library/search/tag-hierarchy.ts'],
    tests: ['tests/library/search/tag-hierarchy.test.ts'],
  },
  // How one article folder is judged (whole, cut short, damaged and why), and the names that must stay inside it.
  folders: {
    mutate: [
      'main/library/store/article-folder.ts',
      'main/library/resource-name.ts',
      'main/library/title-key.ts',
    ],
    tests: ['tests/library/article-folder.test.ts'],
  },
  dates: {
    mutate: [
      'common/zone-rule.ts',
      'common/iso-date.ts',
      'common/wall-clock.ts',
      'main/library/import/dates.ts',
      'main/library/import/date-words.ts',
    ],
    // dates-zone.test.ts also guards these, but by importing in the library's worker and in child processes
    // under other TZ settings, where no mutant is active, at about 15 s a run: it is left out.
    tests: [
      'tests/common/date-parsing.test.ts',
      'tests/common/date-edges.test.ts',
      'tests/library/import/date-words.test.ts',
    ],
  },
  // Reading a file's bytes as text (BOMs, UTF-16, windows-1252 and the rest), and the seed article's layout.
  text: {
    mutate: ['main/library/import/decode-text.ts', 'main/library/import/formats/seed-text.ts'],
    // Direct tests only: a test file that imports extract loads jsdom and every importer again for each
    // mutant (seconds each); seed-text-importer.test.ts and not-articles.test.ts do, and are left out.
    tests: ['tests/library/import/decode-text.test.ts', 'tests/library/import/seed-text-rules.test.ts'],
  },
  // The search engine's own parts: the analyzer (Lunr's pipeline over a field), the segment file's layout, and
  // building and reading one segment. index-round-trip.test.ts (a whole library saved and loaded, 18 s a run)
  // also guards them; it is left out.
  engine: {
    mutate: [
      'main/library/search/engine/analyzer.ts',
      'main/library/search/engine/segment-format.ts',
      'main/library/search/engine/segment-builder.ts',
      'main/library/search/engine/segment-reader.ts',
    ],
    tests: [
      'tests/library/search/segment-files.test.ts',
      'tests/library/search/executor-equivalence.test.ts',
      'tests/library/search/engine-parts.test.ts',
      'tests/library/search/query-bounds.test.ts',
      'tests/library/search/segment-upgrade.test.ts',
    ],
  },
  // Citations (BibTeX, RIS, APA, CSL-JSON): the CSL item, names from bylines, citation keys.
  citations: {
    mutate: [
      'main/library/export/cite.ts',
      'main/library/export/csl-item.ts',
      'main/library/export/author-names.ts',
      'main/library/export/citation-key.ts',
    ],
    tests: ['tests/library/export/citations.test.ts', 'tests/library/export/citation-parts.test.ts'],
  },
  // Export of articles as Markdown, standalone HTML or JSON, one file or a zip, and the names they get.
  export: {
    mutate: [
      'main/library/export/markdown.ts',
      'main/library/export/html-document.ts',
      'main/library/export/file-names.ts',
      'main/library/export/export-articles.ts',
      'main/library/export/json-export.ts',
    ],
    tests: ['tests/library/export/export-formats.test.ts', 'tests/library/export/export-parts.test.ts'],
  },
  // Saved web pages (MHTML): the MIME multipart reader and the format around it.
  mhtml: {
    mutate: ['main/library/import/mime-multipart.ts', 'main/library/import/formats/mhtml.ts'],
    tests: ['tests/library/import/mhtml.test.ts', 'tests/library/import/mime-parts.test.ts'],
  },
  // A saved page's metadata from what it declares (JSON-LD, Open Graph, Dublin Core, Parse.ly, citation meta).
  metadata: {
    mutate: ['main/library/import/html-metadata.ts'],
    tests: ['tests/library/import/html-metadata.test.ts'],
  },
  // The library's own files: catalog shards and head, the descriptor, user.json, saved-searches.json, quarantine.
  store: {
    mutate: [
      'main/library/store/catalog.ts',
      'main/library/store/descriptor.ts',
      'main/library/store/user-data.ts',
      'main/library/store/saved-searches.ts',
      'main/library/store/quarantine.ts',
    ],
    tests: ['tests/library/store/*.test.ts'],
  },
  // Reading zips entry by entry: names, unsafe names, junk, the entry-count limit, bytes counted as they inflate.
  zip: {
    mutate: ['main/library/import/zip-entries.ts'],
    tests: ['tests/library/import/zip-entries.test.ts'],
  },
  // The CSV reader, and link-only entries (Pocket, Instapaper).
  links: {
    mutate: ['main/library/import/csv.ts', 'main/library/import/link-entry.ts'],
    tests: ['tests/library/import/csv-and-links.test.ts'],
  },
  // Image types by content, for the files a saved page brings (never SVG, never by name).
  images: {
    mutate: ['main/library/import/image-type.ts'],
    tests: ['tests/library/import/image-type.test.ts'],
  },
  // An HTML body to the text an article stores, a saved page put in a browser's shape before it is read, and a
  // hit read from its article's files.
  bodies: {
    mutate: [
      'main/library/import/html-text.ts',
      'main/library/search/hit-file.ts',
      'main/library/import/whole-document.ts',
    ],
    tests: [
      'tests/library/import/html-text.test.ts',
      'tests/library/search/hit-file.test.ts',
      'tests/library/import/page-shapes.test.ts',
    ],
  },
  // Executing a query over the segments as Lunr would: the executor and the segment set (live documents,
  // global statistics), against a Lunr index of the same documents in this process.
  executor: {
    mutate: ['main/library/search/engine/query-executor.ts', 'main/library/search/engine/segment-set.ts'],
    tests: [
      'tests/library/search/executor-equivalence.test.ts',
      'tests/library/search/query-bounds.test.ts',
      'tests/library/search/engine-parts.test.ts',
    ],
  },
  // Answering a search request: filters, orders, paging, tag counts (the per-document columns), hits, notices.
  service: {
    mutate: [
      'main/library/search/search-service.ts',
      'main/library/search/engine/doc-columns.ts',
      'main/library/search/tag-facets.ts',
      'main/library/search/date-bounds.ts',
      'main/library/search/top-k.ts',
    ],
    tests: ['tests/library/search/search-service.test.ts', 'tests/library/search/engine-parts.test.ts'],
  },
  // Other apps' exports: Omnivore and Wallabag (zip or JSON), ArchiveBox's data folder, the JSON and zip
  // listings they are read through, and the walk over dropped folders that finds them. Direct tests only:
  // omnivore.test.ts, wallabag.test.ts and folders.test.ts import through extract, which loads jsdom and every
  // importer (about 12 s of imports a run, seconds per mutant) and run the CLI, where no mutant is active; what
  // they check of these files, export-listings and export-readers check by calling the readers and the walk.
  exports: {
    mutate: [
      'main/library/import/formats/omnivore.ts',
      'main/library/import/formats/wallabag.ts',
      'main/library/import/formats/archivebox.ts',
      'main/library/import/archivebox-index.ts',
      'main/library/import/json-fields.ts',
      'main/library/import/zip-directory.ts',
      'main/library/import/walk-inputs.ts',
    ],
    tests: ['tests/library/import/export-listings.test.ts', 'tests/library/import/export-readers.test.ts'],
  },
  // Single-file formats: WARC, Markdown (with front matter), a saved page, plain text, and the link lists of
  // Pocket and Instapaper.
  formats: {
    mutate: [
      'main/library/import/formats/warc.ts',
      'main/library/import/formats/markdown.ts',
      'main/library/import/formats/plain-text.ts',
      'main/library/import/formats/instapaper.ts',
    ],
    tests: [
      'tests/library/import/warc.test.ts',
      'tests/library/import/markdown.test.ts',
      'tests/library/import/html-page.test.ts',
      'tests/library/import/link-exports.test.ts',
      'tests/library/import/zip-archive.test.ts',
      'tests/library/import/text-formats-parts.test.ts',
      'tests/library/seed-text-importer.test.ts',
    ],
  },
  // The small text-format files, apart from `formats` (whose importers cost seconds a mutant and are sampled) so
  // each has a full run: front matter, line splitting, a saved page read as is, and Pocket's link lists.
  'text-parts': {
    mutate: [
      'main/library/import/front-matter.ts',
      'main/library/import/formats/html-page.ts',
      'main/library/import/formats/pocket.ts',
      'main/library/import/text-lines.ts',
    ],
    tests: [
      'tests/library/import/markdown.test.ts',
      'tests/library/import/html-page.test.ts',
      'tests/library/import/link-exports.test.ts',
      'tests/library/import/text-formats-parts.test.ts',
      'tests/library/import/text-parts.test.ts',
    ],
  },
  // The import pipeline around the formats: which format a file is, the registry, extraction and its outcomes,
  // zips of anything, a saved page's reading (Readability) and the local images it brings.
  // local-resources.test.ts and stoppable-extraction.test.ts guard these too, but through a library's import
  // worker, where Stryker sees no coverage: they would only run for the static mutants, a minute each.
  pipeline: {
    mutate: [
      'main/library/import/extract.ts',
      'main/library/import/importer.ts',
      'main/library/import/registry.ts',
      'main/library/import/sniff.ts',
      'main/library/import/finish-outcome.ts',
      'main/library/import/formats/zip-archive.ts',
      'main/library/import/html-page-reader.ts',
      'main/library/import/local-images.ts',
      'main/library/import/decode-html.ts',
      'main/library/import/html-fragment.ts',
    ],
    tests: [
      'tests/library/import/zip-archive.test.ts',
      'tests/library/import/zip-depth.test.ts',
      'tests/library/import/html-page.test.ts',
      'tests/library/import/not-articles.test.ts',
      'tests/library/import/decode-html.test.ts',
      'tests/library/import/file-size-limit.test.ts',
      'tests/library/import/local-images.test.ts',
      'tests/library/import/html-fragment.test.ts',
      'tests/library/seed-text-importer.test.ts',
    ],
  },
  // Backup and restore: the backup zip written and read back, what it holds, and merging a restored library's
  // tags, notes, highlights and saved searches into one that has its own. backup-parts.test.ts calls these
  // directly (an ArticleStore, no library); backup-restore.test.ts does the same through whole libraries and
  // their import jobs (17 s a run, most of it opening libraries) and is left out.
  backup: {
    mutate: [
      'main/library/export/restore-backup.ts',
      'main/library/export/write-backup.ts',
      'main/library/export/backup-format.ts',
      'main/library/export/backup-detect.ts',
      'main/library/export/merge-user-data.ts',
      'main/library/export/merge-saved-searches.ts',
      'main/library/export/offprint-version.ts',
      'main/library/export/zip-buffer.ts',
    ],
    tests: ['tests/library/export/backup-parts.test.ts'],
  },
  // The rules of the user's edits (tags, notes, highlights, reading state, saved searches). tag-edits.test.ts,
  // saved-searches.test.ts and user-data.test.ts also guard them, through a real library per test (seconds
  // each); edits-parts.test.ts calls the rules directly and pins what they did, so they are left out.
  edits: {
    mutate: ['main/library/user-edits.ts', 'main/library/tag-edits.ts', 'main/library/saved-search-edits.ts'],
    tests: ['tests/library/edits-parts.test.ts'],
  },
  // The index on disk: the segment files, the manifest naming them, when segments merge, and the segmented
  // index that adds, removes and reloads. segmented-index.test.ts drives it over a real store with the worker's
  // functions on this thread; index-round-trip.test.ts (a whole library, 18 s a run, its segments built behind
  // the worker thread where no mutant is active) guards the same and is left out.
  index: {
    mutate: [
      'main/library/search/engine/segmented-index.ts',
      'main/library/search/engine/segment-files.ts',
      'main/library/search/engine/manifest.ts',
      'main/library/search/engine/merge-policy.ts',
    ],
    tests: [
      'tests/library/search/segment-files.test.ts',
      'tests/library/search/segment-upgrade.test.ts',
      'tests/library/search/segmented-index.test.ts',
      'tests/library/search/index-manifest.test.ts',
      'tests/library/search/engine-parts.test.ts',
    ],
  },
  // The store under a live library: the batch journal and its commit, reconciling after a crash, the library
  // lock and the leftovers a crash leaves. article-store.test.ts, store-commit-race.test.ts and damage.test.ts
  // also guard these, through a real library (an import worker, seconds a test), and library-lock.test.ts races
  // a dozen real processes for the lock (mutants are active in them too, but each run costs seconds of the whole
  // machine); article-store-parts.test.ts and lock-and-leftovers.test.ts call the store, the lock and the
  // leftovers directly on a real folder and pin what those did, so they are left out.
  'live-store': {
    mutate: [
      'main/library/store/article-store.ts',
      'main/library/store/library-lock.ts',
      'main/library/store/limited.ts',
      'main/library/store/leftovers.ts',
    ],
    tests: ['tests/library/article-store-parts.test.ts', 'tests/library/lock-and-leftovers.test.ts'],
  },
  // The small parts of the library, apart from `library` (a real library opens for each of its tests, seconds a
  // mutant, so it is sampled) so each has a full run: the dispatcher, where the library lives, what the index
  // sees of an article, and the pool of search threads.
  'library-parts': {
    mutate: [
      'main/library/dispatch.ts',
      'main/library/location.ts',
      'main/library/search/index-document.ts',
      'main/library/search/search-pool.ts',
    ],
    tests: [
      'tests/library/dispatch.test.ts',
      'tests/library/location.test.ts',
      'tests/library/search/index-document.test.ts',
      'tests/library/search/search-pool.test.ts',
    ],
  },
  // The library itself: opening, imports through the worker, search through the pool or in this process, the
  // one dispatcher the transports share. Each mutant costs seconds (a real library opens for each test).
  library: {
    mutate: [
      'main/library/library.ts',
      'main/library/import-job.ts',
      'main/library/worker-client.ts',
      'main/library/search-only.ts',
      'main/library/search/lunr-setup.ts',
    ],
    // A first sample with only the first five of these scored 29 %: the library's import job, its user-data
    // edits, cancellation and resources are guarded by the tests that import, annotate and cancel through it.
    tests: [
      'tests/library/worker-client.test.ts',
      'tests/library/dispatch.test.ts',
      'tests/library/search-only.test.ts',
      'tests/library/catalog-and-index-files.test.ts',
      'tests/library/search.test.ts',
      'tests/library/tag-edits.test.ts',
      'tests/library/user-data.test.ts',
      'tests/library/search-equivalence.test.ts',
      'tests/library/search/annotations-search.test.ts',
      'tests/library/import/stoppable-extraction.test.ts',
      'tests/library/import/local-resources.test.ts',
      'tests/library/import/walk-claims.test.ts',
    ],
  },
};
