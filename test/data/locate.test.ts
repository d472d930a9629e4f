/**
 * Which CIFAR-10 folder the CLIs and tests use (src/data/node.ts locateCifar10Dir): CIFAR10_DIR,
 * else ../shared/cifar10, else public/data/cifar10 (a newcomer's clone after `npm start`).
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { locateCifar10Dir } from '../../src/data/node';

let root = '';
afterEach(() => {
  if (root) rmSync(root, { recursive: true, force: true });
  root = '';
});

/** A temporary folder holding `clone/` and optionally `shared/cifar10` and `clone/public/data/cifar10`. */
function layout(opts: { shared: boolean; pub: boolean }): string {
  root = mkdtempSync(path.join(tmpdir(), 'octconv-locate-'));
  const clone = path.join(root, 'clone');
  mkdirSync(clone);
  if (opts.shared) mkdirSync(path.join(root, 'shared/cifar10'), { recursive: true });
  if (opts.pub) mkdirSync(path.join(clone, 'public/data/cifar10'), { recursive: true });
  return clone;
}

describe('locateCifar10Dir', () => {
  it('prefers CIFAR10_DIR, resolved against the working directory', () => {
    const clone = layout({ shared: true, pub: true });
    expect(locateCifar10Dir(clone, '../elsewhere')).toEqual({ dir: path.join(root, 'elsewhere'), source: 'CIFAR10_DIR' });
  });
  it('then ../shared/cifar10, then public/data/cifar10, else names the default with source none', () => {
    expect(locateCifar10Dir(layout({ shared: true, pub: true }), undefined)).toEqual({
      dir: path.join(root, 'shared/cifar10'),
      source: '../shared/cifar10',
    });
    const newcomer = layout({ shared: false, pub: true });
    expect(locateCifar10Dir(newcomer, '')).toEqual({
      dir: path.join(newcomer, 'public/data/cifar10'),
      source: 'public/data/cifar10',
    });
    const bare = layout({ shared: false, pub: false });
    expect(locateCifar10Dir(bare, undefined)).toEqual({ dir: path.join(root, 'shared/cifar10'), source: 'none' });
  });
});
