/**
 * Runs once before the test files: says in one line which CIFAR-10 folder the tests read
 * (CIFAR10_DIR, else ../shared/cifar10, else public/data/cifar10 filled by `npm start`), and stops
 * at once with the command to run when there is none.
 */
import { locateCifar10Dir } from '../src/data/node';
import { DATA_COMMAND_HELP } from '../src/data/files';

export default function setup(): void {
  const { dir, source } = locateCifar10Dir();
  if (source === 'none') {
    throw new Error(
      `No CIFAR-10 for the tests: set CIFAR10_DIR=/path/to/cifar10, or ${DATA_COMMAND_HELP} ` +
        '(fills public/data/cifar10, which the tests then use).',
    );
  }
  console.log(`CIFAR-10 for the tests: ${dir} (${source === 'CIFAR10_DIR' ? 'from CIFAR10_DIR' : `default ${source}`})`);
}
