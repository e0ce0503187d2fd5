// The simulated host's clock: $SMARTOS_SIM_NOW (an ISO time, for tests) or the real time.
export function simNow(env: NodeJS.ProcessEnv = process.env): Date {
  const fixed = env.SMARTOS_SIM_NOW;
  const t = fixed === undefined || fixed === '' ? NaN : Date.parse(fixed);
  return Number.isNaN(t) ? new Date() : new Date(t);
}
