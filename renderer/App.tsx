import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { AppEvent } from '../common/bridge';
import { getBridge } from './api/bridge';
import { DropOverlay } from './components/DropOverlay';
import { ErrorBoundary } from './components/ErrorBoundary';
import { FilterPane } from './components/FilterPane';
import { ImportPanel } from './components/ImportPanel';
import { PaneSplitter } from './components/PaneSplitter';
import { ReaderPane } from './components/ReaderPane';
import { ResultsPane } from './components/ResultsPane';
import { StatusBar } from './components/StatusBar';
import { TopBar } from './components/TopBar';
import { Welcome } from './components/Welcome';
import { focusListRow, rowIndexOf } from './dom/focus';
import { forgetArticles, prefetchArticle, useArticle } from './hooks/useArticle';
import { useAppEvents } from './hooks/useAppEvents';
import { useArticleHash } from './hooks/useArticleHash';
import { useDebouncedValue } from './hooks/useDebouncedValue';
import { useDocumentTitle } from './hooks/useDocumentTitle';
import { useFileDrop } from './hooks/useFileDrop';
import { useGlobalKeys } from './hooks/useGlobalKeys';
import { useImport } from './hooks/useImport';
import { useLibraryInfo } from './hooks/useLibraryInfo';
import { useListNavigation } from './hooks/useListNavigation';
import { useMediaQuery } from './hooks/useMediaQuery';
import { usePaneLayout } from './hooks/usePaneLayout';
import { useReaderFontSize } from './hooks/useReaderFontSize';
import { useSearchResults } from './hooks/useSearchResults';
import { useTagCounts } from './hooks/useTagCounts';
import { batchesFromDrop, batchesFromPicker } from './import/import-batches';
import { normalizeTerms } from './lib/highlight';
import type { KeyCommand } from './lib/keyboard';
import { activeFilterCount, criteriaKey, filtersReducer, INITIAL_FILTERS, isFiltered } from './state/filters';

/** Long enough to skip the searches for half-typed words, short enough to feel immediate. */
const TYPING_DEBOUNCE_MS = 120;
/** Below this width the panes do not fit side by side: the list and the reader take turns. */
const NARROW = '(max-width: 760px)';

