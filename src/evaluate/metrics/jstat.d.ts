// The parts of jStat Feedloop uses (the package ships no types; it is CommonJS, so Node's ESM
// loader gives it as the default export).
declare module 'jstat' {
  const jstat: {
    jStat: {
      normal: { cdf(x: number, mean: number, sd: number): number; inv(p: number, mean: number, sd: number): number };
      studentt: { cdf(x: number, dof: number): number; inv(p: number, dof: number): number };
    };
  };
  export default jstat;
}
