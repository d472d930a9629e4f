/**
 * Checks shared by every octave model config (Oct-ResNet in ./config.ts, Oct-MobileNet in
 * ./mobilenet-plan.ts): width multiplier, class count, seed and NHWC input shape.
 */

/** The fields an Oct-ResNet and an Oct-MobileNet config have in common. */
export interface SharedModelFields {
  widthMultiplier: number;
  numClasses: number;
  seed: number;
  /** [H, W, C] of one image (NHWC without N). */
  inputShape?: readonly number[];
}

/**
 * Checks the width multiplier, class count, seed and input shape of a model config.
 * @param where the config's name, put at the start of every message ('OctResNetConfig')
 * @param defaultShape the [H, W, C] used when `config.inputShape` is absent
 * @throws Error `${where}: …` for a width multiplier that is not a finite number > 0, a class count
 *   that is not a positive integer, a non-finite seed, a shape that is not three positive integers,
 *   or an input with other than 3 channels (RGB)
 */
export function checkSharedModelFields(config: SharedModelFields, where: string, defaultShape: readonly number[]): void {
  const { widthMultiplier, numClasses, seed } = config;
  if (typeof widthMultiplier !== 'number' || !(widthMultiplier > 0) || !Number.isFinite(widthMultiplier)) {
    throw new Error(`${where}: widthMultiplier must be a finite number > 0, got ${widthMultiplier}`);
  }
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    throw new Error(`${where}: numClasses must be a positive integer, got ${numClasses}`);
  }
  if (!Number.isFinite(seed)) throw new Error(`${where}: seed must be a finite number, got ${seed}`);
  const shape = config.inputShape ?? defaultShape;
  if (shape.length !== 3 || shape.some((d) => !Number.isInteger(d) || d <= 0)) {
    throw new Error(`${where}: inputShape must be [H, W, C] of positive integers, got [${shape}]`);
  }
  if (shape[2] !== 3) throw new Error(`${where}: input must have 3 channels (RGB, NHWC), got ${shape[2]}`);
}
