/** The part of jstat 1.9.6 (CommonJS, no bundled types) that src/train/stats.ts uses. */
declare module 'jstat' {
  const jStat: {
    /** Student's t distribution with `dof` degrees of freedom. */
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
    /** Normal distribution with mean `mean` and standard deviation `std`. */
    normal: { inv(p: number, mean: number, std: number): number };
  };
  export default jStat;
}
