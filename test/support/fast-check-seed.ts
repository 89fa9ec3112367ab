/**
 * Every property test runs with one fixed seed, so CI sees the same cases on every run; a red property
 * test is a real failure, never bad luck. fast-check's failure message names the seed and the path of the
 * shrunk counterexample; `FC_SEED=<n> npx jest …` replays another seed when exploring locally.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20_261_202;
fc.configureGlobal({ seed, verbose: 1 });
