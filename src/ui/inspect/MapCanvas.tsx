import { useEffect, useRef } from 'react';

/** Props of {@link MapCanvas}. */
export interface MapCanvasProps {
  /** RGBA pixels, row-major [height, width, 4]. */
  rgba: Uint8ClampedArray;
  /** Pixel grid of `rgba`. */
  width: number;
  height: number;
  /** Displayed width in CSS pixels (height keeps the aspect ratio); pixels stay crisp. */
  displayWidth: number;
  /** Accessible name (read by screen readers, shown as tooltip). */
  label: string;
  /** data-testid for the e2e test. */
  testId?: string;
  /** Focusable (for hover read-outs by keyboard). */
  focusable?: boolean;
  /** Pointer enters or keyboard focus arrives. */
  onInspect?(): void;
  className?: string;
}

/**
 * One small `<canvas>` drawn via ImageData (docs/architecture.md §7: canvas, not SVG), scaled up with
 * nearest-neighbour so each feature-map pixel stays a visible square.
 */
export function MapCanvas({ rgba, width, height, displayWidth, label, testId, focusable, onInspect, className }: MapCanvasProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx || rgba.length !== width * height * 4) return;
    ctx.putImageData(new ImageData(new Uint8ClampedArray(rgba), width, height), 0, 0);
  }, [rgba, width, height]);
  return (
    <canvas
      ref={ref}
      width={width}
      height={height}
      className={`inspect-canvas${className ? ` ${className}` : ''}`}
      style={{ width: displayWidth, height: (displayWidth * height) / width }}
      role="img"
      aria-label={label}
      title={label}
      data-testid={testId}
      tabIndex={focusable ? 0 : undefined}
      onMouseEnter={onInspect}
      onFocus={onInspect}
    />
  );
}
