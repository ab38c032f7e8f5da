/** The server's edges: inputs that are not files but a command line and a request (run by the e2e test). */

export interface ServerCase {
  name: string;
  input: string;
  expected: string;
}

export const SERVER_CASES: ServerCase[] = [
  {
    name: 'server-empty-token',
    input: '`offprint serve --host 0.0.0.0 --token ""`',
    expected: 'refused at start with a message stating the minimum token length (answered everyone before)',
  },
  {
    name: 'server-short-token',
    input: '`offprint serve --host 0.0.0.0 --token x`',
    expected: 'refused at start with a message stating the minimum token length',
  },
  {
    name: 'server-huge-body',
    input: 'a 250 MiB JSON body sent to `/api/search`',
    expected: '413 before the body is parsed (parsed for 9 s and 1.2 GB before)',
  },
];
