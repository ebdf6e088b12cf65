// Base64 for typed arrays inside the compiled matcher: JSON-safe, about 4/3 of the raw bytes, and decoded
// by a plain loop (no Buffer, no atob) so the same code runs in Node and in a service worker.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Uint8Array(128);
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

/** The bytes of s[from..] in base64. */
export function base64ToBytes(s: string, from = 0): Uint8Array<ArrayBuffer> {
  let len = s.length;
  while (len > from && s.charCodeAt(len - 1) === 61) len--;
  const out = new Uint8Array(((len - from) * 3) >> 2);
  let o = 0;
  let i = from;
  for (; i + 4 <= len; i += 4) {
    const v = (DECODE[s.charCodeAt(i)]! << 18) | (DECODE[s.charCodeAt(i + 1)]! << 12) |
      (DECODE[s.charCodeAt(i + 2)]! << 6) | DECODE[s.charCodeAt(i + 3)]!;
    out[o++] = v >> 16; out[o++] = (v >> 8) & 255; out[o++] = v & 255;
  }
  const rest = len - i;
  if (rest >= 2) {
    const v = (DECODE[s.charCodeAt(i)]! << 18) | (DECODE[s.charCodeAt(i + 1)]! << 12) |
      (rest === 3 ? DECODE[s.charCodeAt(i + 2)]! << 6 : 0);
    out[o++] = v >> 16;
    if (rest === 3) out[o++] = (v >> 8) & 255;
  }
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
  for (let k = 0; k < steps.length; k++) { at += steps[k]!; out[k] = at; }
  return out;
}
