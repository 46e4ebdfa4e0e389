// The C runtime of generated kernels, as text (see c_runtime.hpp).
#include "codegen/c_runtime.hpp"

namespace spad::codegen {

namespace {

constexpr std::string_view kRuntime = R"SPADC(
/* ---- spad runtime: DMA hooks, buffer fills, element access ----------------
 * Shared by every kernel of this file. Nothing here depends on one layer: the
 * kernel below passes its layer and schedule as a spad_layer table. */
#ifndef SPAD_RUNTIME_DEFINED
#define SPAD_RUNTIME_DEFINED
#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Helpers a kernel does not need (another precision, say) are not warned about. */
#if defined(__GNUC__) || defined(__clang__)
#define SPAD_UNUSED __attribute__((unused))
#else
#define SPAD_UNUSED
#endif

typedef int64_t spad_i64;

/* The eight tile loops and the three arrays (DESIGN.md). */
enum { SPAD_n, SPAD_g, SPAD_m, SPAD_c, SPAD_p, SPAD_q, SPAD_r, SPAD_s };
enum { SPAD_I, SPAD_W, SPAD_O };

/* ---- DMA hooks ------------------------------------------------------------
 * A 2-D strided copy: `rows` rows of `row_bytes` contiguous bytes, row i read
 * at src + i*src_stride and written at dst + i*dst_stride (strides in bytes).
 * dma_in moves off-chip -> scratchpad, dma_out scratchpad -> off-chip;
 * dma_wait returns when every transfer issued before it has completed.
 * Port them to a DMA engine by compiling with -DSPAD_CUSTOM_DMA and defining
 * the three functions elsewhere. The defaults copy at once and count bytes. */
#ifdef SPAD_CUSTOM_DMA
void dma_in(void *dst, size_t dst_stride, const void *src, size_t src_stride, size_t row_bytes,
            size_t rows);
void dma_out(void *dst, size_t dst_stride, const void *src, size_t src_stride, size_t row_bytes,
             size_t rows);
void dma_wait(void);
#else
static uint64_t spad_hook_in_bytes, spad_hook_out_bytes, spad_hook_waits;
static SPAD_UNUSED void spad_hook_copy(void *dst, size_t dst_stride, const void *src, size_t src_stride,
                           size_t row_bytes, size_t rows) {
  size_t i;
  for (i = 0; i < rows; ++i)
    memcpy((unsigned char *)dst + i * dst_stride, (const unsigned char *)src + i * src_stride,
           row_bytes);
}
static SPAD_UNUSED inline void dma_in(void *dst, size_t dst_stride, const void *src, size_t src_stride,
                          size_t row_bytes, size_t rows) {
  spad_hook_copy(dst, dst_stride, src, src_stride, row_bytes, rows);
  spad_hook_in_bytes += (uint64_t)row_bytes * rows;
}
static SPAD_UNUSED inline void dma_out(void *dst, size_t dst_stride, const void *src, size_t src_stride,
                           size_t row_bytes, size_t rows) {
  spad_hook_copy(dst, dst_stride, src, src_stride, row_bytes, rows);
  spad_hook_out_bytes += (uint64_t)row_bytes * rows;
}
static SPAD_UNUSED inline void dma_wait(void) { ++spad_hook_waits; }
#endif

/* Bytes each array moved in the last kernel run, counted at every hook call. */
static uint64_t spad_in_bytes[3], spad_out_bytes[3];

static SPAD_UNUSED inline void spad_dma_in(int array, unsigned char *dst, spad_i64 dst_stride,
                               const unsigned char *src, spad_i64 src_stride, spad_i64 row_bytes,
                               spad_i64 rows) {
  dma_in(dst, (size_t)dst_stride, src, (size_t)src_stride, (size_t)row_bytes, (size_t)rows);
  spad_in_bytes[array] += (uint64_t)row_bytes * (uint64_t)rows;
}
static SPAD_UNUSED inline void spad_dma_out(int array, unsigned char *dst, spad_i64 dst_stride,
                                const unsigned char *src, spad_i64 src_stride, spad_i64 row_bytes,
                                spad_i64 rows) {
  dma_out(dst, (size_t)dst_stride, src, (size_t)src_stride, (size_t)row_bytes, (size_t)rows);
  spad_out_bytes[array] += (uint64_t)row_bytes * (uint64_t)rows;
}

/* ---- element access ---------------------------------------------------------
 * The scratchpad is bytes; elements are read and written through memcpy (no
 * alignment or aliasing assumptions). Data are signed integers of 1, 2 or 4
 * bytes; partial sums are kept as unsigned bit patterns of 1, 2, 4 or 8 bytes
 * (arithmetic modulo 2^bits, two's complement, never a signed overflow). */
static SPAD_UNUSED inline spad_i64 spad_ld_s1(const unsigned char *p) { int8_t v; memcpy(&v, p, 1); return v; }
static SPAD_UNUSED inline spad_i64 spad_ld_s2(const unsigned char *p) { int16_t v; memcpy(&v, p, 2); return v; }
static SPAD_UNUSED inline spad_i64 spad_ld_s4(const unsigned char *p) { int32_t v; memcpy(&v, p, 4); return v; }
static SPAD_UNUSED inline uint64_t spad_ld_u1(const unsigned char *p) { uint8_t v; memcpy(&v, p, 1); return v; }
static SPAD_UNUSED inline uint64_t spad_ld_u2(const unsigned char *p) { uint16_t v; memcpy(&v, p, 2); return v; }
static SPAD_UNUSED inline uint64_t spad_ld_u4(const unsigned char *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static SPAD_UNUSED inline uint64_t spad_ld_u8(const unsigned char *p) { uint64_t v; memcpy(&v, p, 8); return v; }
static SPAD_UNUSED inline void spad_st_u1(unsigned char *p, uint64_t x) { uint8_t v = (uint8_t)x; memcpy(p, &v, 1); }
static SPAD_UNUSED inline void spad_st_u2(unsigned char *p, uint64_t x) { uint16_t v = (uint16_t)x; memcpy(p, &v, 2); }
static SPAD_UNUSED inline void spad_st_u4(unsigned char *p, uint64_t x) { uint32_t v = (uint32_t)x; memcpy(p, &v, 4); }
static SPAD_UNUSED inline void spad_st_u8(unsigned char *p, uint64_t x) { memcpy(p, &x, 8); }

/* The signed value of the low `bytes` bytes of a partial-sum bit pattern. */
static SPAD_UNUSED inline spad_i64 spad_psum_value(uint64_t bits, int bytes) {
  if (bytes == 8) return bits > (uint64_t)INT64_MAX ? -(spad_i64)(~bits) - 1 : (spad_i64)bits;
  {
    const int width = 8 * bytes;
    const uint64_t low = bits & ((UINT64_C(1) << width) - 1);
    return (low >> (width - 1)) ? (spad_i64)low - ((spad_i64)1 << width) : (spad_i64)low;
  }
}

/* Requantisation of a final output: the partial sum's signed value saturated
 * to the output precision (bytes <= the partial-sum bytes). */
static SPAD_UNUSED inline spad_i64 spad_saturate(spad_i64 v, int bytes) {
  spad_i64 hi, lo;
  if (bytes == 8) return v;
  hi = ((spad_i64)1 << (8 * bytes - 1)) - 1;
  lo = -hi - 1;
  return v > hi ? hi : (v < lo ? lo : v);
}

/* A final output as a signed integer of `bytes` bytes (v already in range). */
static SPAD_UNUSED inline void spad_st_signed(unsigned char *p, spad_i64 v, int bytes) {
  switch (bytes) {
    case 1: { int8_t x = (int8_t)v; memcpy(p, &x, 1); break; }
    case 2: { int16_t x = (int16_t)v; memcpy(p, &x, 2); break; }
    case 4: { int32_t x = (int32_t)v; memcpy(p, &x, 4); break; }
    default: { int64_t x = (int64_t)v; memcpy(p, &x, 8); break; }
  }
}

static SPAD_UNUSED inline uint64_t spad_ld_bits(const unsigned char *p, int bytes) {
  switch (bytes) {
    case 1: return spad_ld_u1(p);
    case 2: return spad_ld_u2(p);
    case 4: return spad_ld_u4(p);
    default: return spad_ld_u8(p);
  }
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

/* ---- the layer and schedule of one kernel ---------------------------------- */
typedef struct {
  spad_i64 D[8];     /* loop bounds n g m c p q r s (m and c per group) */
  spad_i64 t[8];     /* tile of each loop */
  int order[8];      /* the tile loops, innermost first */
  int pos[8];        /* position of each loop in the order (0 = innermost) */
  int span[3];       /* buffer span of I, W, O */
  int jpos[3];       /* position of j*_A: the innermost loop outside A's buffer that
                        indexes A and has more than one tile; -1 if none */
  int halo_axis;     /* -1: no halo reuse; 0: rows (j*_I is p or r); 1: columns (q or s) */
  int copies;        /* 1, or 2 with double buffering (ping-pong) */
  spad_i64 N, C, M, H, W, P, Q, R, S, sh, sw, dh, dw, pt, pl;
  int eb[3];         /* bytes per element off-chip: I, W, final O */
  int psum_bytes;    /* bytes per partial sum (O buffer and O read-back) */
  spad_i64 off[3];   /* byte offset of each buffer in the scratchpad */
  spad_i64 elems[3]; /* elements of each buffer, every copy included (the model's sizes) */
} spad_layer;

static const int spad_indexes[3][8] = {
    /* n g m c p q r s */
    {1, 1, 0, 1, 1, 1, 1, 1}, /* I */
    {0, 1, 1, 1, 0, 0, 1, 1}, /* W */
    {1, 1, 1, 0, 1, 1, 0, 0}, /* O */
};

/* Loop d is outside A's buffer and indexes A: A's buffer holds one tile of d. */
static SPAD_UNUSED inline int spad_selects(const spad_layer *L, int a, int d) {
  return spad_indexes[a][d] && L->pos[d] >= L->span[a];
}

/* The loop ranges [lo, hi) A's buffer holds at tile position `at` (tile starts). */
static SPAD_UNUSED void spad_held_ranges(const spad_layer *L, int a, const spad_i64 at[8], spad_i64 lo[8],
                             spad_i64 hi[8]) {
  int d;
  for (d = 0; d < 8; ++d) {
    if (spad_selects(L, a, d)) {
      lo[d] = at[d];
      hi[d] = at[d] + L->t[d] < L->D[d] ? at[d] + L->t[d] : L->D[d];
    } else {
      lo[d] = 0;
      hi[d] = L->D[d];
    }
  }
}

static SPAD_UNUSED int spad_same_tile(const spad_layer *L, int a, const spad_i64 x[8], const spad_i64 y[8]) {
  int d;
  for (d = 0; d < 8; ++d)
    if (spad_selects(L, a, d) && x[d] != y[d]) return 0;
  return 1;
}

/* The tile position of A's next fill after the fill at `at`: the loops at or
 * outside j*_A step as an odometer. Returns 0 when `at` is the last fill, 1
 * when j*_A stepped by one (the loops outside it unchanged), 2 otherwise. */
static SPAD_UNUSED int spad_next_fill(const spad_layer *L, int a, const spad_i64 at[8], spad_i64 next[8]) {
  int p;
  memcpy(next, at, 8 * sizeof(spad_i64));
  if (L->jpos[a] < 0) return 0;
  for (p = L->jpos[a]; p < 8; ++p) {
    const int d = L->order[p];
    next[d] += L->t[d];
    if (next[d] < L->D[d]) return p == L->jpos[a] ? 1 : 2;
    next[d] = 0;
  }
  return 0;
}

/* ---- W and O: boxes of their loops ------------------------------------------
 * A held W or O tile is a box of its loops (W: g m c r s, O: n g m p q), stored
 * dense in the buffer in that order. The off-chip strides of the box's axes
 * (elements) are `mstride`; axes of extent 1 are dropped and adjacent axes that
 * are contiguous on both sides merged, so each 2-D transfer is as large as the
 * layouts allow. */
static SPAD_UNUSED void spad_box_transfer(int array, int out, unsigned char *buf, const unsigned char *mem_in,
                              unsigned char *mem_out, const spad_i64 ext_in[5],
                              const spad_i64 mstride_in[5], spad_i64 eb) {
  spad_i64 e[5], ms[5], bs[5], idx[5] = {0, 0, 0, 0, 0};
  spad_i64 row_bytes, rows, mrow, brow, dense = 1;
  int k, nd = 0, rdim, outer;
  for (k = 4; k >= 0; --k) { /* innermost first: dense buffer strides */
    bs[k] = dense;
    dense *= ext_in[k];
  }
  for (k = 0; k < 5; ++k) {
    if (ext_in[k] == 1) continue;
    e[nd] = ext_in[k];
    ms[nd] = mstride_in[k];
    bs[nd] = bs[k];
    ++nd;
  }
  if (dense == 0) return;
  if (nd == 0) {
    e[0] = 1;
    ms[0] = 1;
    bs[0] = 1;
    nd = 1;
  }
  for (k = nd - 1; k > 0; --k) { /* merge axis k into k-1 where both sides are contiguous */
    if (ms[k - 1] == e[k] * ms[k] && bs[k - 1] == e[k] * bs[k]) {
      int j;
      e[k - 1] *= e[k];
      ms[k - 1] = ms[k];
      bs[k - 1] = bs[k];
      for (j = k; j + 1 < nd; ++j) {
        e[j] = e[j + 1];
        ms[j] = ms[j + 1];
        bs[j] = bs[j + 1];
      }
      --nd;
    }
  }
  if (ms[nd - 1] == 1 && bs[nd - 1] == 1) {
    row_bytes = e[nd - 1] * eb;
    rdim = nd - 2;
  } else {
    row_bytes = eb;
    rdim = nd - 1;
  }
  if (rdim >= 0) {
    rows = e[rdim];
    mrow = ms[rdim] * eb;
    brow = bs[rdim] * eb;
  } else {
    rows = 1;
    mrow = row_bytes;
    brow = row_bytes;
  }
  outer = rdim > 0 ? rdim : 0;
  for (;;) {
    spad_i64 mo = 0, bo = 0;
    for (k = 0; k < outer; ++k) {
      mo += idx[k] * ms[k];
      bo += idx[k] * bs[k];
    }
    if (out)
      spad_dma_out(array, mem_out + mo * eb, mrow, buf + bo * eb, brow, row_bytes, rows);
    else
      spad_dma_in(array, buf + bo * eb, brow, mem_in + mo * eb, mrow, row_bytes, rows);
    for (k = outer - 1; k >= 0; --k) {
      if (++idx[k] < e[k]) break;
      idx[k] = 0;
    }
    if (k < 0) break;
  }
}

/* ---- I: rows and columns of an input window ------------------------------
 * A held I tile is every in-bounds input element some loop value of the held
 * ranges reads: batch x channels x rows x columns, each a sorted set (with
 * stride > 1 and a small kernel rows are skipped; padding is never held). It
 * is stored as [batch][channel slot][row slot][column slot]; slot tables map a
 * channel, row or column to its slot (-1: not held). With halo reuse the
 * moving axis is a rolling buffer: a row (column) that stays keeps its slot,
 * a new one takes a free slot, and only new ones are transferred. */
typedef struct {
  spad_i64 n_lo, nb, nch, ext[2];     /* layout: nb x nch x ext[0] rows x ext[1] columns */
  int32_t *ch_slot, *slot[2];         /* tables of C, H and W entries */
} spad_iwindow;

typedef struct {
  const spad_layer *L;
  unsigned char *spad;
  const unsigned char *I, *Wt;
  unsigned char *O, *Opsum;
  /* I */
  spad_iwindow iw[2];
  spad_i64 *list[2], *chs, *runs[2];  /* scratch: rows (H), columns (W), channels (C), runs */
  int32_t *slot_tmp[2];
  unsigned char *marks;                /* scratch of max(H, W) */
  /* every array: residency and ping-pong state */
  int resident[3], cur[3];
  spad_i64 fills[3], key[3][8];
  spad_i64 lo[3][2][8], hi[3][2][8]; /* held ranges of each copy */
  int o_first[2], o_last[2];           /* O copy: first / last visit of its tile */
} spad_kernel;

static SPAD_UNUSED spad_i64 spad_copy_elems(const spad_layer *L, int a) { return L->elems[a] / L->copies; }
static SPAD_UNUSED spad_i64 spad_elem_bytes(const spad_layer *L, int a) {
  return a == SPAD_O ? L->psum_bytes : L->eb[a];
}
static SPAD_UNUSED unsigned char *spad_copy_base(spad_kernel *K, int a, int copy) {
  return K->spad + K->L->off[a] + copy * spad_copy_elems(K->L, a) * spad_elem_bytes(K->L, a);
}

/* Sorted in-bounds coordinates of one spatial axis: out*stride + k*dil - pad. */
static SPAD_UNUSED spad_i64 spad_axis_set(spad_kernel *K, spad_i64 extent, spad_i64 stride, spad_i64 dil,
                              spad_i64 pad, spad_i64 o_lo, spad_i64 o_hi, spad_i64 k_lo,
                              spad_i64 k_hi, spad_i64 *list) {
  spad_i64 o, k, x, n = 0;
  for (o = o_lo; o < o_hi; ++o)
    for (k = k_lo; k < k_hi; ++k) {
      x = o * stride + k * dil - pad;
      if (x >= 0 && x < extent) K->marks[x] = 1;
    }
  for (x = 0; x < extent; ++x)
    if (K->marks[x]) {
      K->marks[x] = 0;
      list[n++] = x;
    }
  return n;
}

/* Runs of a list of coordinates with their slots: maximal stretches where the
 * coordinate steps by a constant (by 1 when `unit`) and the slot by 1. Writes
 * start index, length and step per run; returns the number of runs. */
static SPAD_UNUSED spad_i64 spad_runs(const spad_i64 *coord, const int32_t *slot_of, spad_i64 n, int unit,
                          spad_i64 *runs) {
  spad_i64 i = 0, count = 0;
  while (i < n) {
    spad_i64 len = 1, step = 1;
    if (i + 1 < n && slot_of[coord[i + 1]] == slot_of[coord[i]] + 1 &&
        (!unit || coord[i + 1] == coord[i] + 1))
      step = coord[i + 1] - coord[i];
    while (i + len < n && slot_of[coord[i + len]] == slot_of[coord[i + len - 1]] + 1 &&
           coord[i + len] - coord[i + len - 1] == step)
      ++len;
    runs[3 * count] = i;
    runs[3 * count + 1] = len;
    runs[3 * count + 2] = step;
    ++count;
    i += len;
  }
  return count;
}

/* Transfers rows `rows` x columns `cols` of every held (batch, channel) of
 * window `w` (stored at `base`) from off-chip I. */
static SPAD_UNUSED void spad_i_transfer(spad_kernel *K, const spad_iwindow *w, unsigned char *base,
                            const spad_i64 *rows, spad_i64 nrows, const spad_i64 *cols,
                            spad_i64 ncols, spad_i64 nch) {
  const spad_layer *L = K->L;
  const spad_i64 eb = L->eb[SPAD_I];
  spad_i64 *rr = K->runs[0], *cr = K->runs[1];
  const spad_i64 nrr = spad_runs(rows, w->slot[0], nrows, 0, rr);
  const spad_i64 ncr = spad_runs(cols, w->slot[1], ncols, 1, cr);
  spad_i64 b, ch, i, j;
  for (b = 0; b < w->nb; ++b)
    for (ch = 0; ch < nch; ++ch) {
      const spad_i64 channel = K->chs[ch];
      const spad_i64 cs = w->ch_slot[channel];
      for (i = 0; i < nrr; ++i)
        for (j = 0; j < ncr; ++j) {
          const spad_i64 y = rows[rr[3 * i]], x = cols[cr[3 * j]];
          const spad_i64 ys = w->slot[0][y], xs = w->slot[1][x];
          const spad_i64 src = (((w->n_lo + b) * L->C + channel) * L->H + y) * L->W + x;
          const spad_i64 dst = ((b * w->nch + cs) * w->ext[0] + ys) * w->ext[1] + xs;
          spad_dma_in(SPAD_I, base + dst * eb, w->ext[1] * eb, K->I + src * eb,
                      rr[3 * i + 2] * L->W * eb, cr[3 * j + 1] * eb, rr[3 * i + 1]);
        }
    }
}

/* Loads the I tile at `at` into copy `dst`. With `from` >= 0 it is a halo
 * fill: the tile differs from the one held in copy `from` only along the
 * moving axis; shared rows (columns) keep their slots, and are copied on chip
 * when `from` is the other copy; only new ones are transferred. */
static SPAD_UNUSED void spad_i_load(spad_kernel *K, const spad_i64 at[8], int dst, int from) {
  const spad_layer *L = K->L;
  spad_iwindow *w = &K->iw[dst];
  spad_i64 lo[8], hi[8], n[2], nch = 0, g, c, i, k;
  const spad_i64 cg = L->D[SPAD_c];
  unsigned char *base = spad_copy_base(K, SPAD_I, dst);
  spad_held_ranges(L, SPAD_I, at, lo, hi);
  memcpy(K->lo[SPAD_I][dst], lo, sizeof lo);
  memcpy(K->hi[SPAD_I][dst], hi, sizeof hi);
  for (g = lo[SPAD_g]; g < hi[SPAD_g]; ++g)
    for (c = lo[SPAD_c]; c < hi[SPAD_c]; ++c) K->chs[nch++] = g * cg + c;
  n[0] = spad_axis_set(K, L->H, L->sh, L->dh, L->pt, lo[SPAD_p], hi[SPAD_p], lo[SPAD_r],
                       hi[SPAD_r], K->list[0]);
  n[1] = spad_axis_set(K, L->W, L->sw, L->dw, L->pl, lo[SPAD_q], hi[SPAD_q], lo[SPAD_s],
                       hi[SPAD_s], K->list[1]);
  if (from < 0) { /* whole fill: a fresh layout, slots in coordinate order */
    const spad_i64 extent[2] = {L->H, L->W};
    spad_i64 a;
    for (i = 0; i < L->C; ++i) w->ch_slot[i] = -1;
    for (i = 0; i < nch; ++i) w->ch_slot[K->chs[i]] = (int32_t)i;
    w->n_lo = lo[SPAD_n];
    w->nb = hi[SPAD_n] - lo[SPAD_n];
    w->nch = nch;
    for (a = 0; a < 2; ++a) {
      for (i = 0; i < extent[a]; ++i) w->slot[a][i] = -1;
      for (i = 0; i < n[a]; ++i) w->slot[a][K->list[a][i]] = (int32_t)i;
      w->ext[a] = n[a];
    }
    if (L->halo_axis >= 0) { /* the moving axis gets every slot the buffer can hold */
      const int a2 = L->halo_axis;
      const spad_i64 per = w->nb * w->nch * n[1 - a2];
      /* per == 0: the window is empty and stays so until the next whole fill */
      spad_i64 slots = per > 0 ? spad_copy_elems(L, SPAD_I) / per : extent[a2];
      if (slots > extent[a2]) slots = extent[a2];
      if (slots > w->ext[a2]) w->ext[a2] = slots;
    }
    spad_i_transfer(K, w, base, K->list[0], n[0], K->list[1], n[1], nch);
    return;
  }
  { /* halo fill along axis a */
    const int a = L->halo_axis;
    const spad_i64 extent = a == 0 ? L->H : L->W;
    spad_iwindow *src = &K->iw[from];
    int32_t *tmp = K->slot_tmp[a];
    unsigned char *used = K->marks; /* free-slot scratch: ext[a] <= extent */
    spad_i64 fresh = 0, next_free = 0;
    spad_i64 *newc = K->runs[a]; /* new coordinates (runs are computed later, per transfer) */
    if (dst != from) {
      w->n_lo = src->n_lo;
      w->nb = src->nb;
      w->nch = src->nch;
      w->ext[0] = src->ext[0];
      w->ext[1] = src->ext[1];
      memcpy(w->ch_slot, src->ch_slot, (size_t)L->C * sizeof(int32_t));
      memcpy(w->slot[1 - a], src->slot[1 - a], (size_t)(a == 0 ? L->W : L->H) * sizeof(int32_t));
    }
    for (i = 0; i < w->ext[a]; ++i) used[i] = 0;
    for (i = 0; i < n[a]; ++i) {
      const spad_i64 x = K->list[a][i];
      tmp[i] = src->slot[a][x];
      if (tmp[i] >= 0) used[tmp[i]] = 1;
    }
    for (i = 0; i < n[a]; ++i) {
      if (tmp[i] >= 0) continue;
      while (next_free + 1 < w->ext[a] && used[next_free]) ++next_free; /* ext[a] >= n[a] */
      tmp[i] = (int32_t)next_free;
      used[next_free] = 1;
      newc[fresh++] = K->list[a][i];
    }
    for (i = 0; i < w->ext[a]; ++i) used[i] = 0;
    if (dst != from) { /* shared rows (columns) move on chip to the other copy */
      const spad_i64 eb = L->eb[SPAD_I];
      const unsigned char *sbase = spad_copy_base(K, SPAD_I, from);
      spad_i64 b, ch, o;
      for (i = 0; i < n[a]; ++i) {
        const spad_i64 x = K->list[a][i];
        const spad_i64 s = src->slot[a][x];
        if (s < 0) continue;
        for (b = 0; b < w->nb; ++b)
          for (ch = 0; ch < w->nch; ++ch)
            for (o = 0; o < w->ext[1 - a]; ++o) {
              const spad_i64 e = a == 0 ? ((b * w->nch + ch) * w->ext[0] + s) * w->ext[1] + o
                                        : ((b * w->nch + ch) * w->ext[0] + o) * w->ext[1] + s;
              memcpy(base + e * eb, sbase + e * eb, (size_t)eb);
            }
      }
    }
    for (k = 0; k < extent; ++k) w->slot[a][k] = -1;
    for (i = 0; i < n[a]; ++i) w->slot[a][K->list[a][i]] = tmp[i];
    /* newc is K->runs[a]: copy it to the list scratch before runs overwrite it */
    memcpy(K->list[a], newc, (size_t)fresh * sizeof(spad_i64));
    if (a == 0)
      spad_i_transfer(K, w, base, K->list[0], fresh, K->list[1], n[1], nch);
    else
      spad_i_transfer(K, w, base, K->list[0], n[0], K->list[1], fresh, nch);
  }
}

/* ---- W fills ---------------------------------------------------------------- */
static SPAD_UNUSED void spad_w_load(spad_kernel *K, const spad_i64 at[8], int dst) {
  const spad_layer *L = K->L;
  spad_i64 lo[8], hi[8], ext[5], ms[5], off;
  const spad_i64 mg = L->D[SPAD_m], cg = L->D[SPAD_c];
  spad_held_ranges(L, SPAD_W, at, lo, hi);
  memcpy(K->lo[SPAD_W][dst], lo, sizeof lo);
  memcpy(K->hi[SPAD_W][dst], hi, sizeof hi);
  ext[0] = hi[SPAD_g] - lo[SPAD_g];
  ext[1] = hi[SPAD_m] - lo[SPAD_m];
  ext[2] = hi[SPAD_c] - lo[SPAD_c];
  ext[3] = hi[SPAD_r] - lo[SPAD_r];
  ext[4] = hi[SPAD_s] - lo[SPAD_s];
  ms[4] = 1; /* W is M x C/G x R x S, output channel g*M/G + m */
  ms[3] = L->S;
  ms[2] = L->R * L->S;
  ms[1] = cg * L->R * L->S;
  ms[0] = mg * ms[1];
  off = lo[SPAD_g] * ms[0] + lo[SPAD_m] * ms[1] + lo[SPAD_c] * ms[2] + lo[SPAD_r] * ms[3] +
        lo[SPAD_s];
  spad_box_transfer(SPAD_W, 0, spad_copy_base(K, SPAD_W, dst), K->Wt + off * L->eb[SPAD_W], NULL,
                    ext, ms, L->eb[SPAD_W]);
}

/* ---- O visits ----------------------------------------------------------------
 * A visit of an O tile starts from zero on its first visit and from the partial
 * sums written back by the previous one otherwise, and ends with a write-back:
 * partial sums (partial-sum precision) to the off-chip partial-sum array, or,
 * on the tile's last visit, final outputs (output precision, requantised by
 * spad_saturate in place in the buffer) to O. A visit is the tile's first
 * (last) when every reduction loop outside j*_O is at its first (last) tile. */
static SPAD_UNUSED void spad_o_box(const spad_layer *L, const spad_i64 lo[8], const spad_i64 hi[8],
                       spad_i64 ext[5], spad_i64 ms[5], spad_i64 *off) {
  const spad_i64 mg = L->D[SPAD_m];
  ext[0] = hi[SPAD_n] - lo[SPAD_n];
  ext[1] = hi[SPAD_g] - lo[SPAD_g];
  ext[2] = hi[SPAD_m] - lo[SPAD_m];
  ext[3] = hi[SPAD_p] - lo[SPAD_p];
  ext[4] = hi[SPAD_q] - lo[SPAD_q];
  ms[4] = 1; /* O is N x M x P x Q, output channel g*M/G + m */
  ms[3] = L->Q;
  ms[2] = L->P * L->Q;
  ms[1] = mg * ms[2];
  ms[0] = L->M * ms[2];
  *off = lo[SPAD_n] * ms[0] + lo[SPAD_g] * ms[1] + lo[SPAD_m] * ms[2] + lo[SPAD_p] * ms[3] +
         lo[SPAD_q];
}

static SPAD_UNUSED void spad_o_prepare(spad_kernel *K, const spad_i64 at[8], int dst) {
  const spad_layer *L = K->L;
  spad_i64 lo[8], hi[8], ext[5], ms[5], off;
  int p, first = 1, last = 1;
  unsigned char *base = spad_copy_base(K, SPAD_O, dst);
  spad_held_ranges(L, SPAD_O, at, lo, hi);
  memcpy(K->lo[SPAD_O][dst], lo, sizeof lo);
  memcpy(K->hi[SPAD_O][dst], hi, sizeof hi);
  if (L->jpos[SPAD_O] >= 0)
    for (p = L->jpos[SPAD_O] + 1; p < 8; ++p) {
      const int d = L->order[p];
      if (spad_indexes[SPAD_O][d]) continue;
      if (at[d] != 0) first = 0;
      if (at[d] + L->t[d] < L->D[d]) last = 0;
    }
  K->o_first[dst] = first;
  K->o_last[dst] = last;
  spad_o_box(L, lo, hi, ext, ms, &off);
  if (first)
    memset(base, 0, (size_t)(ext[0] * ext[1] * ext[2] * ext[3] * ext[4] * L->psum_bytes));
  else
    spad_box_transfer(SPAD_O, 0, base, K->Opsum + off * L->psum_bytes, NULL, ext, ms,
                      L->psum_bytes);
}

static SPAD_UNUSED void spad_o_writeback(spad_kernel *K, int copy) {
  const spad_layer *L = K->L;
  spad_i64 ext[5], ms[5], off, e, count;
  unsigned char *base = spad_copy_base(K, SPAD_O, copy);
  spad_o_box(L, K->lo[SPAD_O][copy], K->hi[SPAD_O][copy], ext, ms, &off);
  if (!K->o_last[copy]) {
    spad_box_transfer(SPAD_O, 1, base, NULL, K->Opsum + off * L->psum_bytes, ext, ms,
                      L->psum_bytes);
    return;
  }
  count = ext[0] * ext[1] * ext[2] * ext[3] * ext[4];
  for (e = 0; e < count; ++e) { /* narrowing in place: element e never overtakes e+1 */
    const spad_i64 v = spad_psum_value(spad_ld_bits(base + e * L->psum_bytes, L->psum_bytes),
                                       L->psum_bytes);
    spad_st_signed(base + e * L->eb[SPAD_O], spad_saturate(v, L->eb[SPAD_O]), L->eb[SPAD_O]);
  }
  spad_box_transfer(SPAD_O, 1, base, NULL, K->O + off * L->eb[SPAD_O], ext, ms, L->eb[SPAD_O]);
}

/* ---- fill points -----------------------------------------------------------
 * Called at each buffer's place in the loop nest on every iteration; a buffer
 * is (re)filled only when the tile it must hold has changed. With two copies
 * the next fill's transfer is issued (into the other copy) before the tile of
 * this one is computed, and waited for at the next fill point. */
static SPAD_UNUSED int spad_stepped(const spad_layer *L, int a, const spad_i64 prev[8], const spad_i64 at[8]) {
  int p;
  const int j = L->jpos[a];
  if (j < 0) return 0;
  for (p = j + 1; p < 8; ++p)
    if (prev[L->order[p]] != at[L->order[p]]) return 0;
  return at[L->order[j]] == prev[L->order[j]] + L->t[L->order[j]];
}

static SPAD_UNUSED void spad_load(spad_kernel *K, int a, const spad_i64 at[8], int dst, int from) {
  if (a == SPAD_I)
    spad_i_load(K, at, dst, from);
  else if (a == SPAD_W)
    spad_w_load(K, at, dst);
  else
    spad_o_prepare(K, at, dst);
}

static SPAD_UNUSED void spad_fill(spad_kernel *K, int a, const spad_i64 at[8]) {
  const spad_layer *L = K->L;
  const int halo = a == SPAD_I && L->halo_axis >= 0;
  if (K->resident[a] && spad_same_tile(L, a, K->key[a], at)) return;
  if (a == SPAD_O && K->resident[a]) spad_o_writeback(K, K->cur[a]);
  if (L->copies == 1) {
    spad_load(K, a, at, 0, halo && K->resident[a] && spad_stepped(L, a, K->key[a], at) ? 0 : -1);
  } else {
    spad_i64 next[8];
    int step;
    if (!K->resident[a]) spad_load(K, a, at, 0, -1); /* nothing was prefetched */
    dma_wait();
    K->cur[a] = (int)(K->fills[a] % 2);
    step = spad_next_fill(L, a, at, next);
    if (step) spad_load(K, a, next, 1 - K->cur[a], halo && step == 1 ? K->cur[a] : -1);
  }
  memcpy(K->key[a], at, 8 * sizeof(spad_i64));
  K->resident[a] = 1;
  ++K->fills[a];
}

/* Scratch of a kernel: int32 tables of 2*(C+H+W) + H + W entries, spad_i64
 * lists of C + 4*(H+W) entries, marks of max(H, W) bytes. */
static SPAD_UNUSED void spad_begin(spad_kernel *K, const spad_layer *L, unsigned char *spad, int32_t *tables,
                       spad_i64 *lists, unsigned char *marks, const void *I, const void *W,
                       void *O, void *Opsum) {
  int a, c;
  memset(K, 0, sizeof *K);
  K->L = L;
  K->spad = spad;
  K->I = (const unsigned char *)I;
  K->Wt = (const unsigned char *)W;
  K->O = (unsigned char *)O;
  K->Opsum = (unsigned char *)Opsum;
  for (c = 0; c < 2; ++c) {
    K->iw[c].ch_slot = tables;
    K->iw[c].slot[0] = tables + L->C;
    K->iw[c].slot[1] = tables + L->C + L->H;
    tables += L->C + L->H + L->W;
  }
  K->slot_tmp[0] = tables;
  K->slot_tmp[1] = tables + L->H;
  K->chs = lists;
  K->list[0] = lists + L->C;
  K->list[1] = lists + L->C + L->H;
  K->runs[0] = lists + L->C + L->H + L->W;
  K->runs[1] = lists + L->C + 4 * L->H + L->W;
  K->marks = marks;
  memset(marks, 0, (size_t)(L->H > L->W ? L->H : L->W));
  for (a = 0; a < 3; ++a) {
    spad_in_bytes[a] = 0;
    spad_out_bytes[a] = 0;
  }
}

static SPAD_UNUSED void spad_end(spad_kernel *K) {
  if (K->resident[SPAD_O]) spad_o_writeback(K, K->cur[SPAD_O]);
  dma_wait();
}

#endif /* SPAD_RUNTIME_DEFINED */
)SPADC";

}  // namespace

std::string_view c_runtime_source() { return kRuntime; }

}  // namespace spad::codegen
