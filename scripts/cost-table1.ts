/**
 * `npm run cost-table1`: the paper's Table 1 (Oct-MobileNet on ImageNet) reproduced by countCost
 * at 224×224 and 1,000 classes, as a Markdown table: our params and multiply-adds (conv + dense
 * only, and with the average-pool ops added) next to the paper's figures. Counting only, no timing.
 */
import * as tf from '@tensorflow/tfjs';
import { countCost, type OctMobileNetConfig } from '../src/octconv';
import { formatHelp, parseCli } from '../src/train/cli-options';

/** The paper's Table 1 rows: [label, version, width multiplier, α, params (M), MACs (M)]. */
export const TABLE1: ReadonlyArray<[string, 1 | 2, number, number, number, number]> = [
  ['0.75 MobileNet (v1)', 1, 0.75, 0, 2.6, 325],
  ['0.75 Oct-MobileNet (v1)', 1, 0.75, 0.375, 2.6, 213],
  ['1.0 Oct-MobileNet (v1)', 1, 1, 0.5, 4.2, 321],
  ['1.0 MobileNet (v2)', 2, 1, 0, 3.5, 300],
  ['1.0 Oct-MobileNet (v2)', 2, 1, 0.375, 3.5, 256],
  ['1.125 Oct-MobileNet (v2)', 2, 1.125, 0.5, 4.2, 295],
];

const pct = (ours: number, paper: number): string => `${ours >= paper ? '+' : ''}${((ours / paper - 1) * 100).toFixed(2)} %`;

async function main(): Promise<void> {
  // No flags: parsing still refuses unknown ones and answers --help.
  if (parseCli(process.argv.slice(2), {}).help) return console.log(formatHelp('usage: npm run cost-table1', {}));
  await tf.setBackend('cpu'); // building a model only allocates weights; nothing runs
  const lines = [
    '| model | α | params (M) ours / paper | MACs (M) conv+dense | Δ | MACs (M) + avg-pool ops | Δ | paper MACs (M) |',
    '|---|---|---|---|---|---|---|---|',
  ];
  for (const [label, version, widthMultiplier, alpha, paperParams, paperMacs] of TABLE1) {
    const config: OctMobileNetConfig = { version, widthMultiplier, alpha, numClasses: 1000, seed: 0 };
    const c = countCost(config);
    const macs = c.macs / 1e6;
    const withPools = (c.macs + (c.poolOps ?? 0)) / 1e6;
    lines.push(
      `| ${label} | ${alpha} | ${(c.params / 1e6).toFixed(3)} / ${paperParams} | ${macs.toFixed(1)} | ${pct(macs, paperMacs)} | ${withPools.toFixed(1)} | ${pct(withPools, paperMacs)} | ${paperMacs} |`,
    );
  }
  const v2 = countCost({ version: 2, widthMultiplier: 1, alpha: 0, numClasses: 1000, seed: 0 });
  const expand = v2.layers.find((l) => l.name === 'block1/expand/hh')!.macs;
  lines.push(
    '',
    `Official-code MobileNet v2 at α = 0: ${(v2.macs / 1e6).toFixed(1)} M MACs; its first block keeps a 1×1 expand conv ` +
      `(112²·32·32 = ${(expand / 1e6).toFixed(2)} M) that torchvision's (expansion 1) omits: without it ${((v2.macs - expand) / 1e6).toFixed(1)} M.`,
  );
  process.stdout.write(lines.join('\n') + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`cost-table1: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
});
