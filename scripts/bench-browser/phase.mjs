// Where in a frame each measured mount of the browser bench starts.

/**
 * Where in a frame the `i`th mount starts (0 to 1; a low-discrepancy sequence, spread evenly for any count). The
 * frame that shows a view's rows is the first after its work: a mount started just before a frame waits a
 * whole one, one just after it almost none. Left to what ran before it (the last unmount's cost), that place
 * was nearly the same for every mount of a kind and differed between kinds and machines: the bare list's
 * figure moved by a third from run to run, its quartiles a millisecond apart. Set, and the same for both kinds,
 * the mean over the mounts is the first paint of a mount at any moment.
 */
export const phaseOf = (i) => (i * 0.6180339887498949) % 1
