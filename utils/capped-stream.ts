// Reading a stream with a byte cap: a hostile feed (or a gzip bomb) is never held whole past the cap.
// Shared by the plain feed reader (updater.ts) and the signed channel's download and gunzip (signed-feed.ts).

/**
 * The chunks of `reader`, in order, until it ends. As soon as more than `maxBytes` have come, the stream is
 * cancelled and `tooLarge()` is thrown.
 */
export async function* cappedChunks(reader: ReadableStreamDefaultReader<Uint8Array>, maxBytes: number, tooLarge: () => Error): AsyncGenerator<Uint8Array> {
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    yield value;
  }
}
