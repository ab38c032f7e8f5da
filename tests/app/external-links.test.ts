import { describe, expect, it } from 'vitest';
import { isExternalWebLink } from '../../main/app/external-links';

describe('isExternalWebLink', () => {
  it.each([
    'https://www.example.org/news/2021/11/07/article',
    'http://example.org',
    'HTTPS://EXAMPLE.ORG/x?y#z',
  ])('hands %s to the system browser', (url) => expect(isExternalWebLink(url)).toBe(true));

  it.each([
    'file:///etc/passwd',
    'smb://server/share/payload.exe',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ms-msdt:/id PCWDiagnostic',
    'vscode://file/etc/passwd',
    'app://offprint/index.html',
    'mailto:someone@example.org',
    'http://',
    '//example.org/protocol-relative',
    'not a url',
  ])('never opens %s', (url) => expect(isExternalWebLink(url)).toBe(false));
});
