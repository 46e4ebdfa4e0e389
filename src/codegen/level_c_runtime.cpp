// The C runtime of generated kernels of several on-chip levels, as text (see
// level_c_runtime.hpp).
#include "codegen/level_c_runtime.hpp"

namespace spad::codegen {

namespace {

constexpr std::string_view kLevelRuntime = R"SPADC(
/* ---- spad level runtime: DMA hooks across boundaries, buffers at every level --
 * Shared by every kernel of this file (each of several on-chip levels). Level 0
 * is off-chip; levels 1..L are on-chip, outermost first (level L feeds the
 * datapath). Nothing here depends on one layer: each kernel passes its layer
 * and schedule as a spad_lv_layer table. */
#ifndef SPAD_LEVEL_RUNTIME_DEFINED
#define SPAD_LEVEL_RUNTIME_DEFINED
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#if defined(__GNUC__) || defined(__clang__)
#define SPAD_UNUSED __attribute__((unused))
#else
#define SPAD_UNUSED
#endif

typedef int64_t spad_i64;

enum { SPAD_n, SPAD_g, SPAD_m, SPAD_c, SPAD_p, SPAD_q, SPAD_r, SPAD_s };
enum { SPAD_I, SPAD_W, SPAD_O };
#define SPAD_MAX_LEVELS 4

/* ---- DMA hooks ------------------------------------------------------------
 * The one-level hooks with the boundary in front: `outer` < `inner` are the
 * two levels the transfer connects (0 = off-chip memory, 1..L = the on-chip
 * levels, outermost first), so it crosses boundaries outer+1 .. inner.
 *   dma_in(outer, inner, ...)   moves level outer -> level inner (a fill);
 *   dma_out(outer, inner, ...)  moves level inner -> level outer (partial
 *                               sums and outputs written back).
 * The rest is the one-level 2-D strided copy: `rows` rows of `row_bytes`
 * contiguous bytes, row i read at src + i*src_stride and written at
 * dst + i*dst_stride (bytes). dma_wait returns when every transfer issued
 * before it has completed. Port them by compiling with -DSPAD_CUSTOM_DMA and
 * defining the three functions elsewhere; the defaults copy and count. */
#ifdef SPAD_CUSTOM_DMA
void dma_in(int outer, int inner, void *dst, size_t dst_stride, const void *src,
            size_t src_stride, size_t row_bytes, size_t rows);
void dma_out(int outer, int inner, void *dst, size_t dst_stride, const void *src,
             size_t src_stride, size_t row_bytes, size_t rows);
void dma_wait(void);
#else
static uint64_t spad_hook_in_bytes, spad_hook_out_bytes, spad_hook_waits;
static SPAD_UNUSED void spad_hook_copy(void *dst, size_t dst_stride, const void *src,
                                       size_t src_stride, size_t row_bytes, size_t rows) {
  size_t i;
  for (i = 0; i < rows; ++i)
    memcpy((unsigned char *)dst + i * dst_stride, (const unsigned char *)src + i * src_stride,
           row_bytes);
}
static SPAD_UNUSED void dma_in(int outer, int inner, void *dst, size_t dst_stride,
                               const void *src, size_t src_stride, size_t row_bytes,
                               size_t rows) {
  (void)outer;
  (void)inner;
  spad_hook_copy(dst, dst_stride, src, src_stride, row_bytes, rows);
  spad_hook_in_bytes += (uint64_t)row_bytes * rows;
}
static SPAD_UNUSED void dma_out(int outer, int inner, void *dst, size_t dst_stride,
                                const void *src, size_t src_stride, size_t row_bytes,
                                size_t rows) {
  (void)outer;
  (void)inner;
  spad_hook_copy(dst, dst_stride, src, src_stride, row_bytes, rows);
  spad_hook_out_bytes += (uint64_t)row_bytes * rows;
}
static SPAD_UNUSED void dma_wait(void) { ++spad_hook_waits; }
#endif

/* Bytes of each array that crossed each boundary (1..L) in the last kernel
 * run, either direction: a transfer counts at every boundary it crosses. */
static uint64_t spad_lv_in_bytes[SPAD_MAX_LEVELS + 1][3], spad_lv_out_bytes[SPAD_MAX_LEVELS + 1][3];
/* Bytes handed to the hooks (each transfer once), to check the hooks saw them. */
static uint64_t spad_lv_moved_in, spad_lv_moved_out;
/* Set when a buffer would exceed the size the model gives it, or an element
 * is missing from the buffer that should hold it (a bug). */
static int spad_lv_fault;

/* ---- element access (as for one level) ------------------------------------ */
static SPAD_UNUSED uint64_t spad_lv_ld_bits(const unsigned char *p, int bytes) {
  switch (bytes) {
    case 1: { uint8_t v; memcpy(&v, p, 1); return v; }
    case 2: { uint16_t v; memcpy(&v, p, 2); return v; }
    case 4: { uint32_t v; memcpy(&v, p, 4); return v; }
    default: { uint64_t v; memcpy(&v, p, 8); return v; }
  }
}
static SPAD_UNUSED void spad_lv_st_bits(unsigned char *p, uint64_t x, int bytes) {
  switch (bytes) {
    case 1: { uint8_t v = (uint8_t)x; memcpy(p, &v, 1); break; }
    case 2: { uint16_t v = (uint16_t)x; memcpy(p, &v, 2); break; }
    case 4: { uint32_t v = (uint32_t)x; memcpy(p, &v, 4); break; }
    default: memcpy(p, &x, 8); break;
  }
}
static SPAD_UNUSED spad_i64 spad_lv_ld_signed(const unsigned char *p, int bytes) {
  switch (bytes) {
    case 1: { int8_t v; memcpy(&v, p, 1); return v; }
    case 2: { int16_t v; memcpy(&v, p, 2); return v; }
    default: { int32_t v; memcpy(&v, p, 4); return v; }
  }
}
/* The signed value of the low `bytes` bytes of a partial-sum bit pattern. */
static SPAD_UNUSED spad_i64 spad_psum_value(uint64_t bits, int bytes) {
  if (bytes == 8) return bits > (uint64_t)INT64_MAX ? -(spad_i64)(~bits) - 1 : (spad_i64)bits;
  {
    const int width = 8 * bytes;
    const uint64_t low = bits & ((UINT64_C(1) << width) - 1);
    return (low >> (width - 1)) ? (spad_i64)low - ((spad_i64)1 << width) : (spad_i64)low;
  }
}
/* A final output: the partial sum's value saturated to `bytes` bytes. */
static SPAD_UNUSED spad_i64 spad_saturate(spad_i64 v, int bytes) {
  spad_i64 hi, lo;
  if (bytes == 8) return v;
  hi = ((spad_i64)1 << (8 * bytes - 1)) - 1;
  lo = -hi - 1;
  return v > hi ? hi : (v < lo ? lo : v);
}

#ifdef SPAD_SELFTEST
#include <stdio.h>
#include <stdlib.h>
/* The self-test's operands: splitmix64, mapped to [-amp, amp]. */
static SPAD_UNUSED spad_i64 spad_random(uint64_t *state, spad_i64 amp) {
  uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
  z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
  z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
  z ^= z >> 31;
  return (spad_i64)(z % (uint64_t)(2 * amp + 1)) - amp;
}
#endif

/* ---- the layer and schedule of one kernel ----------------------------------
 * Level l's loop of dimension d steps by t[l][d] over the current level-(l-1)
 * tile (level 0: the whole dimension). A buffer of array A at level l spans
 * every deeper loop and the span[l][A] innermost loops of level l (-1: A
 * bypasses level l). */
typedef struct {
  spad_i64 D[8];     /* loop bounds n g m c p q r s (m and c per group) */
  int levels;        /* L */
  spad_i64 t[SPAD_MAX_LEVELS + 1][8];   /* tiles of level 1..L (row 0 unused) */
  int pos[SPAD_MAX_LEVELS + 1][8];      /* position of each loop in its level's order */
  int span[SPAD_MAX_LEVELS + 1][3];     /* buffer span of I W O at each level; -1 bypass */
  spad_i64 off[SPAD_MAX_LEVELS + 1][3]; /* byte offset of each buffer in its level's array */
  spad_i64 elems[SPAD_MAX_LEVELS + 1][3]; /* elements of each buffer (the model's sizes) */
  spad_i64 N, C, M, H, W, P, Q, R, S, sh, sw, dh, dw, pt, pl;
  int eb[3];         /* bytes per element off-chip: I W, final O */
  int psum_bytes;    /* bytes per partial sum (every O buffer, O read-back) */
  int halo;          /* halo reuse: a fill where only a p/q/r/s loop stepped by one
                        loads only the input rows (columns) it did not hold */
} spad_lv_layer;

static const int spad_lv_indexes[3][8] = {
    /* n g m c p q r s */
    {1, 1, 0, 1, 1, 1, 1, 1}, /* I */
    {0, 1, 1, 1, 0, 0, 1, 1}, /* W */
    {1, 1, 1, 0, 1, 1, 0, 0}, /* O */
};

/* What one buffer holds: the loop ranges (those of the loops that do not
 * index A as of the latest visit of its fill point), and per axis the sorted
 * coordinates (I: batch, channel, input row, input column; W: output
 * channel, channel, r, s; O: batch, output channel, p, q) with the slot of
 * each in the buffer (-1: not held). Elements are stored densely in slot
 * order, axis 0 outermost. */
typedef struct {
  int resident;
  spad_i64 lo[8], hi[8];
  spad_i64 key[SPAD_MAX_LEVELS + 1][8]; /* trip number of each loop at the fill (I) */
  spad_i64 n[4];
  spad_i64 *coord[4];
  int32_t *slot[4];
} spad_lv_buf;

typedef struct {
  const spad_lv_layer *L;
  unsigned char *mem[SPAD_MAX_LEVELS + 1];
  const unsigned char *I, *Wt;
  unsigned char *O, *Opsum;
  spad_lv_buf buf[SPAD_MAX_LEVELS + 1][3];
  spad_i64 at[SPAD_MAX_LEVELS + 1][8], en[SPAD_MAX_LEVELS + 1][8]; /* tile of each loop */
  unsigned char *marks;
  int32_t *hrank;   /* halo fills: new rank of a row (column); -1 elsewhere */
  spad_i64 *hlist;  /* halo fills: the new rows (columns), then the fresh ones */
} spad_lv_kernel;

/* The tile loop of dimension d at level l: over the current level-(l-1) tile. */
#define SPAD_LV_FOR(K, l, d, tile)                                                      \
  for ((K).at[l][d] = (K).at[(l) - 1][d];                                               \
       (K).at[l][d] < (K).en[(l) - 1][d] &&                                             \
       ((K).en[l][d] = (K).at[l][d] + (tile) < (K).en[(l) - 1][d] ? (K).at[l][d] + (tile) \
                                                                : (K).en[(l) - 1][d],   \
        1);                                                                             \
       (K).at[l][d] += (tile))

static SPAD_UNUSED spad_i64 spad_lv_extent(const spad_lv_layer *L, int a, int axis) {
  static const int which[3][4] = {{0, 1, 2, 3}, {4, 5, 6, 7}, {0, 4, 8, 9}};
  const spad_i64 e[10] = {L->N, L->C, L->H, L->W, L->M, L->D[SPAD_c], L->R, L->S, L->P, L->Q};
  return e[which[a][axis]];
}
static SPAD_UNUSED int spad_lv_elem_bytes(const spad_lv_layer *L, int a) {
  return a == SPAD_O ? L->psum_bytes : L->eb[a];
}
static SPAD_UNUSED unsigned char *spad_lv_base(spad_lv_kernel *K, int l, int a) {
  return K->mem[l] + K->L->off[l][a];
}

/* The nearest level outside level l that holds A (0: off-chip). */
static SPAD_UNUSED int spad_lv_holder(const spad_lv_layer *L, int l, int a) {
  int j;
  for (j = l - 1; j >= 1; --j)
    if (L->span[j][a] >= 0) return j;
  return 0;
}

/* The loop ranges A's level-l buffer holds now: for each dimension the tile
 * of its innermost loop outside the buffer (level l's own loop when it is
 * outside the span, else level l-1's, level 0 being the whole dimension). */
static SPAD_UNUSED void spad_lv_ranges(const spad_lv_kernel *K, int l, int a, spad_i64 lo[8],
                                       spad_i64 hi[8]) {
  const spad_lv_layer *L = K->L;
  int d;
  for (d = 0; d < 8; ++d) {
    const int k = L->pos[l][d] >= L->span[l][a] ? l : l - 1;
    lo[d] = K->at[k][d];
    hi[d] = K->en[k][d];
  }
}

/* Sorted coordinates of one axis of A over the held ranges. */
static SPAD_UNUSED spad_i64 spad_lv_axis(spad_lv_kernel *K, int a, int axis, const spad_i64 lo[8],
                                         const spad_i64 hi[8], spad_i64 *out) {
  const spad_lv_layer *L = K->L;
  spad_i64 n = 0, x, y, o, k;
  if (axis == 0) {
    const int d = a == SPAD_W ? -1 : SPAD_n;
    if (d >= 0) {
      for (x = lo[d]; x < hi[d]; ++x) out[n++] = x;
      return n;
    }
  }
  if ((a != SPAD_W && axis == 1) || (a == SPAD_W && axis == 0)) {
    const int inner = a == SPAD_I ? SPAD_c : SPAD_m;
    for (y = lo[SPAD_g]; y < hi[SPAD_g]; ++y)
      for (x = lo[inner]; x < hi[inner]; ++x) out[n++] = y * L->D[inner] + x;
    return n;
  }
  if (a == SPAD_I) { /* input rows or columns: in-bounds, distinct, sorted */
    const int row = axis == 2;
    const int od = row ? SPAD_p : SPAD_q, kd = row ? SPAD_r : SPAD_s;
    const spad_i64 extent = row ? L->H : L->W, stride = row ? L->sh : L->sw;
    const spad_i64 dil = row ? L->dh : L->dw, pad = row ? L->pt : L->pl;
    for (o = lo[od]; o < hi[od]; ++o)
      for (k = lo[kd]; k < hi[kd]; ++k) {
        x = o * stride + k * dil - pad;
        if (x >= 0 && x < extent) K->marks[x] = 1;
      }
    for (x = 0; x < extent; ++x)
      if (K->marks[x]) {
        K->marks[x] = 0;
        out[n++] = x;
      }
    return n;
  }
  {
    static const int dims[3][4] = {{0, 0, 0, 0}, {0, SPAD_c, SPAD_r, SPAD_s},
                                   {0, 0, SPAD_p, SPAD_q}};
    const int d = dims[a][axis];
    for (x = lo[d]; x < hi[d]; ++x) out[n++] = x;
    return n;
  }
}

/* Dense index of the element at slots s[0..3] of buffer b. */
static SPAD_UNUSED spad_i64 spad_lv_index(const spad_lv_buf *b, const spad_i64 s[4]) {
  return ((s[0] * b->n[1] + s[1]) * b->n[2] + s[2]) * b->n[3] + s[3];
}

static SPAD_UNUSED void spad_lv_count(int a, int outer, int inner, int in, uint64_t bytes) {
  int k;
  if (in)
    spad_lv_moved_in += bytes;
  else
    spad_lv_moved_out += bytes;
  for (k = outer + 1; k <= inner; ++k) {
    if (in)
      spad_lv_in_bytes[k][a] += bytes;
    else
      spad_lv_out_bytes[k][a] += bytes;
  }
}

/* Moves every element the level-l buffer of A holds between it and level
 * `other` < l (0: off-chip, at `mem` with element size `mem_bytes`): into
 * the buffer when `in`, out of it otherwise; `eb` bytes of each element (the
 * slot start; a slot is the level's element size). With `axis` >= 0 only the
 * coordinates `list[0..count)` of that axis (a halo fill's new rows or
 * columns). Runs of consecutive slots on both sides are one 2-D transfer. */
static SPAD_UNUSED void spad_lv_move(spad_lv_kernel *K, int a, int l, int other, int in,
                                     unsigned char *mem, int mem_bytes, int eb, int axis,
                                     const spad_i64 *list, spad_i64 count) {
  const spad_lv_layer *L = K->L;
  const spad_lv_buf *b = &K->buf[l][a];
  const spad_lv_buf *o = other > 0 ? &K->buf[other][a] : NULL;
  const spad_i64 bslot = spad_lv_elem_bytes(L, a);
  const spad_i64 oslot = other > 0 ? bslot : mem_bytes;
  unsigned char *bbase = spad_lv_base(K, l, a);
  unsigned char *obase = other > 0 ? spad_lv_base(K, other, a) : mem;
  spad_i64 ext[4], i[4], s[4], os[4], cn[4];
  const spad_i64 *cl[4];
  int k;
  for (k = 0; k < 4; ++k) {
    ext[k] = spad_lv_extent(L, a, k);
    cl[k] = k == axis ? list : b->coord[k];
    cn[k] = k == axis ? count : b->n[k];
  }
  for (i[0] = 0; i[0] < cn[0]; ++i[0])
    for (i[1] = 0; i[1] < cn[1]; ++i[1])
      for (i[2] = 0; i[2] < cn[2]; ++i[2]) {
        i[3] = 0;
        while (i[3] < cn[3]) {
          spad_i64 run = 1, bi, oi;
          unsigned char *bp, *op;
          for (k = 0; k < 4; ++k) {
            const spad_i64 x = cl[k][i[k]];
            s[k] = b->slot[k][x];
            os[k] = o ? o->slot[k][x] : x;
            if (os[k] < 0 || s[k] < 0) spad_lv_fault = 1;
          }
          if (spad_lv_fault) return;
          while (i[3] + run < cn[3]) {
            const spad_i64 x = cl[3][i[3] + run];
            if ((o ? o->slot[3][x] : x) != os[3] + run || b->slot[3][x] != s[3] + run) break;
            ++run;
          }
          bi = spad_lv_index(b, s);
          oi = o ? spad_lv_index(o, os) : ((os[0] * ext[1] + os[1]) * ext[2] + os[2]) * ext[3] + os[3];
          bp = bbase + bi * bslot;
          op = obase + oi * oslot;
          if (bslot == eb && oslot == eb) {
            if (in)
              dma_in(other, l, bp, (size_t)(run * eb), op, (size_t)(run * eb), (size_t)(run * eb), 1);
            else
              dma_out(other, l, op, (size_t)(run * eb), bp, (size_t)(run * eb), (size_t)(run * eb), 1);
          } else if (in) {
            dma_in(other, l, bp, (size_t)bslot, op, (size_t)oslot, (size_t)eb, (size_t)run);
          } else {
            dma_out(other, l, op, (size_t)oslot, bp, (size_t)bslot, (size_t)eb, (size_t)run);
          }
          spad_lv_count(a, other, l, in, (uint64_t)(run * eb));
          i[3] += run;
        }
      }
}

/* Whether the tiles of the reduction loops (c r s) outside the buffer start
 * (end) the dimension: at the fill, the O tile's first hold at this level; at
 * the latest visit of the fill point before the write-back, its last. */
static SPAD_UNUSED int spad_lv_o_edge(const spad_lv_kernel *K, const spad_lv_buf *b, int last) {
  static const int red[3] = {SPAD_c, SPAD_r, SPAD_s};
  int k;
  for (k = 0; k < 3; ++k) {
    const int d = red[k];
    if (last ? b->hi[d] != K->L->D[d] : b->lo[d] != 0) return 0;
  }
  return 1;
}

/* Writes the O tile of level l back to the nearest outer level holding O
 * (off-chip if none): final outputs (output precision) on its last hold,
 * partial sums otherwise. Level L narrows its partial sums to outputs in
 * place (each at its slot's start); an outer level received them narrowed. */
static SPAD_UNUSED void spad_lv_o_writeback(spad_lv_kernel *K, int l) {
  const spad_lv_layer *L = K->L;
  spad_lv_buf *b = &K->buf[l][SPAD_O];
  const int j = spad_lv_holder(L, l, SPAD_O);
  const int final = spad_lv_o_edge(K, b, 1);
  if (final && l == L->levels) {
    const spad_i64 count = b->n[0] * b->n[1] * b->n[2] * b->n[3];
    unsigned char *base = spad_lv_base(K, l, SPAD_O);
    spad_i64 e;
    for (e = 0; e < count; ++e) {
      unsigned char *p = base + e * L->psum_bytes;
      const spad_i64 v = spad_saturate(spad_psum_value(spad_lv_ld_bits(p, L->psum_bytes), L->psum_bytes),
                                       L->eb[SPAD_O]);
      spad_lv_st_bits(p, (uint64_t)v, L->eb[SPAD_O]);
    }
  }
  if (final)
    spad_lv_move(K, SPAD_O, l, j, 0, K->O, L->eb[SPAD_O], L->eb[SPAD_O], -1, NULL, 0);
  else
    spad_lv_move(K, SPAD_O, l, j, 0, K->Opsum, L->psum_bytes, L->psum_bytes, -1, NULL, 0);
  b->resident = 0;
}

/* Before the level-l O buffer changes tile, every deeper O buffer writes its
 * tile back (deepest first), as the flat nest's deeper buffers change too. */
static SPAD_UNUSED void spad_lv_o_flush(spad_lv_kernel *K, int l) {
  int m;
  for (m = K->L->levels; m > l; --m)
    if (K->L->span[m][SPAD_O] >= 0 && K->buf[m][SPAD_O].resident) spad_lv_o_writeback(K, m);
}

/* The trip number of level k's loop of d inside its enclosing tile. */
static SPAD_UNUSED spad_i64 spad_lv_trip(const spad_lv_kernel *K, int k, int d) {
  return (K->at[k][d] - K->at[k - 1][d]) / K->L->t[k][d];
}

/* Records the trip number of every level's loops (the loops' indices). */
static SPAD_UNUSED void spad_lv_keys(const spad_lv_kernel *K, spad_lv_buf *b, int l) {
  int k, d;
  for (k = 1; k <= l; ++k)
    for (d = 0; d < 8; ++d) b->key[k][d] = spad_lv_trip(K, k, d);
}

/* The axis of a halo fill of the level-l I buffer (2: rows, 3: columns), or
 * -1: a halo fill iff, of the loops outside the buffer that index I, exactly
 * one changed since the last fill, it is a p, q, r or s loop, and it stepped
 * by one tile. */
static SPAD_UNUSED int spad_lv_halo_axis(const spad_lv_kernel *K, int l, const spad_lv_buf *b) {
  const spad_lv_layer *L = K->L;
  int k, d, changes = 0, ck = 0, cd = 0;
  for (k = 1; k <= l; ++k)
    for (d = 0; d < 8; ++d) {
      if (!spad_lv_indexes[SPAD_I][d] || (k == l && L->pos[l][d] < L->span[l][SPAD_I])) continue;
      if (spad_lv_trip(K, k, d) != b->key[k][d]) {
        ++changes;
        ck = k;
        cd = d;
      }
    }
  if (changes != 1 || cd < SPAD_p || spad_lv_trip(K, ck, cd) != b->key[ck][cd] + 1) return -1;
  return cd == SPAD_p || cd == SPAD_r ? 2 : 3;
}

/* A halo fill of the level-l I buffer along `ax`: the rows (columns) it keeps
 * move on chip to their places in the new dense layout (a monotone map:
 * those moving down in increasing order, then those moving up in decreasing
 * order, so none is overwritten first), and only the new ones are loaded. */
static SPAD_UNUSED void spad_lv_halo_fill(spad_lv_kernel *K, int l, int ax, const spad_i64 lo[8],
                                          const spad_i64 hi[8]) {
  const spad_lv_layer *L = K->L;
  spad_lv_buf *b = &K->buf[l][SPAD_I];
  const spad_i64 eb = L->eb[SPAD_I];
  unsigned char *base = spad_lv_base(K, l, SPAD_I);
  spad_i64 *nc = K->hlist, *fresh = K->hlist + (L->H > L->W ? L->H : L->W);
  spad_i64 nn, nf = 0, i, pass, on[4], nw[4], total;
  int k;
  nn = spad_lv_axis(K, SPAD_I, ax, lo, hi, nc);
  for (k = 0; k < 4; ++k) on[k] = nw[k] = b->n[k];
  nw[ax] = nn;
  total = nw[0] * nw[1] * nw[2] * nw[3];
  if (total > L->elems[l][SPAD_I]) {
    spad_lv_fault = 1;
    return;
  }
  for (i = 0; i < nn; ++i) {
    K->hrank[nc[i]] = (int32_t)i;
    if (b->slot[ax][nc[i]] < 0) fresh[nf++] = nc[i];
  }
  for (pass = 0; pass < 2; ++pass) {
    const spad_i64 count = on[0] * on[1] * on[2] * on[3];
    spad_i64 e;
    for (e = 0; e < count; ++e) {
      const spad_i64 old = pass == 0 ? e : count - 1 - e;
      spad_i64 r[4], rest = old, x, nr, now;
      for (k = 3; k >= 0; --k) {
        r[k] = rest % on[k];
        rest /= on[k];
      }
      x = b->coord[ax][r[ax]];
      nr = K->hrank[x];
      if (nr < 0) continue; /* a row (column) the new tile does not hold */
      r[ax] = nr;
      now = ((r[0] * nw[1] + r[1]) * nw[2] + r[2]) * nw[3] + r[3];
      if (pass == 0 ? now < old : now > old)
        memcpy(base + now * eb, base + old * eb, (size_t)eb);
    }
  }
  for (i = 0; i < on[ax]; ++i) b->slot[ax][b->coord[ax][i]] = -1;
  for (i = 0; i < nn; ++i) {
    b->coord[ax][i] = nc[i];
    b->slot[ax][nc[i]] = (int32_t)i;
    K->hrank[nc[i]] = -1;
  }
  b->n[ax] = nn;
  spad_lv_move(K, SPAD_I, l, spad_lv_holder(L, l, SPAD_I), 1, (unsigned char *)K->I, (int)eb,
               (int)eb, ax, fresh, nf);
}

/* The fill point of A's level-l buffer, reached on every iteration of the
 * loop above it: (re)fills when the tile it must hold has changed. */
static SPAD_UNUSED void spad_lv_fill(spad_lv_kernel *K, int l, int a) {
  const spad_lv_layer *L = K->L;
  spad_lv_buf *b = &K->buf[l][a];
  spad_i64 lo[8], hi[8], count = 1;
  int d, k, same = b->resident;
  spad_lv_ranges(K, l, a, lo, hi);
  for (d = 0; d < 8 && same; ++d)
    if (spad_lv_indexes[a][d] && (lo[d] != b->lo[d] || hi[d] != b->hi[d])) same = 0;
  if (same) { /* the loops that do not index A move on inside one hold: O's last
                 hold is the one whose latest reduction tiles end the dimension */
    memcpy(b->lo, lo, sizeof lo);
    memcpy(b->hi, hi, sizeof hi);
    return;
  }
  if (a == SPAD_O) {
    spad_lv_o_flush(K, l);
    if (b->resident) spad_lv_o_writeback(K, l);
  }
  memcpy(b->lo, lo, sizeof lo);
  memcpy(b->hi, hi, sizeof hi);
  if (a == SPAD_I && L->halo && b->resident) {
    const int ax = spad_lv_halo_axis(K, l, b);
    spad_lv_keys(K, b, l);
    if (ax >= 0) {
      spad_lv_halo_fill(K, l, ax, lo, hi);
      dma_wait();
      return;
    }
  }
  if (a == SPAD_I) spad_lv_keys(K, b, l);
  for (k = 0; k < 4; ++k) {
    spad_i64 i;
    for (i = 0; i < b->n[k]; ++i) b->slot[k][b->coord[k][i]] = -1;
    b->n[k] = spad_lv_axis(K, a, k, lo, hi, b->coord[k]);
    for (i = 0; i < b->n[k]; ++i) b->slot[k][b->coord[k][i]] = (int32_t)i;
    count *= b->n[k];
  }
  if (count > L->elems[l][a]) {
    spad_lv_fault = 1;
    return;
  }
  b->resident = 1;
  if (a == SPAD_I) {
    spad_lv_move(K, a, l, spad_lv_holder(L, l, a), 1, (unsigned char *)K->I, L->eb[a], L->eb[a],
                 -1, NULL, 0);
  } else if (a == SPAD_W) {
    spad_lv_move(K, a, l, spad_lv_holder(L, l, a), 1, (unsigned char *)K->Wt, L->eb[a], L->eb[a],
                 -1, NULL, 0);
  } else if (spad_lv_o_edge(K, b, 0)) { /* first hold: from zero */
    memset(spad_lv_base(K, l, a), 0, (size_t)(count * L->psum_bytes));
  } else {
    spad_lv_move(K, a, l, spad_lv_holder(L, l, a), 1, K->Opsum, L->psum_bytes, L->psum_bytes,
                 -1, NULL, 0);
  }
  dma_wait();
}

/* One level-L tile (the innermost loops' current tiles), computed from the
 * level-L buffers only: I through its slot tables (padding reads as zero,
 * never stored), W and O through theirs. */
static SPAD_UNUSED void spad_lv_compute(spad_lv_kernel *K) {
  const spad_lv_layer *L = K->L;
  const int l = L->levels;
  const spad_lv_buf *bi = &K->buf[l][SPAD_I], *bw = &K->buf[l][SPAD_W], *bo = &K->buf[l][SPAD_O];
  const unsigned char *ib = spad_lv_base(K, l, SPAD_I), *wb = spad_lv_base(K, l, SPAD_W);
  unsigned char *ob = spad_lv_base(K, l, SPAD_O);
  const spad_i64 *lo = K->at[l], *hi = K->en[l];
  const spad_i64 cg = L->D[SPAD_c], mg = L->D[SPAD_m];
  spad_i64 n, g, m, c, p, q, r, s, y, x;
  for (n = lo[SPAD_n]; n < hi[SPAD_n]; ++n)
    for (g = lo[SPAD_g]; g < hi[SPAD_g]; ++g)
      for (m = lo[SPAD_m]; m < hi[SPAD_m]; ++m)
        for (p = lo[SPAD_p]; p < hi[SPAD_p]; ++p)
          for (q = lo[SPAD_q]; q < hi[SPAD_q]; ++q) {
            const spad_i64 os[4] = {bo->slot[0][n], bo->slot[1][g * mg + m], bo->slot[2][p],
                                    bo->slot[3][q]};
            unsigned char *acc_at;
            uint64_t acc;
            if (os[0] < 0 || os[1] < 0 || os[2] < 0 || os[3] < 0) {
              spad_lv_fault = 1;
              return;
            }
            acc_at = ob + spad_lv_index(bo, os) * L->psum_bytes;
            acc = spad_lv_ld_bits(acc_at, L->psum_bytes);
            for (c = lo[SPAD_c]; c < hi[SPAD_c]; ++c)
              for (r = lo[SPAD_r]; r < hi[SPAD_r]; ++r) {
                y = p * L->sh + r * L->dh - L->pt;
                if (y < 0 || y >= L->H) continue; /* padding: zero */
                for (s = lo[SPAD_s]; s < hi[SPAD_s]; ++s) {
                  spad_i64 is[4], ws[4];
                  x = q * L->sw + s * L->dw - L->pl;
                  if (x < 0 || x >= L->W) continue;
                  is[0] = bi->slot[0][n];
                  is[1] = bi->slot[1][g * cg + c];
                  is[2] = bi->slot[2][y];
                  is[3] = bi->slot[3][x];
                  ws[0] = bw->slot[0][g * mg + m];
                  ws[1] = bw->slot[1][c];
                  ws[2] = bw->slot[2][r];
                  ws[3] = bw->slot[3][s];
                  if (is[0] < 0 || is[1] < 0 || is[2] < 0 || is[3] < 0 || ws[0] < 0 ||
                      ws[1] < 0 || ws[2] < 0 || ws[3] < 0) {
                    spad_lv_fault = 1;
                    return;
                  }
                  acc += (uint64_t)(spad_lv_ld_signed(ib + spad_lv_index(bi, is) * L->eb[SPAD_I],
                                                      L->eb[SPAD_I]) *
                                    spad_lv_ld_signed(wb + spad_lv_index(bw, ws) * L->eb[SPAD_W],
                                                      L->eb[SPAD_W]));
                }
              }
            spad_lv_st_bits(acc_at, acc, L->psum_bytes);
          }
}

/* Scratch: coordinate lists and slot tables of every buffer, `per` entries
 * each per level (the sum of the axis extents of I, W and O); marks and hrank
 * of max(H, W) entries, hlist of 2 max(H, W). */
static SPAD_UNUSED void spad_lv_begin(spad_lv_kernel *K, const spad_lv_layer *L,
                                      unsigned char *const mem[SPAD_MAX_LEVELS + 1],
                                      spad_i64 *coords, int32_t *slots, unsigned char *marks,
                                      int32_t *hrank, spad_i64 *hlist, const void *I,
                                      const void *W, void *O, void *Opsum) {
  int l, a, k, d;
  memset(K, 0, sizeof *K);
  K->L = L;
  for (l = 0; l <= L->levels; ++l) K->mem[l] = mem[l];
  K->I = (const unsigned char *)I;
  K->Wt = (const unsigned char *)W;
  K->O = (unsigned char *)O;
  K->Opsum = (unsigned char *)Opsum;
  K->marks = marks;
  memset(marks, 0, (size_t)(L->H > L->W ? L->H : L->W));
  K->hrank = hrank;
  K->hlist = hlist;
  for (d = 0; d < (L->H > L->W ? L->H : L->W); ++d) hrank[d] = -1;
  for (l = 1; l <= L->levels; ++l)
    for (a = 0; a < 3; ++a)
      for (k = 0; k < 4; ++k) {
        const spad_i64 e = spad_lv_extent(L, a, k);
        spad_i64 i;
        K->buf[l][a].coord[k] = coords;
        K->buf[l][a].slot[k] = slots;
        for (i = 0; i < e; ++i) slots[i] = -1;
        coords += e;
        slots += e;
      }
  for (d = 0; d < 8; ++d) {
    K->at[0][d] = 0;
    K->en[0][d] = L->D[d];
  }
  for (l = 0; l <= SPAD_MAX_LEVELS; ++l)
    for (a = 0; a < 3; ++a) {
      spad_lv_in_bytes[l][a] = 0;
      spad_lv_out_bytes[l][a] = 0;
    }
  spad_lv_moved_in = 0;
  spad_lv_moved_out = 0;
  spad_lv_fault = 0;
}

/* The end of the nest: every O buffer writes its last tile back, deepest first. */
static SPAD_UNUSED void spad_lv_end(spad_lv_kernel *K) {
  spad_lv_o_flush(K, 0);
  dma_wait();
}

#endif /* SPAD_LEVEL_RUNTIME_DEFINED */
)SPADC";

}  // namespace

std::string_view level_c_runtime_source() { return kLevelRuntime; }

}  // namespace spad::codegen
