/**
 * The layers-API BatchNormalization with its training-mode forward on the fused wasm kernels of
 * ./wasm-batchnorm.ts (same formulas, same moving-average update, same weights). Registered
 * under tfjs's own class name 'BatchNormalization', so saved models keep the standard tfjs format
 * and any model loaded here gets this class. Inference, other backends and configurations the
 * kernels do not cover (axis not last, center/scale off, non-float32) run the stock code.
 */
import * as tf from '@tensorflow/tfjs';
import { hasWasmBatchNorm, wasmBatchNormTrain } from './wasm-batchnorm';

/** tfjs-layers' BatchNormalization class (not exported by name). */
const StockBatchNorm = tf.layers.batchNormalization({}).constructor as new (args: object) => tf.layers.Layer;

/** The fields of the stock layer read here. */
interface BatchNormFields {
  axis: number;
  momentum: number;
  epsilon: number;
  center: boolean;
  scale: boolean;
  gamma: tf.LayerVariable;
  beta: tf.LayerVariable;
  movingMean: tf.LayerVariable;
  movingVariance: tf.LayerVariable;
}

/** v ← v − (v − value)·(1 − momentum), as the stock layer updates its moving statistics. */
function movingAverage(v: tf.LayerVariable, value: tf.Tensor, momentum: number): void {
  tf.tidy(() => {
    const orig = v.read();
    v.write(tf.sub(orig, tf.mul(tf.sub(orig, value), 1 - momentum)));
  });
}

/** BatchNormalization whose training forward/backward run as two fused wasm kernels. */
export class FastBatchNormalization extends StockBatchNorm {
  /** tfjs's own name: model.json stays standard. */
  static className = 'BatchNormalization';

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor | tf.Tensor[] {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    const f = this as unknown as BatchNormFields;
    const lastAxis = f.axis === -1 || f.axis === x.rank - 1;
    if (
      kwargs.training !== true ||
      !lastAxis ||
      !f.center ||
      !f.scale ||
      x.dtype !== 'float32' ||
      x.rank < 2 ||
      !hasWasmBatchNorm()
    ) {
      return super.call(inputs, kwargs);
    }
    return tf.tidy(() => {
      const [y, mean, variance] = wasmBatchNormTrain(x, f.gamma.read(), f.beta.read(), f.epsilon);
      movingAverage(f.movingMean, mean, f.momentum);
      movingAverage(f.movingVariance, variance, f.momentum);
      return y;
    });
  }
}
tf.serialization.registerClass(
  FastBatchNormalization as unknown as tf.serialization.SerializableConstructor<tf.serialization.Serializable>,
);

/** A BatchNormalization layer (same arguments as tf.layers.batchNormalization). */
export function batchNormalization(args: Parameters<typeof tf.layers.batchNormalization>[0]): tf.layers.Layer {
  return new FastBatchNormalization(args ?? {});
}
