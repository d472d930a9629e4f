/** The CIFAR-10 class names the catalogue translates (keys `class.<name>` in ./en/data.ts). */
const CLASSES = ['airplane', 'automobile', 'bird', 'cat', 'deer', 'dog', 'frog', 'horse', 'ship', 'truck'] as const;

/** One CIFAR-10 class name of the official batches.meta.txt. */
export type ClassName = (typeof CLASSES)[number];

/** True when the catalogue has a translation of class name `n`. */
export function isClassName(n: string): n is ClassName {
  return (CLASSES as readonly string[]).includes(n);
}
