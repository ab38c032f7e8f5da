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
    tests: ['tests/library/export/citations.test.ts'],
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
    tests: ['tests/library/export/export-formats.test.ts'],
  },
  // Saved web pages (MHTML): the MIME multipart reader and the format around it.
  mhtml: {
    mutate: ['main/library/import/mime-multipart.ts', 'main/library/import/formats/mhtml.ts'],
    tests: ['tests/library/import/mhtml.test.ts'],
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
  // An HTML body to the text an article stores, and a hit read from its article's files.
  bodies: {
    mutate: ['main/library/import/html-text.ts', 'main/library/search/hit-file.ts'],
    tests: ['tests/library/import/html-text.test.ts', 'tests/library/search/hit-file.test.ts'],
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
};
