/**
 * A deterministic synthetic A-share market that writes jvQuant wire lines (docs/PROTOCOL.md §5.1–5.3), for the
 * fake server, the demo, tests and the benchmarks' full-market firehose.
 *
 * <h2>The model</h2>
 * <ul>
 *   <li><b>Securities.</b> The exchange rules are the core's reference data ({@code io.jvq.core.market}:
 *       {@code Board}, {@code SecurityRules}, {@code MarketPhase}). The board follows the digits:
 *       600/601/603/605 and 000/001/002/003 main boards (±10%), 300/301 and 688/689 growth boards (±20%), 11xxxx/12xxxx convertible bonds (0.001 tick,
 *       lots of 10, ±20%), 15xxxx/16xxxx/5xxxxx funds (0.001 tick, ±10%), {@code i}+six digits indices
 *       (no book). Stocks trade at 0.01 in lots of 100; ST names ({@code ST…}, {@code *ST…}) on the main
 *       boards within ±5%. Limits are {@code prevClose × (1 ± p)} rounded half up to the tick. A few
 *       well-known codes have their real names and round, plausible previous closes; other names are
 *       made up from the symbol, other previous closes from the symbol and the seed.</li>
 *   <li><b>Clock.</b> Each {@code nextTick} covers one interval (default 3 s) of simulated time, cut at
 *       09:15, 09:25, 09:30, 11:30, 13:00 and 15:00 so that it lies in one phase; a tick that would start
 *       in the lunch break starts at 13:00. Snapshots carry the tick's end time.</li>
 *   <li><b>Opening call auction, 09:15–09:25.</b> No trades. Each tick moves an indicative price and adds
 *       matched quantity; level 1 shows the indicative price as the price (volume and amount 0), the
 *       matched quantity at that price as both best bid and best ask, and the unmatched excess one tick
 *       away on the heavier side. The tick that ends at 09:25 uncrosses: one trade at 09:25:00.000 at the
 *       indicative price for the matched quantity. Nothing trades 09:25–09:30.</li>
 *   <li><b>Continuous trading, 09:30–11:30 and 13:00–15:00.</b> Each subscribed security (whatever its
 *       levels) makes {@code tradesPerTick} trades per tick: a random walk on the tick whose typical step
 *       is {@code volatilityBps} of the price, clamped to the limits; quantities are whole lots; trade ids
 *       rise strictly with gaps; times have milliseconds and never go back. Level-1 volume and amount are
 *       the running sums of every trade made so far, so they match the level-2 lines exactly. No closing
 *       auction is simulated; after 15:00 nothing trades and level 1 keeps reporting the close.</li>
 *   <li><b>Book.</b> Ten levels (level 1 shows five), on the tick, strictly ordered, inside the limits:
 *       best bid at or one tick below the last price, best ask one tick above it. At limit-up buyers
 *       queue at the limit and there are no asks; at limit-down sellers queue at the limit and there are
 *       no bids. Empty levels are {@code 0,0}. Before a security's first trade or auction there is no
 *       book and the price shown is the previous close.</li>
 *   <li><b>Determinism.</b> All randomness is SplitMix64, one stream per security derived from the seed and
 *       the symbol, so a security's lines depend on the seed and on the calls that touched it only.
 *       A security's day starts when it is first touched.</li>
 *   <li><b>Cost.</b> Text is written into reused {@code StringBuilder}s from fixed-point {@code long}s
 *       (thousandths of a yuan for prices, fen for turnover): no {@code String.format}, no floating point
 *       in any wire field.</li>
 * </ul>
 */
package io.jvq.sim;
