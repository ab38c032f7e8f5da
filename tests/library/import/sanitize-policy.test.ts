/**
 * The shared policy's second locks, each tested on its own. Both layers allow a short list of tags and
 * attributes and vet every link and image in a hook; the policy also forbids the dangerous tags and `style` by
 * name and accepts only a few URL schemes, so that an allow-list entry added by mistake, or a hook lost in an
 * edit, still lets nothing through. Behind the allow-list and the hooks those locks are never reached, so the
 * layers' own tests cannot tell whether they hold (mutation testing found every one of them unguarded): here
 * DOMPurify runs with the policy alone, no hooks, and with the allow-list widened to the very tags it forbids.
 */
import DOMPurify, { type WindowLike } from 'dompurify';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { SANITIZE_CONFIG } from '../../../common/sanitize-policy';
import { assertSupported } from '../../../main/library/import/sanitize-html';

const { window } = new JSDOM('');
// A private instance without the layers' hooks: only the policy decides.
const purify = DOMPurify(window as unknown as WindowLike);

// Written out rather than read from FORBID_TAGS: a loop over the list would pass whatever it held. Each after
// real content, in a context where the HTML parser keeps it, so only the sanitizer could remove it. (`frame`
// is forbidden too, but the parser drops a frame anywhere in a body, so no input can reach the sanitizer.)
const FORBIDDEN: [string, string][] = [
  ['script', '<p>a</p><script>x</script>'],
  ['style', '<p>a</p><style>p{}</style>'],
  ['iframe', '<p>a</p><iframe></iframe>'],
  ['object', '<p>a</p><object></object>'],
  ['embed', '<p>a</p><embed>'],
  ['form', '<p>a</p><form></form>'],
  ['input', '<p>a</p><input>'],
  ['button', '<p>a</p><button>b</button>'],
  ['textarea', '<p>a</p><textarea>t</textarea>'],
  ['select', '<p>a</p><select><option>o</option></select>'],
  ['link', '<p>a</p><link rel="stylesheet">'],
  ['meta', '<p>a</p><meta charset="utf-8">'],
  ['base', '<p>a</p><base>'],
  ['svg', '<p>a</p><svg></svg>'],
  ['math', '<p>a</p><math></math>'],
  ['video', '<p>a</p><video></video>'],
  ['audio', '<p>a</p><audio></audio>'],
  ['source', '<p>a</p><picture><source></picture>'],
  ['track', '<p>a</p><track>'],
  ['template', '<p>a</p><template><p>t</p></template>'],
];

/** The policy with every tag above allowed as well: only its forbid list stands between them and the output. */
function widened(html: string): string {
  const config = {
    ...SANITIZE_CONFIG,
    ADD_TAGS: FORBIDDEN.map(([tag]) => tag),
    RETURN_TRUSTED_TYPE: false as const,
  };
  return purify.sanitize(html, config);
}

describe('the policy forbids by name what its allow-list leaves out', () => {
  it.each(FORBIDDEN)('removes <%s> even when a mistake allows it', (tag, html) => {
    const out = widened(html);
    expect(out).not.toContain(`<${tag}`);
    expect(out.startsWith('<p>a</p>')).toBe(true);
  });

  it('removes style attributes even when a mistake allows them', () => {
    const config = { ...SANITIZE_CONFIG, ADD_ATTR: ['style'], RETURN_TRUSTED_TYPE: false as const };
    expect(purify.sanitize('<p style="color:red" title="t">s</p>', config)).toBe('<p title="t">s</p>');
  });
});

describe("the policy's URL schemes, without the hooks that vet links and images again", () => {
  const config = { ...SANITIZE_CONFIG, RETURN_TRUSTED_TYPE: false as const };

  it('accepts a scheme only at the start of the value', () => {
    expect(purify.sanitize(`<a href="javascript:alert('https:')">x</a>`, config)).toBe('<a>x</a>');
    expect(purify.sanitize(`<img src="javascript:void('resource:')">`, config)).toBe('<img>');
  });

  it('keeps web, mail and saved-resource addresses', () => {
    const html =
      '<a href="https://ok.example/">w</a><a href="mailto:a@b.example">m</a><img src="resource:a.png">';
    expect(purify.sanitize(html, config)).toBe(html);
  });
});

describe('the import sanitizer refuses to run where DOMPurify cannot sanitize', () => {
  it('throws naming the DOM unless DOMPurify says it is supported', () => {
    expect(() => assertSupported({ isSupported: false }, 'some DOM')).toThrow(
      'DOMPurify reports itself unsupported on some DOM: imported HTML cannot be sanitized, so nothing is imported.',
    );
    expect(() => assertSupported({}, 'another DOM')).toThrow(/unsupported on another DOM/);
    expect(() => assertSupported({ isSupported: true }, 'jsdom')).not.toThrow();
  });
});
