// Base64 for typed arrays inside the compiled matcher: JSON-safe, about 4/3 of the raw bytes, and decoded
// by a plain loop (no Buffer, no atob) so the same code runs in Node and in a service worker.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** Each ASCII character's six bits; 64 for a character that is not base64. */
const DECODE = new Uint8Array(128).fill(64);
for (let i = 0; i < ALPHABET.length; i++) DECODE[ALPHABET.charCodeAt(i)] = i;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  for (let i = 0; i < n; i += 3) {
    const a = bytes[i] as number;
    const b = i + 1 < n ? (bytes[i + 1] as number) : 0;
    const c = i + 2 < n ? (bytes[i + 2] as number) : 0;
    chunk += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]! +
      (i + 1 < n ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : '=') + (i + 2 < n ? ALPHABET[c & 63]! : '=');
    if (chunk.length >= 8192) { parts.push(chunk); chunk = ''; }
  }
  parts.push(chunk);
  return parts.join('');
}

/** The bytes of s[from..] in base64; throws if a character is not base64 (a damaged saved matcher). */
export function base64ToBytes(s: string, from = 0): Uint8Array<ArrayBuffer> {
  let len = s.length;
  while (len > from && s.charCodeAt(len - 1) === 61) len--;
  if ((len - from) % 4 === 1) throw new Error('not base64 (a lone last character)');
  const out = new Uint8Array(((len - from) * 3) >> 2);
  let o = 0;
  let i = from;
  // Every character and its six bits ORed in: a code above 127 or a DECODE of 64 shows once at the end.
  let chars = 0;
  let sixes = 0;
  for (; i + 4 <= len; i += 4) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    const c = s.charCodeAt(i + 2);
    const d = s.charCodeAt(i + 3);
    const da = DECODE[a & 127]!;
    const db = DECODE[b & 127]!;
    const dc = DECODE[c & 127]!;
    const dd = DECODE[d & 127]!;
    chars |= a | b | c | d;
    sixes |= da | db | dc | dd;
    const v = (da << 18) | (db << 12) | (dc << 6) | dd;
    out[o++] = v >> 16; out[o++] = (v >> 8) & 255; out[o++] = v & 255;
  }
  const rest = len - i;
  if (rest >= 2) {
    const a = s.charCodeAt(i);
    const b = s.charCodeAt(i + 1);
    const c = rest === 3 ? s.charCodeAt(i + 2) : 65;
    const da = DECODE[a & 127]!;
    const db = DECODE[b & 127]!;
    const dc = DECODE[c & 127]!;
    chars |= a | b | c;
    sixes |= da | db | dc;
    const v = (da << 18) | (db << 12) | (dc << 6);
    out[o++] = v >> 16;
    if (rest === 3) out[o++] = (v >> 8) & 255;
  }
  if (chars > 127 || sixes > 63) throw new Error('not base64 (a character outside its alphabet)');
  return out;
}

/** Little-endian on every platform the extension runs on, which is all we need for a self-made cache. */
export function int32ToBase64(a: Int32Array): string {
  return bytesToBase64(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
}

export function base64ToInt32(s: string): Int32Array {
  const bytes = base64ToBytes(s);
  return new Int32Array(bytes.buffer, 0, bytes.byteLength >> 2);
}

/** An integer array as loaded: each value in the fewest bytes that hold them all (intsToBase64). */
export type Ints = Uint8Array<ArrayBuffer> | Uint16Array<ArrayBuffer> | Int32Array<ArrayBuffer>;

/**
 * Integers in the narrowest of one, two or four bytes each that holds them all (a width digit, then the
 * base64 of the bytes): most of the matcher's arrays are small numbers, and the loader decodes every byte.
 */
export function intsToBase64(a: Int32Array): string {
  let min = 0;
  let max = 0;
  for (let k = 0; k < a.length; k++) { min = Math.min(min, a[k]!); max = Math.max(max, a[k]!); }
  if (min >= 0 && max <= 0xff) return '1' + bytesToBase64(Uint8Array.from(a));
  if (min >= 0 && max <= 0xffff) { const w = Uint16Array.from(a); return '2' + bytesToBase64(new Uint8Array(w.buffer)); }
  return '4' + int32ToBase64(a);
}

export function base64ToInts(s: string): Ints {
  const width = s.charCodeAt(0) - 48;
  if (width !== 1 && width !== 2 && width !== 4) throw new Error(`not an integer array (width ${s.slice(0, 1)})`);
  const bytes = base64ToBytes(s, 1);
  if (width === 1) return bytes;
  if (bytes.byteLength % width !== 0) throw new Error('an integer array cut short');
  return width === 2 ? new Uint16Array(bytes.buffer, 0, bytes.byteLength >> 1) : new Int32Array(bytes.buffer, 0, bytes.byteLength >> 2);
}

/** Ascending offsets as the first and the steps between neighbours (intsToBase64): names are short. */
export function offsetsToBase64(a: Int32Array): string {
  const steps = new Int32Array(a.length);
  for (let k = 0; k < a.length; k++) steps[k] = k === 0 ? a[0]! : a[k]! - a[k - 1]!;
  return intsToBase64(steps);
}

export function base64ToOffsets(s: string): Int32Array<ArrayBuffer> {
  const steps = base64ToInts(s);
  const out = new Int32Array(steps.length);
  let at = 0;
  let down = 0;
  for (let k = 0; k < steps.length; k++) { down |= steps[k]!; at += steps[k]!; out[k] = at; }
  if (down < 0 || at > 0x7fffffff) throw new Error('offsets that do not ascend');
  return out;
}
