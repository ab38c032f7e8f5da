/**
 * The part of citation-js that Offprint uses (the packages ship no type declarations). The plugins register
 * their formats with the core on import.
 */
declare module '@citation-js/core' {
  interface FormatOptions {
    format?: 'text' | 'html';
    template?: string;
    lang?: string;
  }
  interface CiteInstance {
    format(name: 'bibtex' | 'ris' | 'data' | 'bibliography', options?: FormatOptions): string;
  }
  const core: {
    Cite: new (data: unknown) => CiteInstance;
    plugins: { output: { format(name: 'ris', data: unknown[], options?: { format?: 'text' }): string } };
  };
  export default core;
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
