/**
 * The octave decomposition of an image, as in the paper's Figure 1 (plain TypeScript, no tfjs,
 * safe to import from the page).
 */

/**
 * Split an image into a low-frequency part (2×2 average pooling, then nearest ×2 upsampling —
 * the same pool/upsample pair as OctConv, docs/architecture.md §3) and the high-frequency residual
 * (image − low). Paper §3.1, Fig. 1(b): low + high = image exactly.
 *
 * @param image uint8 NHWC without N, row-major [height, width, channels] (default 32×32×3,
 *   a CIFAR-10 image), values 0–255.
 * @returns `low` (0–255) and `high` (signed, −255…255), each float32 [height, width, channels]
 *   in the same layout, in intensity units of the input.
 * @throws Error if the size is not height·width·channels or height/width are not even.
 */
export function decomposeImage(
  image: Uint8Array,
  height = 32,
  width = 32,
  channels = 3,
): { low: Float32Array; high: Float32Array } {
  if (height % 2 !== 0 || width % 2 !== 0 || height <= 0 || width <= 0 || channels <= 0) {
    throw new Error(`decomposeImage: height and width must be positive and even, got ${height}×${width}×${channels}`);
  }
  if (!(image instanceof Uint8Array) || image.length !== height * width * channels) {
    throw new Error(
      `decomposeImage: expected a Uint8Array of ${height}×${width}×${channels} = ` +
        `${height * width * channels} values, got ${image instanceof Uint8Array ? image.length : typeof image}`,
    );
  }
  const low = new Float32Array(image.length);
  const high = new Float32Array(image.length);
  const at = (y: number, x: number, c: number) => (y * width + x) * channels + c;
  for (let y = 0; y < height; y += 2) {
    for (let x = 0; x < width; x += 2) {
      for (let c = 0; c < channels; c++) {
        const cells = [at(y, x, c), at(y, x + 1, c), at(y + 1, x, c), at(y + 1, x + 1, c)];
        const mean = (image[cells[0]] + image[cells[1]] + image[cells[2]] + image[cells[3]]) / 4;
        for (const i of cells) {
          low[i] = mean;
          high[i] = image[i] - mean;
        }
      }
    }
  }
  return { low, high };
}
