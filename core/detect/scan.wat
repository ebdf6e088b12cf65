;; The token scanner (scanner.ts) in WebAssembly, over the text's UTF-8 bytes. Cutting a page into words is
;; most of detection's time, and a JavaScript loop pays a charCodeAt, a table load and a bounds check per
;; character and a mispredicted branch per word; here sixty-four bytes at a time become bit masks, and the
;; words are read off the masks. scanner-js.ts is the reference: both cut the same tokens and flag them
;; alike, and every token the reference would start a walk from is listed here (tests/unit/detect-wasm.test.ts
;; compares what they find). Assembled into scan-wasm.ts by `npm run build:wasm`.
;;
;; In:  the text's UTF-8 at $bytes ($n bytes, then 64 zero bytes); the starts tables at $bits (lower-case
;;      words, name-starts.ts lowerStartTable) and $upperBits (capitalised words and numbers), $shift/$upperShift
;;      their sizes (see word-starts.ts hasStart); the vocabulary table at $table, $tableShift its size (scan-table.ts).
;; Out: per token, at $tStart/$tEnd (i32 string offsets), $tId (i32: the vocabulary id, -1 none, -2 not
;;      looked up), $tByte (i32: its first byte) and $tFlags (u8: 1 glued, 2 upper, 4 break before, 8
;;      characters outside ASCII or ignorable ones inside, so its bytes are not its text); and $list, three
;;      i32 per token the matcher decides on: token index, its first byte, LIST_* bits (wasm-scan.ts).
;;      An ASCII token is listed (LIST_DECIDED, its id in tId) if it starts a name and a walk from it may
;;      find something; any other only if the matcher must look it up to decide.
;; Returns 0 when the text is done, 1 when $cap tokens are stored: the caller makes room and calls again
;; (the state is kept in the globals, at the start of the token that did not fit).
;;
;; Two steps for an ASCII word. While cutting, the starts tables (48 KB for the shipped index, where the
;; vocabulary table is 256 KB) let through one word of prose in nine: a word that may start a name, by a
;; hash of its length, first two and last letters. After the text, $decide finds those in the vocabulary table and
;; keeps the ones that do start a name, and of those the ones whose walk may find something ($walkMayFind):
;; on a page of prose 20,000 words pass the starts tables, 13,600 start a name, 5,200 are kept.
;;
;; Fixed tables, written by the caller at load (chars.ts for ASCII):
;;   0..127 KIND, 256..383 CLASS, 384..511 FOLD, 512..639 1 for the separators a name may span (gapChar).
;; Characters outside ASCII are classified by the caller (classOf: chars.ts charClass of the code unit).
(module
  (import "env" "classOf" (func $classOf (param i32) (result i32)))
  (memory (export "memory") 1)
  (global $n (export "n") (mut i32) (i32.const 0))
  (global $bytes (export "bytes") (mut i32) (i32.const 0))
  (global $tStart (export "tStart") (mut i32) (i32.const 0))
  (global $tEnd (export "tEnd") (mut i32) (i32.const 0))
  (global $tId (export "tId") (mut i32) (i32.const 0))
  (global $tFlags (export "tFlags") (mut i32) (i32.const 0))
  (global $tByte (export "tByte") (mut i32) (i32.const 0))
  (global $list (export "list") (mut i32) (i32.const 0))
  (global $cap (export "cap") (mut i32) (i32.const 0))
  (global $every (export "every") (mut i32) (i32.const 0))
  (global $bits (export "bits") (mut i32) (i32.const 0))
  (global $shift (export "shift") (mut i32) (i32.const 0))
  (global $upperBits (export "upperBits") (mut i32) (i32.const 0))
  (global $upperShift (export "upperShift") (mut i32) (i32.const 0))
  (global $table (export "table") (mut i32) (i32.const 0))
  (global $tableShift (export "tableShift") (mut i32) (i32.const 0))
  ;; Set by $probe: where the key it found is, less its key's offset (see there).
  (global $found (mut i32) (i32.const 0))
  ;; Scan state: byte position, bytes beyond one per code unit so far, tokens, list entries, end of the
  ;; last token (string offset), break flag of the separators since.
  (global $i (export "i") (mut i32) (i32.const 0))
  (global $extra (export "extra") (mut i32) (i32.const 0))
  (global $count (export "count") (mut i32) (i32.const 0))
  (global $nList (export "nList") (mut i32) (i32.const 0))
  (global $lastEnd (export "lastEnd") (mut i32) (i32.const -1))
  (global $broken (export "broken") (mut i32) (i32.const 0))

  ;; The code unit of the 2- or 3-byte UTF-8 sequence at byte $at.
  (func $decode (param $at i32) (param $w i32) (result i32)
    (local $b i32)
    (local.set $b (i32.add (global.get $bytes) (local.get $at)))
    (if (result i32) (i32.eq (local.get $w) (i32.const 2))
      (then
        (i32.or
          (i32.shl (i32.and (i32.load8_u (local.get $b)) (i32.const 0x1f)) (i32.const 6))
          (i32.and (i32.load8_u offset=1 (local.get $b)) (i32.const 0x3f))))
      (else
        (i32.or
          (i32.or
            (i32.shl (i32.and (i32.load8_u (local.get $b)) (i32.const 0x0f)) (i32.const 12))
            (i32.shl (i32.and (i32.load8_u offset=1 (local.get $b)) (i32.const 0x3f)) (i32.const 6)))
          (i32.and (i32.load8_u offset=2 (local.get $b)) (i32.const 0x3f))))))

  ;; Bytes of the UTF-8 sequence led by byte $c (>= 0x80; encodeInto writes only valid UTF-8).
  (func $width (param $c i32) (result i32)
    (select (i32.const 2)
      (select (i32.const 3) (i32.const 4) (i32.lt_u (local.get $c) (i32.const 0xf0)))
      (i32.lt_u (local.get $c) (i32.const 0xe0))))

  ;; chars.ts gapChar, above ASCII.
  (func $gapAbove (param $u i32) (result i32)
    (i32.or
      (i32.or (i32.eq (local.get $u) (i32.const 0xa0))
        (i32.le_u (i32.sub (local.get $u) (i32.const 0x2000)) (i32.const 0x0a)))
      (i32.or
        (i32.or (i32.eq (local.get $u) (i32.const 0x202f)) (i32.eq (local.get $u) (i32.const 0x3000)))
        (i32.le_u (i32.sub (local.get $u) (i32.const 0x2010)) (i32.const 1)))))

  ;; Bits 0..15: which of the 16 bytes at $at are ASCII letters.
  (func $letterMask (param $at i32) (result i32)
    (i8x16.bitmask
      (i8x16.lt_u
        (i8x16.sub (v128.or (v128.load (local.get $at)) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x61)))
        (i8x16.splat (i32.const 26)))))

  ;; Bits 0..15: which of the 16 bytes at $at are ASCII digits.
  (func $digitMask (param $at i32) (result i32)
    (i8x16.bitmask
      (i8x16.lt_u (i8x16.sub (v128.load (local.get $at)) (i8x16.splat (i32.const 0x30))) (i8x16.splat (i32.const 10)))))

  ;; The vocabulary table's value for the ASCII token of $len bytes at byte $at (scan-table.ts): its folded
  ;; bytes are the key, up to eight; a longer token's key is its first seven and its length. Each key has two
  ;; buckets of four; both are compared at once, so no branch depends on the word. Not found: id -1, no flags.
  (func $probe (param $at i32) (param $len i32) (result i32)
    (local $key i64) (local $short i32) (local $x i32) (local $h i32) (local $b1 i32) (local $b2 i32) (local $k v128)
    (local $m i32) (local $slot i32)
    (local.set $short (i32.le_u (local.get $len) (i32.const 8)))
    (local.set $key
      (i64.or
        (i64.and
          ;; Folded: bit 5 set makes an ASCII letter lower case and leaves digits and "+" as they are.
          (i64.or (i64.load (i32.add (global.get $bytes) (local.get $at))) (i64.const 0x2020202020202020))
          (select
            (i64.shr_u (i64.const -1) (i64.extend_i32_u (i32.sub (i32.const 64) (i32.shl (local.get $len) (i32.const 3)))))
            (i64.const 0x00ffffffffffffff)
            (local.get $short)))
        (select
          (i64.const 0)
          (i64.shl
            (i64.extend_i32_u (select (i32.const 0xff) (i32.or (local.get $len) (i32.const 0x80)) (i32.gt_u (local.get $len) (i32.const 126))))
            (i64.const 56))
          (local.get $short))))
    (local.set $x
      (i32.xor (i32.wrap_i64 (local.get $key))
        (i32.mul (i32.wrap_i64 (i64.shr_u (local.get $key) (i64.const 32))) (i32.const 0x9e3779b1))))
    (local.set $h (i32.mul (i32.xor (local.get $x) (i32.shr_u (local.get $x) (i32.const 16))) (i32.const 0x85ebca6b)))
    ;; Buckets of sixty-four bytes: four keys, their four values, their four next-letter masks.
    (local.set $b1 (i32.add (global.get $table) (i32.shl (i32.shr_u (local.get $h) (global.get $tableShift)) (i32.const 6))))
    (local.set $b2
      (i32.add (global.get $table)
        (i32.shl
          (i32.shr_u (i32.mul (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const 13))) (i32.const 0xc2b2ae35)) (global.get $tableShift))
          (i32.const 6))))
    (local.set $k (i64x2.splat (local.get $key)))
    (local.set $m
      (i32.or
        (i32.or
          (i64x2.bitmask (i64x2.eq (v128.load (local.get $b1)) (local.get $k)))
          (i32.shl (i64x2.bitmask (i64x2.eq (v128.load offset=16 (local.get $b1)) (local.get $k))) (i32.const 2)))
        (i32.or
          (i32.shl (i64x2.bitmask (i64x2.eq (v128.load (local.get $b2)) (local.get $k))) (i32.const 4))
          (i32.shl (i64x2.bitmask (i64x2.eq (v128.load offset=16 (local.get $b2)) (local.get $k))) (i32.const 6)))))
    ;; The matching slot, 0..7; 8 when none (then the loads read past b2's slots, into its letters, its
    ;; neighbour or the table's sixteen bytes of padding, and the result is not used).
    (local.set $slot (i32.ctz (i32.or (local.get $m) (i32.const 0x100))))
    ;; The slot's place, less its key's: its value is at +32, its next letters at +48.
    (global.set $found
      (select
        (i32.add (local.get $b1) (i32.shl (local.get $slot) (i32.const 2)))
        (i32.add (local.get $b2) (i32.shl (i32.sub (local.get $slot) (i32.const 4)) (i32.const 2)))
        (i32.lt_u (local.get $slot) (i32.const 4))))
    (select (i32.load offset=32 (global.get $found)) (i32.const 0x00ffffff) (local.get $m)))

  ;; tFlags bit 16 if the byte before byte $at may end a quote: '"', "'", or any byte outside ASCII (the last
  ;; byte of ‘ ’ “ ” « »). Without it the matcher knows no quote opens there without reading the text
  ;; (chars.ts opensQuote). The byte before the text is a table's: at worst the bit is set for nothing.
  ;; For the general path; the sixty-four write it out, where a call would cost every word.
  (func $quoteBefore (param $at i32) (result i32)
    (local $p i32)
    (local.set $p (i32.load8_u (i32.sub (i32.add (global.get $bytes) (local.get $at)) (i32.const 1))))
    (select (i32.const 16) (i32.const 0)
      (i32.or (i32.or (i32.eq (local.get $p) (i32.const 34)) (i32.eq (local.get $p) (i32.const 39)))
        (i32.ge_u (local.get $p) (i32.const 128)))))

  ;; Whether the walk from start $k (candidates.ts walk), whose first word has value $val and its key's slot at
  ;; $at ($probe), may find anything: at the first word alone (a brand, a name needing no context, or one
  ;; needing a determiner or a quote before it, and there may be one), or going on to the next word (some name
  ;; goes on, no break before it, and some second word starts with its first character). Answers yes
  ;; whenever it cannot tell (a word outside ASCII before), so dropping a start never loses a name.
  (func $walkMayFind (param $k i32) (param $val i32) (param $at i32) (result i32)
    (local $j i32) (local $c i32) (local $flags i32) (local $p i32) (local $pAt i32)
    ;; VALUE_FIRST_ALONE
    (if (i32.and (local.get $val) (i32.const 0x08000000)) (then (return (i32.const 1))))
    (local.set $j (i32.add (local.get $k) (i32.const 1)))
    ;; VALUE_GOES_ON, a next token with no break (tFlags 4) before it, and its first byte in the next letters.
    (if (i32.and
          (i32.and (i32.ne (i32.and (local.get $val) (i32.const 0x20000000)) (i32.const 0))
            (i32.lt_u (local.get $j) (global.get $count)))
          (i32.eqz (i32.and (i32.load8_u (i32.add (global.get $tFlags) (local.get $j))) (i32.const 4))))
      (then
        (local.set $c
          (i32.load8_u (i32.add (global.get $bytes) (i32.load (i32.add (global.get $tByte) (i32.shl (local.get $j) (i32.const 2)))))))
        (if (i32.or (i32.ge_u (local.get $c) (i32.const 128))
              (i32.and (i32.shr_u (i32.load offset=48 (local.get $at)) (i32.and (local.get $c) (i32.const 31))) (i32.const 1)))
          (then (return (i32.const 1))))))
    ;; VALUE_FIRST_IN_CONTEXT, and a quote may open before it (tFlags 16), or a determiner
    ;; (VALUE_DETERMINER) comes right before it, unglued and unbroken (tFlags 1, 4); one outside ASCII
    ;; (tFlags 8) is not in the table, so it may be one.
    (if (i32.eqz (i32.and (local.get $val) (i32.const 0x10000000))) (then (return (i32.const 0))))
    (local.set $flags (i32.load8_u (i32.add (global.get $tFlags) (local.get $k))))
    (if (i32.and (local.get $flags) (i32.const 16)) (then (return (i32.const 1))))
    (if (i32.or (i32.eqz (local.get $k)) (i32.and (local.get $flags) (i32.const 5))) (then (return (i32.const 0))))
    (local.set $p (i32.sub (local.get $k) (i32.const 1)))
    (if (i32.and (i32.load8_u (i32.add (global.get $tFlags) (local.get $p))) (i32.const 8)) (then (return (i32.const 1))))
    (local.set $pAt (i32.shl (local.get $p) (i32.const 2)))
    (i32.and
      (i32.shr_u
        (call $probe (i32.load (i32.add (global.get $tByte) (local.get $pAt)))
          (i32.sub (i32.load (i32.add (global.get $tEnd) (local.get $pAt))) (i32.load (i32.add (global.get $tStart) (local.get $pAt)))))
        (i32.const 30))
      (i32.const 1)))

  ;; After the scan, over the tokens listed as LIST_DECIDED (ASCII ones): each one's id from the vocabulary
  ;; table into tId, and the entry kept only if the word starts a name (scan-table.ts VALUE_*), or is a
  ;; lower-case one that does after a byte that may be a quote (tFlags 16). The starts tables let one word of prose in nine through, and one in three of
  ;; those starts nothing; the matcher gets the rest with their ids. A loop of its own: inside the scan's,
  ;; the table's code and its branch slowed every word.
  (func $decide
    (local $q i32) (local $end i32) (local $out i32) (local $k i32) (local $first i32) (local $info i32)
    (local $kAt i32) (local $val i32) (local $lower i32) (local $flags i32) (local $listed i32) (local $found i32)
    (local.set $q (global.get $list))
    (local.set $end (i32.add (global.get $list) (i32.mul (global.get $nList) (i32.const 12))))
    (local.set $out (global.get $list))
    (block $done
      (loop $entries
        (br_if $done (i32.ge_u (local.get $q) (local.get $end)))
        (local.set $k (i32.load (local.get $q)))
        (local.set $first (i32.load offset=4 (local.get $q)))
        (local.set $info (i32.load offset=8 (local.get $q)))
        (local.set $listed (i32.const 1))
        (if (i32.and (local.get $info) (i32.const 8))
          (then
            (local.set $kAt (i32.shl (local.get $k) (i32.const 2)))
            (local.set $val
              (call $probe (local.get $first)
                (i32.sub (i32.load (i32.add (global.get $tEnd) (local.get $kAt))) (i32.load (i32.add (global.get $tStart) (local.get $kAt))))))
            (local.set $found (global.get $found))
            ;; The id in the value's low 24 bits: -1 not found, -2 a long word the matcher looks up.
            (i32.store (i32.add (global.get $tId) (local.get $kAt)) (i32.shr_s (i32.shl (local.get $val) (i32.const 8)) (i32.const 8)))
            (local.set $lower (i32.eq (i32.and (local.get $info) (i32.const 0x70)) (i32.const 0x10)))
            (local.set $flags (i32.load8_u (i32.add (global.get $tFlags) (local.get $k))))
            (local.set $listed
              (i32.or (global.get $every)
                (i32.and
                  (i32.eqz (i32.and (local.get $flags) (i32.const 1)))
                  (i32.and
                    (i32.or
                      ;; A lower-case word by the flag for what follows it (glued or not), others by VALUE_ROOT.
                      (i32.shr_u (local.get $val)
                        (select (i32.add (i32.const 25) (i32.and (local.get $info) (i32.const 1))) (i32.const 24) (local.get $lower)))
                      ;; Or lower-case and VALUE_ROOT after a byte that may end a quote (tFlags 16, as the scan
                      ;; wrote it).
                      (i32.and
                        (i32.and (local.get $lower) (i32.shr_u (local.get $val) (i32.const 24)))
                        (i32.shr_u (local.get $flags) (i32.const 4))))
                    (i32.const 1)))))
            ;; A start whose walk would find nothing goes too (but not when every word is listed).
            (if (i32.and (local.get $listed) (i32.eqz (global.get $every)))
              (then (local.set $listed (call $walkMayFind (local.get $k) (local.get $val) (local.get $found)))))))
        ;; Kept entries move down over the dropped ones.
        (i32.store (local.get $out) (local.get $k))
        (i32.store offset=4 (local.get $out) (local.get $first))
        (i32.store offset=8 (local.get $out) (local.get $info))
        (local.set $out (i32.add (local.get $out) (i32.mul (local.get $listed) (i32.const 12))))
        (local.set $q (i32.add (local.get $q) (i32.const 12)))
        (br $entries)))
    (global.set $nList (i32.div_u (i32.sub (local.get $out) (global.get $list)) (i32.const 12))))

  (func (export "scan") (result i32)
    (local $i i32) (local $extra i32) (local $count i32) (local $nList i32) (local $lastEnd i32) (local $broken i32)
    (local $n i32) (local $bytes i32) (local $c i32) (local $p i32) (local $kind i32) (local $cls i32) (local $k i32)
    (local $w i32) (local $startByte i32) (local $startExtra i32) (local $start i32) (local $info i32)
    (local $glued i32) (local $listed i32) (local $len i32) (local $at i32) (local $m i32) (local $lower i32) (local $table i32) (local $sh i32)
    (local $v0 v128) (local $v1 v128) (local $v2 v128) (local $v3 v128)
    (local $L i64) (local $D i64) (local $P i64) (local $T i64) (local $N i64) (local $B i64) (local $limit i64)
    (local $starts i64) (local $seg i64) (local $s i64) (local $e i64)
    (local.set $i (global.get $i))
    (local.set $extra (global.get $extra))
    (local.set $count (global.get $count))
    (local.set $nList (global.get $nList))
    (local.set $lastEnd (global.get $lastEnd))
    (local.set $broken (global.get $broken))
    (local.set $n (global.get $n))
    (local.set $bytes (global.get $bytes))
    (block $done
      (loop $main
        (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
        ;; Sixty-four bytes at a time (the text is followed by sixty-four zero bytes): bit masks of the
        ;; letters, digits, "+", bytes outside ASCII and separators that break a name. Each token that ends
        ;; inside the sixty-four, before any byte outside ASCII, is cut here; one that runs on past them
        ;; starts the next sixty-four; a long one and a character outside ASCII take one step of the general
        ;; path below. No branch depends on what a word is, so none is mispredicted word by word.
        (block $general
          (local.set $v0 (v128.load offset=0 (i32.add (local.get $bytes) (local.get $i))))
          (local.set $v1 (v128.load offset=16 (i32.add (local.get $bytes) (local.get $i))))
          (local.set $v2 (v128.load offset=32 (i32.add (local.get $bytes) (local.get $i))))
          (local.set $v3 (v128.load offset=48 (i32.add (local.get $bytes) (local.get $i))))
          (local.set $L (i64.or (i64.or (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (v128.or (local.get $v0) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x61))) (i8x16.splat (i32.const 26))))) (i64.const 0)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (v128.or (local.get $v1) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x61))) (i8x16.splat (i32.const 26))))) (i64.const 16))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (v128.or (local.get $v2) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x61))) (i8x16.splat (i32.const 26))))) (i64.const 32))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (v128.or (local.get $v3) (i8x16.splat (i32.const 0x20))) (i8x16.splat (i32.const 0x61))) (i8x16.splat (i32.const 26))))) (i64.const 48))))
          (local.set $D (i64.or (i64.or (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (local.get $v0) (i8x16.splat (i32.const 0x30))) (i8x16.splat (i32.const 10))))) (i64.const 0)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (local.get $v1) (i8x16.splat (i32.const 0x30))) (i8x16.splat (i32.const 10))))) (i64.const 16))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (local.get $v2) (i8x16.splat (i32.const 0x30))) (i8x16.splat (i32.const 10))))) (i64.const 32))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.lt_u (i8x16.sub (local.get $v3) (i8x16.splat (i32.const 0x30))) (i8x16.splat (i32.const 10))))) (i64.const 48))))
          (local.set $P (i64.or (i64.or (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v0) (i8x16.splat (i32.const 0x2b))))) (i64.const 0)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v1) (i8x16.splat (i32.const 0x2b))))) (i64.const 16))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v2) (i8x16.splat (i32.const 0x2b))))) (i64.const 32))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.eq (local.get $v3) (i8x16.splat (i32.const 0x2b))))) (i64.const 48))))
          (local.set $T (i64.or (i64.or (local.get $L) (local.get $D)) (local.get $P)))
          ;; The sign bit of each byte: the bytes outside ASCII.
          (local.set $N (i64.or (i64.or (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $v0))) (i64.const 0)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $v1))) (i64.const 16))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $v2))) (i64.const 32))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (local.get $v3))) (i64.const 48))))
          ;; Separators a name may span (gapChar), by their two nibbles: the low nibble's row and the high
          ;; nibble's row share a bit (tab, line feed, return | space, brackets, hyphen | underscore).
          (local.set $B (i64.xor (i64.or (i64.or (local.get $T) (local.get $N)) (i64.or (i64.or (i64.or (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.ne (v128.and (i8x16.swizzle (v128.const i8x16 2 0 0 0 0 0 0 0 2 3 1 0 0 3 0 4) (v128.and (local.get $v0) (i8x16.splat (i32.const 0x0f)))) (i8x16.swizzle (v128.const i8x16 1 0 2 0 0 4 0 0 0 0 0 0 0 0 0 0) (i8x16.shr_u (local.get $v0) (i32.const 4)))) (i8x16.splat (i32.const 0))))) (i64.const 0)) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.ne (v128.and (i8x16.swizzle (v128.const i8x16 2 0 0 0 0 0 0 0 2 3 1 0 0 3 0 4) (v128.and (local.get $v1) (i8x16.splat (i32.const 0x0f)))) (i8x16.swizzle (v128.const i8x16 1 0 2 0 0 4 0 0 0 0 0 0 0 0 0 0) (i8x16.shr_u (local.get $v1) (i32.const 4)))) (i8x16.splat (i32.const 0))))) (i64.const 16))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.ne (v128.and (i8x16.swizzle (v128.const i8x16 2 0 0 0 0 0 0 0 2 3 1 0 0 3 0 4) (v128.and (local.get $v2) (i8x16.splat (i32.const 0x0f)))) (i8x16.swizzle (v128.const i8x16 1 0 2 0 0 4 0 0 0 0 0 0 0 0 0 0) (i8x16.shr_u (local.get $v2) (i32.const 4)))) (i8x16.splat (i32.const 0))))) (i64.const 32))) (i64.shl (i64.extend_i32_u (i8x16.bitmask (i8x16.ne (v128.and (i8x16.swizzle (v128.const i8x16 2 0 0 0 0 0 0 0 2 3 1 0 0 3 0 4) (v128.and (local.get $v3) (i8x16.splat (i32.const 0x0f)))) (i8x16.swizzle (v128.const i8x16 1 0 2 0 0 4 0 0 0 0 0 0 0 0 0 0) (i8x16.shr_u (local.get $v3) (i32.const 4)))) (i8x16.splat (i32.const 0))))) (i64.const 48)))) (i64.const -1)))
          (local.set $limit (i64.ctz (local.get $N)))
          ;; Where a run of letters or of digits begins, and every "+", before the first byte outside ASCII.
          ;; The sixty-four start outside any token, so a token character at bit 0 always starts one.
          (local.set $starts
            (i64.and
              (i64.or
                (i64.or
                  (i64.and (local.get $L) (i64.xor (i64.shl (local.get $L) (i64.const 1)) (i64.const -1)))
                  (i64.and (local.get $D) (i64.xor (i64.shl (local.get $D) (i64.const 1)) (i64.const -1))))
                (local.get $P))
              (select (i64.const -1) (i64.sub (i64.shl (i64.const 1) (local.get $limit)) (i64.const 1)) (i64.ge_u (local.get $limit) (i64.const 64)))))
          (local.set $seg (i64.const 0))
          (block $blockDone
            (loop $tokens
              (br_if $blockDone (i64.eqz (local.get $starts)))
              (local.set $s (i64.ctz (local.get $starts)))
              ;; Separators since the last token (or the block's start) that break a name.
              (local.set $broken
                (i32.or (local.get $broken)
                  (select (i32.const 4) (i32.const 0)
                    (i64.ne (i64.const 0)
                      (i64.and (local.get $B)
                        ;; Bits seg..s-1 (both below 64 here).
                        (i64.sub (i64.shl (i64.const 1) (local.get $s)) (i64.shl (i64.const 1) (local.get $seg))))))))
              ;; The token's end: one past "+", else the end of its run of letters or digits.
              (local.set $e
                (select
                  (i64.add (local.get $s) (i64.const 1))
                  (i64.add (local.get $s)
                    (i64.ctz
                      (i64.xor
                        (i64.shr_u
                          (select (local.get $L) (local.get $D) (i32.wrap_i64 (i64.and (i64.shr_u (local.get $L) (local.get $s)) (i64.const 1))))
                          (local.get $s))
                        (i64.const -1))))
                  (i32.wrap_i64 (i64.and (i64.shr_u (local.get $P) (local.get $s)) (i64.const 1)))))
              (if (i64.ge_u (local.get $e) (local.get $limit))
                (then
                  (local.set $i (i32.add (local.get $i) (i32.wrap_i64 (local.get $s))))
                  ;; Running on past the sixty-four: the next sixty-four start with it, unless it began them.
                  (br_if $main (i32.and (i64.eq (local.get $limit) (i64.const 64)) (i64.ne (local.get $s) (i64.const 0))))
                  (br $general)))
              (local.set $startByte (i32.add (local.get $i) (i32.wrap_i64 (local.get $s))))
              (local.set $start (i32.sub (local.get $startByte) (local.get $extra)))
              (if (i32.ge_u (local.get $count) (global.get $cap))
                (then
                  ;; Full: keep the state as it is at this token's start, for the next call.
                  (global.set $i (local.get $startByte))
                  (global.set $extra (local.get $extra))
                  (global.set $count (local.get $count))
                  (global.set $nList (local.get $nList))
                  (global.set $lastEnd (local.get $lastEnd))
                  (global.set $broken (local.get $broken))
                  (return (i32.const 1))))
              (local.set $c (i32.load8_u (i32.add (local.get $bytes) (local.get $startByte))))
              (local.set $cls (i32.load8_u offset=256 (local.get $c)))
              (local.set $len (i32.wrap_i64 (i64.sub (local.get $e) (local.get $s))))
              (local.set $glued (i32.eq (local.get $lastEnd) (local.get $start)))
              ;; A letter, digit or "+" right after the token: glued to the next.
              (local.set $info (i32.wrap_i64 (i64.and (i64.shr_u (local.get $T) (local.get $e)) (i64.const 1))))
              (local.set $listed (i32.const 0))
              (if (i32.or (global.get $every) (i32.eq (local.get $cls) (i32.const 4)))
                (then (local.set $listed (i32.const 1)))
                (else
                  (if (i32.eqz (local.get $glued))
                    (then
                      ;; As in the general path: the starts table of the word's case, or a quote before a
                      ;; lower-case word.
                      (local.set $lower (i32.eq (local.get $cls) (i32.const 1)))
                      (local.set $m
                        (i32.or
                          (i32.or
                            (i32.or
                              (i32.shl (i32.and (local.get $len) (i32.const 63)) (i32.const 22))
                              (select
                                (i32.shl (local.get $info) (i32.const 21))
                                (i32.const 0x10000000)
                                (local.get $lower)))
                            (i32.shl (i32.or (local.get $c) (i32.const 0x20)) (i32.const 14)))
                          (i32.or
                            (i32.shl
                              (select
                                (i32.or (i32.load8_u offset=1 (i32.add (local.get $bytes) (local.get $startByte))) (i32.const 0x20))
                                (i32.const 0)
                                (i32.gt_u (local.get $len) (i32.const 1)))
                              (i32.const 7))
                            (i32.or
                              (i32.load8_u (i32.sub (i32.add (i32.add (local.get $bytes) (local.get $startByte)) (local.get $len)) (i32.const 1)))
                              (i32.const 0x20)))))
                      (local.set $m (i32.mul (i32.xor (local.get $m) (i32.shr_u (local.get $m) (i32.const 16))) (i32.const 0x85ebca6b)))
                      (local.set $m (i32.xor (local.get $m) (i32.shr_u (local.get $m) (i32.const 13))))
                      (local.set $table (select (global.get $bits) (global.get $upperBits) (local.get $lower)))
                      (local.set $sh (select (global.get $shift) (global.get $upperShift) (local.get $lower)))
                      (local.set $k (i32.shr_u (local.get $m) (local.get $sh)))
                      (local.set $m (i32.shr_u (i32.mul (local.get $m) (i32.const 0x9e3779b1)) (local.get $sh)))
                      (local.set $m
                        (i32.and
                          (i32.and
                            (i32.shr_u
                              (i32.load8_u (i32.add (local.get $table) (i32.shr_u (local.get $k) (i32.const 3))))
                              (i32.and (local.get $k) (i32.const 7)))
                            (i32.shr_u
                              (i32.load8_u (i32.add (local.get $table) (i32.shr_u (local.get $m) (i32.const 3))))
                              (i32.and (local.get $m) (i32.const 7))))
                          (i32.const 1)))
                      ;; A quote opens before the word (chars.ts opensQuote): a quote (ASCII, curly or guillemet)
                      ;; not glued to a letter or digit before it. Bytes before the text are the tables': at worst
                      ;; a word is listed for nothing. Few words follow a quote or a character outside ASCII, so
                      ;; the branch is seldom taken.
                      (local.set $at (i32.add (local.get $bytes) (local.get $startByte)))
                      (local.set $p (i32.load8_u (i32.sub (local.get $at) (i32.const 1))))
                      (local.set $listed (local.get $m))
                      (if (i32.and (local.get $lower)
                            (i32.or (i32.or (i32.eq (local.get $p) (i32.const 34)) (i32.eq (local.get $p) (i32.const 39)))
                              (i32.ge_u (local.get $p) (i32.const 128))))
                        (then
                          ;; The quote's length in bytes, 0 for none.
                          (local.set $k
                            (select (i32.const 1)
                              (select (i32.const 3)
                                (select (i32.const 2) (i32.const 0)
                                  (i32.and (i32.or (i32.eq (local.get $p) (i32.const 0xab)) (i32.eq (local.get $p) (i32.const 0xbb)))
                                    (i32.eq (i32.load8_u (i32.sub (local.get $at) (i32.const 2))) (i32.const 0xc2))))
                                (i32.and
                                  ;; the last byte of ‘ ’ “ ”: 0x98 0x99 0x9c 0x9d
                                  (i32.eq (i32.or (local.get $p) (i32.const 5)) (i32.const 0x9d))
                                  (i32.and
                                    (i32.eq (i32.load8_u (i32.sub (local.get $at) (i32.const 2))) (i32.const 0x80))
                                    (i32.eq (i32.load8_u (i32.sub (local.get $at) (i32.const 3))) (i32.const 0xe2)))))
                              (i32.le_u (local.get $p) (i32.const 39))))
                          ;; The byte before the quote: a separator or "+" (KIND 0 is a separator; bytes above ASCII
                          ;; read 0 there too, so a character outside ASCII before the quote lists the word).
                          (local.set $p (i32.load8_u (i32.sub (local.get $at) (i32.add (local.get $k) (i32.const 1)))))
                          (local.set $listed
                            (i32.or (local.get $m)
                              (i32.and (i32.ne (local.get $k) (i32.const 0))
                                (i32.or (i32.eq (local.get $startByte) (local.get $k))
                                  (i32.or (i32.eqz (i32.load8_u (local.get $p))) (i32.eq (local.get $p) (i32.const 43)))))))))))))
              (local.set $at (i32.shl (local.get $count) (i32.const 2)))
              (i32.store (i32.add (global.get $tStart) (local.get $at)) (local.get $start))
              (i32.store (i32.add (global.get $tEnd) (local.get $at)) (i32.add (local.get $start) (local.get $len)))
              (i32.store (i32.add (global.get $tId) (local.get $at)) (i32.const -2))
              (i32.store (i32.add (global.get $tByte) (local.get $at)) (local.get $startByte))
              ;; 16: the byte before may end a quote ('"', "'", or the last byte of ‘ ’ “ ” « »): without it the
              ;; matcher knows no quote opens there without reading the text (chars.ts opensQuote). The byte
              ;; before the text is a table's: at worst the bit is set for nothing.
              (local.set $p (i32.load8_u (i32.sub (i32.add (local.get $bytes) (local.get $startByte)) (i32.const 1))))
              (i32.store8 (i32.add (global.get $tFlags) (local.get $count))
                (i32.or (i32.or (local.get $glued) (select (i32.const 2) (i32.const 0) (i32.eq (local.get $cls) (i32.const 2))))
                  (i32.or (local.get $broken)
                    (select (i32.const 16) (i32.const 0)
                    (i32.or (i32.or (i32.eq (local.get $p) (i32.const 34)) (i32.eq (local.get $p) (i32.const 39)))
                      (i32.ge_u (local.get $p) (i32.const 128)))))))
              ;; Written whether listed or not, and counted only if it is: no branch to mispredict.
              (local.set $at (i32.add (global.get $list) (i32.mul (local.get $nList) (i32.const 12))))
              (i32.store (local.get $at) (local.get $count))
              (i32.store offset=4 (local.get $at) (local.get $startByte))
              (i32.store offset=8 (local.get $at) (i32.or (i32.or (local.get $info) (i32.const 8)) (i32.shl (local.get $cls) (i32.const 4))))
              (local.set $nList (i32.add (local.get $nList) (local.get $listed)))
              (local.set $broken (i32.const 0))
              (local.set $lastEnd (i32.add (local.get $start) (local.get $len)))
              (local.set $count (i32.add (local.get $count) (i32.const 1)))
              (local.set $seg (local.get $e))
              (local.set $starts (i64.and (local.get $starts) (i64.sub (local.get $starts) (i64.const 1))))
              (br $tokens)))
          ;; The separators after the last token, up to the sixty-four's end or the first byte outside ASCII.
          (local.set $broken
            (i32.or (local.get $broken)
              (select (i32.const 4) (i32.const 0)
                (i64.ne (i64.const 0)
                  (i64.and (local.get $B)
                    (i64.and (select (i64.const -1) (i64.sub (i64.shl (i64.const 1) (local.get $limit)) (i64.const 1)) (i64.ge_u (local.get $limit) (i64.const 64))) (i64.xor (select (i64.const -1) (i64.sub (i64.shl (i64.const 1) (local.get $seg)) (i64.const 1)) (i64.ge_u (local.get $seg) (i64.const 64))) (i64.const -1))))))))
          (local.set $i (i32.add (local.get $i) (i32.wrap_i64 (local.get $limit))))
          (br_if $main (i64.eq (local.get $limit) (i64.const 64)))
          (br_if $done (i32.ge_u (local.get $i) (local.get $n))))
        (local.set $c (i32.load8_u (i32.add (local.get $bytes) (local.get $i))))
        (local.set $w (i32.const 1))
        (if (i32.lt_u (local.get $c) (i32.const 128))
          (then
            (local.set $kind (i32.load8_u (local.get $c)))
            (if (i32.eqz (local.get $kind))
              (then
                ;; Spaces, line breaks, hyphens and brackets let a name go on; other punctuation does not.
                (if (i32.and
                      (i32.ne (local.get $c) (i32.const 32))
                      (i32.and (i32.eqz (local.get $broken)) (i32.eqz (i32.load8_u offset=512 (local.get $c)))))
                  (then (local.set $broken (i32.const 4))))
                (local.set $i (i32.add (local.get $i) (i32.const 1)))
                (br $main)))
            (local.set $cls (i32.load8_u offset=256 (local.get $c))))
          (else
            (local.set $w (call $width (local.get $c)))
            (if (i32.eq (local.get $w) (i32.const 4))
              (then
                ;; Outside the BMP: two surrogates, which separate words (chars.ts).
                (if (i32.eqz (local.get $broken)) (then (local.set $broken (i32.const 4))))
                (local.set $i (i32.add (local.get $i) (i32.const 4)))
                (local.set $extra (i32.add (local.get $extra) (i32.const 2)))
                (br $main)))
            (local.set $c (call $decode (local.get $i) (local.get $w)))
            (local.set $cls (call $classOf (local.get $c)))
            (local.set $kind (select (i32.const 1) (local.get $cls) (i32.eq (local.get $cls) (i32.const 2))))
            (if (i32.or (i32.eqz (local.get $kind)) (i32.eq (local.get $kind) (i32.const 5)))
              (then
                (if (i32.and (i32.eqz (local.get $kind))
                      (i32.and (i32.eqz (local.get $broken)) (i32.eqz (call $gapAbove (local.get $c)))))
                  (then (local.set $broken (i32.const 4))))
                (local.set $i (i32.add (local.get $i) (local.get $w)))
                (local.set $extra (i32.add (local.get $extra) (i32.sub (local.get $w) (i32.const 1))))
                (br $main)))))
        ;; The general path, one separator or token at a time, for what the sixty-four leave: characters
        ;; outside ASCII, and tokens longer than the sixty-four. A token starts: a run of one kind, soft
        ;; hyphens and joiners inside read as absent.
        (local.set $startByte (local.get $i))
        (local.set $startExtra (local.get $extra))
        (local.set $start (i32.sub (local.get $i) (local.get $extra)))
        (local.set $i (i32.add (local.get $i) (local.get $w)))
        (local.set $extra (i32.add (local.get $extra) (i32.sub (local.get $w) (i32.const 1))))
        (local.set $info (select (i32.const 2) (i32.const 0) (i32.gt_u (local.get $w) (i32.const 1))))
        (if (i32.ne (local.get $kind) (i32.const 4))
          (then
            (block $runEnd
              (loop $run
                ;; Sixteen bytes at a time while they are ASCII of the token's kind (the text is followed by
                ;; sixteen zero bytes, which end any run).
                (if (i32.eq (local.get $kind) (i32.const 1))
                  (then
                    (loop $letters
                      (local.set $m (i32.ctz (i32.xor (call $letterMask (i32.add (local.get $bytes) (local.get $i))) (i32.const 0xffff))))
                      (local.set $i (i32.add (local.get $i) (select (i32.const 16) (local.get $m) (i32.gt_u (local.get $m) (i32.const 16)))))
                      (br_if $letters (i32.ge_u (local.get $m) (i32.const 16)))))
                  (else
                    (if (i32.eq (local.get $kind) (i32.const 3))
                      (then
                        (loop $digits
                          (local.set $m (i32.ctz (i32.xor (call $digitMask (i32.add (local.get $bytes) (local.get $i))) (i32.const 0xffff))))
                          (local.set $i (i32.add (local.get $i) (select (i32.const 16) (local.get $m) (i32.gt_u (local.get $m) (i32.const 16)))))
                          (br_if $digits (i32.ge_u (local.get $m) (i32.const 16))))))))
                (br_if $runEnd (i32.ge_u (local.get $i) (local.get $n)))
                (local.set $p (i32.load8_u (i32.add (local.get $bytes) (local.get $i))))
                (if (i32.lt_u (local.get $p) (i32.const 128))
                  (then
                    (local.set $k (i32.load8_u (local.get $p)))
                    (if (i32.eq (local.get $k) (local.get $kind))
                      (then
                        (local.set $i (i32.add (local.get $i) (i32.const 1)))
                        (br $run)))
                    (if (local.get $k) (then (local.set $info (i32.or (local.get $info) (i32.const 1)))))
                    (br $runEnd)))
                (local.set $w (call $width (local.get $p)))
                (br_if $runEnd (i32.eq (local.get $w) (i32.const 4)))
                (local.set $k (call $classOf (call $decode (local.get $i) (local.get $w))))
                (if (i32.eq (local.get $k) (i32.const 2)) (then (local.set $k (i32.const 1))))
                (if (i32.eq (local.get $k) (i32.const 5))
                  (then (local.set $info (i32.or (local.get $info) (i32.const 4))))
                  (else
                    (if (i32.ne (local.get $k) (local.get $kind))
                      (then
                        (if (local.get $k) (then (local.set $info (i32.or (local.get $info) (i32.const 1)))))
                        (br $runEnd)))
                    (local.set $info (i32.or (local.get $info) (i32.const 2)))))
                (local.set $i (i32.add (local.get $i) (local.get $w)))
                (local.set $extra (i32.add (local.get $extra) (i32.sub (local.get $w) (i32.const 1))))
                (br $run)))))
        (if (i32.ge_u (local.get $count) (global.get $cap))
          (then
            ;; Full: keep the state as it was when this token started, for the next call.
            (global.set $i (local.get $startByte))
            (global.set $extra (local.get $startExtra))
            (global.set $count (local.get $count))
            (global.set $nList (local.get $nList))
            (global.set $lastEnd (local.get $lastEnd))
            (global.set $broken (local.get $broken))
            (return (i32.const 1))))
        (local.set $glued (i32.eq (local.get $lastEnd) (local.get $start)))
        (local.set $listed (i32.const 0))
        (local.set $at (i32.shl (local.get $count) (i32.const 2)))
        (if (i32.eq (local.get $kind) (i32.const 6))
          (then
            ;; Other scripts: no name has them. Listed only to trim a soft hyphen or joiner off the end.
            (i32.store (i32.add (global.get $tId) (local.get $at)) (i32.const -1))
            (local.set $listed (i32.ne (i32.and (local.get $info) (i32.const 4)) (i32.const 0))))
          (else
            (i32.store (i32.add (global.get $tId) (local.get $at)) (i32.const -2))
            (if (i32.and (local.get $info) (i32.const 6))
              ;; Characters outside ASCII or ignorable ones: the matcher decides.
              (then (local.set $listed (i32.const 1)))
              (else
               ;; An ASCII token: listed as in the sixty-four, and found in the vocabulary table after.
               (local.set $info (i32.or (local.get $info) (i32.const 8)))
               (if (i32.or (global.get $every) (i32.eq (local.get $kind) (i32.const 4)))
                (then (local.set $listed (i32.const 1)))
                (else
                (if (i32.eqz (local.get $glued))
                  (then
                    ;; An ASCII word not glued to the one before: listed if the starts tables may hold it (a
                    ;; capitalised word or a number: upperBits; a lower-case one: bits, name-starts.ts lowerStartTable),
                    ;; or if a quote may open before a lower-case one. Key and hash as word-starts.ts startKey and
                    ;; hasStart.
                    (local.set $lower (i32.eq (local.get $cls) (i32.const 1)))
                    (local.set $len (i32.sub (local.get $i) (local.get $startByte)))
                    ;; Folded, an ASCII letter is its lower case and a digit itself: the byte with bit 5 set.
                    (local.set $m
                      (i32.or
                        (i32.or
                          (i32.or
                            (i32.shl (i32.and (local.get $len) (i32.const 63)) (i32.const 22))
                            (select
                              (i32.shl (i32.and (local.get $info) (i32.const 1)) (i32.const 21))
                              (i32.const 0x10000000)
                              (local.get $lower)))
                          (i32.shl (i32.or (local.get $c) (i32.const 0x20)) (i32.const 14)))
                        (i32.or
                          (i32.shl
                            (select
                              (i32.or (i32.load8_u offset=1 (i32.add (local.get $bytes) (local.get $startByte))) (i32.const 0x20))
                              (i32.const 0)
                              (i32.gt_u (local.get $len) (i32.const 1)))
                            (i32.const 7))
                          (i32.or
                            (i32.load8_u (i32.sub (i32.add (local.get $bytes) (local.get $i)) (i32.const 1)))
                            (i32.const 0x20)))))
                    (local.set $m (i32.mul (i32.xor (local.get $m) (i32.shr_u (local.get $m) (i32.const 16))) (i32.const 0x85ebca6b)))
                    (local.set $m (i32.xor (local.get $m) (i32.shr_u (local.get $m) (i32.const 13))))
                    (local.set $table (select (global.get $bits) (global.get $upperBits) (local.get $lower)))
                    (local.set $sh (select (global.get $shift) (global.get $upperShift) (local.get $lower)))
                    (local.set $len (i32.shr_u (local.get $m) (local.get $sh)))
                    (local.set $m (i32.shr_u (i32.mul (local.get $m) (i32.const 0x9e3779b1)) (local.get $sh)))
                    (local.set $m
                      (i32.and
                        (i32.and
                          (i32.shr_u
                            (i32.load8_u (i32.add (local.get $table) (i32.shr_u (local.get $len) (i32.const 3))))
                            (i32.and (local.get $len) (i32.const 7)))
                          (i32.shr_u
                            (i32.load8_u (i32.add (local.get $table) (i32.shr_u (local.get $m) (i32.const 3))))
                            (i32.and (local.get $m) (i32.const 7))))
                        (i32.const 1)))
                    ;; Without branches: in the table, or lower-case after a byte that may be a quote (the byte
                    ;; before the text is a table's: at worst listed for nothing).
                    (local.set $p (i32.load8_u (i32.sub (i32.add (local.get $bytes) (local.get $startByte)) (i32.const 1))))
                    (local.set $listed
                      (i32.or (local.get $m)
                        (i32.and (local.get $lower)
                          (i32.or (i32.or (i32.eq (local.get $p) (i32.const 34)) (i32.eq (local.get $p) (i32.const 39)))
                            (i32.ge_u (local.get $p) (i32.const 128))))))
                    ))))))))
        (i32.store (i32.add (global.get $tStart) (local.get $at)) (local.get $start))
        (i32.store (i32.add (global.get $tEnd) (local.get $at)) (i32.sub (local.get $i) (local.get $extra)))
        (i32.store (i32.add (global.get $tByte) (local.get $at)) (local.get $startByte))
        (i32.store8 (i32.add (global.get $tFlags) (local.get $count))
          (i32.or
            (i32.or (local.get $glued) (select (i32.const 2) (i32.const 0) (i32.eq (local.get $cls) (i32.const 2))))
            (i32.or (i32.or (local.get $broken) (call $quoteBefore (local.get $startByte)))
              (select (i32.const 8) (i32.const 0) (i32.and (local.get $info) (i32.const 6))))))
        (if (local.get $listed)
          (then
            (local.set $at (i32.add (global.get $list) (i32.mul (local.get $nList) (i32.const 12))))
            (i32.store (local.get $at) (local.get $count))
            (i32.store offset=4 (local.get $at) (local.get $startByte))
            (i32.store offset=8 (local.get $at) (i32.or (local.get $info) (i32.shl (local.get $cls) (i32.const 4))))
            (local.set $nList (i32.add (local.get $nList) (i32.const 1)))))
        (local.set $broken (i32.const 0))
        (local.set $lastEnd (i32.sub (local.get $i) (local.get $extra)))
        (local.set $count (i32.add (local.get $count) (i32.const 1)))
        (br $main)))
    (global.set $i (local.get $i))
    (global.set $extra (local.get $extra))
    (global.set $count (local.get $count))
    (global.set $nList (local.get $nList))
    (global.set $lastEnd (local.get $lastEnd))
    (global.set $broken (local.get $broken))
    (call $decide)
    (i32.const 0))
)
