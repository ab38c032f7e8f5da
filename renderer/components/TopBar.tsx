import type { Ref } from 'react';
import appIcon from '../../assets/icons/64x64.png';
import { ImportButton } from './ImportButton';
import { SearchBox } from './SearchBox';

interface TopBarProps {
  query: string;
  onQuery(query: string): void;
  searchRef: Ref<HTMLInputElement>;
  searching: boolean;
  onSearchLeaveDown(): void;
  onSearchLeave(): void;
  onImportFiles(files: FileList): void;
}

export function TopBar(props: TopBarProps) {
  return (
    <header className="top-bar">
      <h1 className="brand">
        <img className="brand-mark" src={appIcon} alt="" width={26} height={26} />
        Offprint
      </h1>
      <SearchBox
        value={props.query}
        onChange={props.onQuery}
        inputRef={props.searchRef}
        busy={props.searching}
        onLeaveDown={props.onSearchLeaveDown}
        onLeave={props.onSearchLeave}
      />
      <ImportButton onFiles={props.onImportFiles} />
    </header>
  );
}
