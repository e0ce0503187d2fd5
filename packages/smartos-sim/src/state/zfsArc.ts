// The ZFS ARC's kstats (zfs:0:arcstats), drifting plausibly with (simulated) time since boot
// so a live chart moves: hits and misses only grow, size hovers just under c.
import type { ArcSeed } from './zfsStore.js';

const MiB = 1024 * 1024;

/** Every arcstats statistic (illumos arc.c arc_stats) with its value at `nowMs`. */
export function arcStats(arc: ArcSeed, nowMs: number, speed: number): Map<string, number> {
  const t = Math.max(0, ((nowMs - arc.bootMs) / 1000) * speed);
  const hits = arc.hits + Math.floor(t * 2100 + 150 * Math.sin(t / 50));
  const misses = arc.misses + Math.floor(t * 47 + 10 * Math.sin(t / 23));
  const c = Math.min(arc.cMax, Math.max(arc.cMin, Math.round(arc.c + 64 * MiB * Math.sin(t / 600))));
  const size = Math.max(arc.cMin, Math.round(c - 96 * MiB - 48 * MiB * Math.sin(t / 90)));
  const share = (f: number): number => Math.round(size * f);
  const mru = Math.round(arc.mruSize * (size / arc.size));
  const mfu = Math.round(arc.mfuSize * (size / arc.size));
  const hdr = share(0.012);
  const other = share(0.021);
  const meta = share(0.18);
  const data = size - hdr - other - meta;
  const dataHits = Math.floor(hits * 0.62);
  const metaHits = Math.floor(hits * 0.33);
  const prefetchHits = hits - dataHits - metaHits;
  const dataMiss = Math.floor(misses * 0.55);
  const metaMiss = Math.floor(misses * 0.3);
  const stats: [string, number][] = [
    ['hits', hits],
    ['misses', misses],
    ['demand_data_hits', dataHits],
    ['demand_data_misses', dataMiss],
    ['demand_metadata_hits', metaHits],
    ['demand_metadata_misses', metaMiss],
    ['prefetch_data_hits', Math.floor(prefetchHits * 0.7)],
    ['prefetch_data_misses', Math.floor((misses - dataMiss - metaMiss) * 0.8)],
    ['prefetch_metadata_hits', prefetchHits - Math.floor(prefetchHits * 0.7)],
    [
      'prefetch_metadata_misses',
      misses - dataMiss - metaMiss - Math.floor((misses - dataMiss - metaMiss) * 0.8),
    ],
    ['mru_hits', Math.floor(hits * 0.41)],
    ['mru_ghost_hits', Math.floor(misses * 0.12)],
    ['mfu_hits', Math.floor(hits * 0.55)],
    ['mfu_ghost_hits', Math.floor(misses * 0.07)],
    ['deleted', Math.floor(misses * 1.6)],
    ['mutex_miss', Math.floor(t * 0.02)],
    ['access_skip', Math.floor(t * 0.005)],
    ['evict_skip', Math.floor(t * 0.4)],
    ['evict_not_enough', Math.floor(t * 0.01)],
    ['evict_l2_cached', 0],
    ['evict_l2_eligible', Math.floor(misses * 98304)],
    ['evict_l2_ineligible', Math.floor(misses * 4096)],
    ['evict_l2_skip', 0],
    ['hash_elements', Math.floor(size / 36864)],
    ['hash_elements_max', Math.floor(arc.cMax / 36864)],
    ['hash_collisions', Math.floor(misses * 0.8)],
    ['hash_chains', Math.floor(size / 36864 / 9)],
    ['hash_chain_max', 7],
    ['p', Math.floor(c * 0.62)],
    ['c', c],
    ['c_min', arc.cMin],
    ['c_max', arc.cMax],
    ['size', size],
    ['compressed_size', Math.floor(data / 1.6)],
    ['uncompressed_size', data],
    ['overhead_size', share(0.03)],
    ['hdr_size', hdr],
    ['data_size', data],
    ['metadata_size', meta],
    ['other_size', other],
    ['anon_size', share(0.001)],
    ['anon_evictable_data', 0],
    ['anon_evictable_metadata', 0],
    ['mru_size', mru],
    ['mru_evictable_data', Math.floor(mru * 0.7)],
    ['mru_evictable_metadata', Math.floor(mru * 0.05)],
    ['mru_ghost_size', Math.floor(c * 0.3)],
    ['mru_ghost_evictable_data', Math.floor(c * 0.21)],
    ['mru_ghost_evictable_metadata', Math.floor(c * 0.09)],
    ['mfu_size', mfu],
    ['mfu_evictable_data', Math.floor(mfu * 0.74)],
    ['mfu_evictable_metadata', Math.floor(mfu * 0.04)],
    ['mfu_ghost_size', Math.floor(c * 0.12)],
    ['mfu_ghost_evictable_data', Math.floor(c * 0.08)],
    ['mfu_ghost_evictable_metadata', Math.floor(c * 0.04)],
    ['l2_hits', 0],
    ['l2_misses', 0],
    ['l2_feeds', 0],
    ['l2_rw_clash', 0],
    ['l2_read_bytes', 0],
    ['l2_write_bytes', 0],
    ['l2_writes_sent', 0],
    ['l2_writes_done', 0],
    ['l2_writes_error', 0],
    ['l2_writes_lock_retry', 0],
    ['l2_evict_lock_retry', 0],
    ['l2_evict_reading', 0],
    ['l2_evict_l1cached', 0],
    ['l2_free_on_write', 0],
    ['l2_abort_lowmem', 0],
    ['l2_cksum_bad', 0],
    ['l2_io_error', 0],
    ['l2_size', 0],
    ['l2_asize', 0],
    ['l2_hdr_size', 0],
    ['memory_throttle_count', 0],
    ['arc_meta_used', meta + hdr + other],
    ['arc_meta_limit', Math.floor(arc.cMax / 4)],
    ['arc_meta_max', Math.floor(arc.cMax / 4.6)],
    ['arc_meta_min', Math.floor(arc.cMin / 2)],
    ['async_upgrade_sync', Math.floor(t * 0.3)],
    ['demand_hit_predictive_prefetch', Math.floor(hits * 0.004)],
    ['demand_hit_prescient_prefetch', 0],
  ];
  return new Map(stats);
}

/** Seconds since boot (hrtime) of the kstat's creation and of this snapshot. */
export function arcTimes(arc: ArcSeed, nowMs: number, speed: number): { crtime: string; snaptime: string } {
  const t = Math.max(0, ((nowMs - arc.bootMs) / 1000) * speed);
  return { crtime: '33.389410845', snaptime: (33.389410845 + t).toFixed(9) };
}