export function App() {
  const [reloadKey, reload] = useReducer((key: number) => key + 1, 0);
  const [filters, dispatch] = useReducer(filtersReducer, INITIAL_FILTERS);
  const query = useDebouncedValue(filters.query, TYPING_DEBOUNCE_MS);
  const criteria = { ...filters, query };
  const results = useSearchResults(criteria, reloadKey);
  const tagCounts = useTagCounts(criteria, results.summary, reloadKey);
  const nav = useListNavigation(results.pages);
  const article = useArticle(nav.openId, reloadKey);
  const library = useLibraryInfo(reloadKey);
  const { layout, resize, setCollapsed } = usePaneLayout();
  const [fontSize, adjustFontSize] = useReaderFontSize();
  const narrow = useMediaQuery(NARROW);
  // On a narrow window the filters are a drawer, closed by default, whatever the wide layout remembers.
  const [narrowFiltersOpen, setNarrowFiltersOpen] = useState(false);
  const searchBox = useRef<HTMLInputElement>(null);
  const readerKeys = useRef<((command: KeyCommand) => boolean) | null>(null);
  const terms = useMemo(() => normalizeTerms(results.summary?.terms ?? []), [results.summary]);
  const total = results.summary?.total ?? 0;
  useDocumentTitle(nav.openId !== null ? (article.article?.title ?? null) : null);
  useArticleHash(nav.openId, nav.openById);

  const libraryChanged = useCallback(() => {
    forgetArticles();
    reload();
  }, []);
  const importer = useImport(libraryChanged);
  const dragging = useFileDrop((transfer) => importer.add(batchesFromDrop(transfer)));

  const filtersVisible = narrow ? narrowFiltersOpen && nav.view === 'list' : !layout.filtersCollapsed;
  const listVisible = narrow ? nav.view === 'list' : !layout.listCollapsed;
  const readerVisible = !narrow || nav.view === 'reader';

  const focusSearch = () => {
    searchBox.current?.focus();
    searchBox.current?.select();
  };

  /** Focus to the list's row, selecting it if nothing was; false when there is no row to go to. */
  const focusList = (): boolean => {
    const row = focusListRow();
    if (!row) return false;
    if (nav.selected === null) nav.select(rowIndexOf(row));
    return true;
  };

  const showList = () => {
    if (narrow) nav.showList();
    else setCollapsed('list', false);
  };

  const backToList = () => {
    showList();
    // The list may only exist after this render.
    requestAnimationFrame(() => focusList() || focusSearch());
  };

  useAppEvents((event: AppEvent) => {
    switch (event.type) {
      case 'import-started':
        importer.follow(event.job);
        break;
      case 'library-changed':
        // Another library: nothing selected or filtered here means anything there.
        nav.reset();
        dispatch({ type: 'clear-all' });
        libraryChanged();
        break;
      case 'focus-search':
        focusSearch();
        break;
      case 'reader-font-size':
        adjustFontSize(event.delta);
        break;
    }
  });

  useGlobalKeys(nav.openId !== null, (command: KeyCommand): boolean => {
    switch (command) {
      case 'focus-search':
        focusSearch();
        return true;
      case 'escape':
        if (nav.openId === null) return false;
        backToList();
        return true;
      case 'next-article':
        return nav.step(1);
      case 'previous-article':
        return nav.step(-1);
      case 'toggle-star':
      case 'toggle-read':
      case 'highlight-selection':
        return readerKeys.current?.(command) ?? false;
      case 'open-selected':
        if (nav.selected === null) return false;
        nav.open(nav.selected, { focus: true });
        return true;
      case 'select-next':
      case 'select-previous':
        // With nothing focused, ↑/↓ first go to the list; from there the list moves its own selection.
        return listVisible && focusList();
      default:
        return false;
    }
  });

  // Stepping through the list should not wait on the network: fetch the next article while this one is read.
  useEffect(() => {
    if (nav.openIndex === null || !results.pages) return;
    const next = results.pages.hitAt(nav.openIndex + 1);
    if (next) prefetchArticle(next.id);
  }, [nav.openIndex, results.pages]);

  const emptyLibrary = library.info?.articles === 0 && total === 0 && !isFiltered(filters);
  const columns = [
    ...(filtersVisible && !narrow ? [`min(${layout.filtersWidth}px, 30vw)`, 'auto'] : []),
    ...(listVisible && !narrow ? [`min(${layout.listWidth}px, 50vw)`, 'auto'] : []),
    'minmax(0, 1fr)',
  ].join(' ');

  return (
    <div className="app">
      <TopBar
        query={filters.query}
        onQuery={(value) => dispatch({ type: 'set-query', query: value })}
        searchRef={searchBox}
        searching={results.pending || filters.query !== query}
        onSearchLeaveDown={() => focusList()}
        onSearchLeave={() => focusList() || searchBox.current?.blur()}
        onImportFiles={(files) => importer.add(batchesFromPicker(files))}
      />
      {emptyLibrary ? (
        <main className="main">
          <Welcome desktop={getBridge() !== null} />
        </main>
      ) : (
        <main className={`main panes${narrow ? ' is-narrow' : ''}`} style={{ gridTemplateColumns: columns }}>
          {filtersVisible && (
            <ErrorBoundary area="The filters">
              <FilterPane
                filters={filters}
                dispatch={dispatch}
                tagCounts={tagCounts}
                onCollapse={() => (narrow ? setNarrowFiltersOpen(false) : setCollapsed('filters', true))}
                reloadKey={reloadKey}
                onLibraryEdited={libraryChanged}
              />
            </ErrorBoundary>
          )}
          {filtersVisible && !narrow && (
            <PaneSplitter
              pane="filters"
              label="Resize filters"
              controls="filters-pane"
              width={layout.filtersWidth}
              onResize={(width) => resize('filters', width)}
              onCollapse={() => setCollapsed('filters', true)}
            />
          )}
          {listVisible && (
            <ErrorBoundary area="The list">
              <ResultsPane
                results={results}
                filtered={isFiltered(filters)}
                sort={filters.sort}
                onSort={(sort) => dispatch({ type: 'set-sort', sort })}
                selected={nav.selected}
                openIndex={nav.openIndex}
                onSelect={nav.select}
                onOpen={(index) => nav.open(index, { focus: true })}
                onClearFilters={() => dispatch({ type: 'clear-all' })}
                onRetry={reload}
                onShowFilters={
                  filtersVisible
                    ? null
                    : () => (narrow ? setNarrowFiltersOpen(true) : setCollapsed('filters', false))
                }
                activeFilterCount={activeFilterCount(filters)}
                onCollapse={() => setCollapsed('list', true)}
                canCollapse={!narrow}
                listKey={criteriaKey(criteria)}
                openId={nav.openId}
                tagCounts={tagCounts}
                onEdited={libraryChanged}
              />
            </ErrorBoundary>
          )}
          {listVisible && !narrow && (
            <PaneSplitter
              pane="list"
              label="Resize list"
              controls="results-pane"
              width={layout.listWidth}
              onResize={(width) => resize('list', width)}
              onCollapse={() => setCollapsed('list', true)}
            />
          )}
          {readerVisible && (
            <ErrorBoundary area="The reader">
              <ReaderPane
                state={article}
                terms={terms}
                openIndex={nav.openIndex}
                total={total}
                onStep={nav.step}
                onOpenArticle={nav.openById}
                onShowList={listVisible ? null : backToList}
                fontSize={fontSize}
                focusToken={nav.focusReaderToken}
                keysRef={readerKeys}
                onUserDataChanged={reload}
              />
            </ErrorBoundary>
          )}
        </main>
      )}
      <StatusBar info={library.info} error={library.error} />
      {importer.view && (
        <ImportPanel view={importer.view} onCancel={importer.cancel} onDismiss={importer.dismiss} />
      )}
      {dragging && <DropOverlay />}
    </div>
  );
}
