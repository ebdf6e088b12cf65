// Article text from HTML: what the content script would read, with the same skip rules.
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlToText } from '../../core/html-text';

describe('htmlToText', () => {
  it('joins visible text nodes with newlines and skips code, scripts, hidden and editable parts', () => {
    const html = '<html><head><title>T</title><style>p{}</style></head><body><h1>Galaxy S24</h1>' +
      '<p>The <b>Pixel&nbsp;9</b> &amp; more</p><script>var a = "iPhone 15";</script><pre>Xperia</pre>' +
      '<div hidden>Nexus</div><span aria-hidden="true">x</span><div contenteditable="true">Edit</div>' +
      '<svg><text>Svg</text></svg><noscript>No</noscript><template>Tpl</template><textarea>Ta</textarea>' +
      '<!-- comment --><p>End</p></body></html>';
    expect(htmlToText(html)).toBe('Galaxy S24\nThe \nPixel\u00a09\n & more\nEnd');
  });

  it('decodes numeric and named entities and leaves unknown ones', () => {
    expect(decodeEntities('S24&#43; &#x2019;s &shy;&bogus; &lt;b&gt;')).toBe('S24+ \u2019s \u00ad&bogus; <b>');
  });

  it('reads a fragment without <body> as body text', () => {
    expect(htmlToText('<p>One</p><p>Two</p>')).toBe('One\nTwo');
  });
});
