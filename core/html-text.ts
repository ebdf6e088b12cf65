// Article text from HTML source, as the content script sees a page: the text nodes of <body> outside
// skipped elements (core/text-rules.ts), whitespace-only nodes dropped, joined with "\n". Pure string
// work (no DOM), so the detect CLI and tests give the same offsets the extension does.

import { SKIPPED_TAGS, TEXT_NODE_SEPARATOR, skippedByAttributes } from './text-rules';

const VOID_TAGS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);
/** Elements whose content is not markup: the parser looks only for their end tag. */
const RAW_TEXT_TAGS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'template']);
/** Outside <body> nothing is page text. */
const NOT_BODY = new Set(['head', 'title']);

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', shy: '\u00ad', ndash: '\u2013', mdash: '\u2014',
  lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d', hellip: '\u2026', copy: '\u00a9', reg: '\u00ae',
  trade: '\u2122', times: '\u00d7', middot: '\u00b7', bull: '\u2022', laquo: '\u00ab', raquo: '\u00bb', euro: '\u20ac',
  pound: '\u00a3', deg: '\u00b0', thinsp: '\u2009', ensp: '\u2002', emsp: '\u2003', zwj: '\u200d', zwnj: '\u200c',
  eacute: '\u00e9', egrave: '\u00e8', uuml: '\u00fc', ouml: '\u00f6', auml: '\u00e4', szlig: '\u00df', plus: '+',
};

export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z][a-z0-9]*);?/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
  });
}

function parseAttributes(source: string): Map<string, string> {
  const attrs = new Map<string, string>();
  const re = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(source)) !== null) {
    const name = m[1]!.toLowerCase();
    if (!attrs.has(name)) attrs.set(name, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attrs;
}

/** The visible text nodes of an HTML document or fragment, joined with "\n". */
export function htmlToText(html: string): string {
  const out: string[] = [];
  const stack: string[] = [];
  /** Depth in `stack` at which a skipped element starts, or -1. */
  let skipFrom = -1;
  const hasBody = /<body[\s>]/i.test(html);
  let inBody = !hasBody;
  let i = 0;
  const n = html.length;
  const pushText = (raw: string): void => {
    if (skipFrom >= 0 || !inBody) return;
    const text = decodeEntities(raw);
    if (text.trim() !== '') out.push(text);
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) { pushText(html.slice(i)); break; }
    if (lt > i) pushText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    if (html[lt + 1] === '!' || html[lt + 1] === '?') {
      const end = html.indexOf('>', lt);
      i = end < 0 ? n : end + 1;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/.exec(html.slice(lt, lt + 4096));
    if (!tag) { pushText('<'); i = lt + 1; continue; }
    i = lt + tag[0].length;
    const closing = tag[1] === '/';
    const name = tag[2]!.toLowerCase();
    if (name === 'body') { inBody = !closing; continue; }
    if (closing) {
      const at = stack.lastIndexOf(name);
      if (at >= 0) {
        stack.length = at;
        if (skipFrom >= stack.length) skipFrom = -1;
      }
      continue;
    }
    const attrs = parseAttributes(tag[3] ?? '');
    const selfClosing = /\/\s*$/.test(tag[3] ?? '');
    const skipped = SKIPPED_TAGS.has(name) || NOT_BODY.has(name) || skippedByAttributes((a) => attrs.get(a) ?? null);
    if (RAW_TEXT_TAGS.has(name) && !selfClosing) {
      const close = html.toLowerCase().indexOf(`</${name}`, i);
      const end = close < 0 ? n : close;
      if (!skipped && skipFrom < 0 && inBody) pushText(html.slice(i, end));
      const gt = close < 0 ? n : html.indexOf('>', close);
      i = gt < 0 ? n : gt + 1;
      continue;
    }
    if (VOID_TAGS.has(name) || selfClosing) continue;
    stack.push(name);
    if (skipped && skipFrom < 0) skipFrom = stack.length - 1;
  }
  return out.join(TEXT_NODE_SEPARATOR);
}
