// The article's publication date, from (in order) the article:published_time meta tag, JSON-LD
// `datePublished`, or a <time datetime> in the article. Returned as "YYYY-MM-DD" (or coarser).

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/;

/** "2013-09-04T10:00:00+02:00" -> "2013-09-04"; anything not starting with a plausible date -> undefined. */
export function toPartialDate(value: string | null | undefined): string | undefined {
  const match = value?.trim().match(PARTIAL_DATE);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const year = Number(y);
  if (year < 1990 || year > 2200) return undefined;
  if (m !== undefined && (Number(m) < 1 || Number(m) > 12)) return undefined;
  if (d !== undefined && (Number(d) < 1 || Number(d) > 31)) return undefined;
  return [y, m, d].filter((p) => p !== undefined).join('-');
}

/** The first `datePublished` anywhere in a JSON-LD value (objects, arrays, @graph). */
export function findDatePublished(value: unknown, depth = 0): string | undefined {
  if (depth > 6 || value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = findDatePublished(item, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  const record = value as Record<string, unknown>;
  const direct = record.datePublished;
  if (typeof direct === 'string' && toPartialDate(direct)) return toPartialDate(direct);
  for (const key of Object.keys(record)) {
    const found = findDatePublished(record[key], depth + 1);
    if (found) return found;
  }
  return undefined;
}

export function publishedDate(doc: Document = document): string | undefined {
  const meta = doc.querySelector('meta[property="article:published_time"], meta[name="article:published_time"]');
  const fromMeta = toPartialDate(meta?.getAttribute('content'));
  if (fromMeta) return fromMeta;
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      const found = findDatePublished(JSON.parse(script.textContent ?? ''));
      if (found) return found;
    } catch {
      // A page's broken JSON-LD is its own business; try the next source.
    }
  }
  const time = doc.querySelector('article time[datetime], time[itemprop="datePublished"], time[pubdate], time[datetime]');
  return toPartialDate(time?.getAttribute('datetime'));
}
