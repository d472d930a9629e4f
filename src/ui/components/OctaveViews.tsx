import { useId, useState } from 'react';
import type { LayerActivations } from '../../train/protocol';

/** Props of {@link OctaveViews}. */
export interface OctaveViewsProps {
  layers: LayerActivations[];
}

/** Layer picker plus the high/low maps and spectra of the chosen layer. */
export function OctaveViews({ layers }: OctaveViewsProps) {
  const id = useId();
  const withLow = layers.filter((l) => l.low);
  const [name, setName] = useState<string | null>(null);
  const layer = layers.find((l) => l.info.name === name) ?? withLow[0] ?? layers[0];
  if (!layer) return null;
  return (
    <div>
      <div className="field">
        <label htmlFor={id}>Layer</label>
        <select id={id} value={layer.info.name} onChange={(e) => setName(e.target.value)}>
          {layers.map((l) => (
            <option key={l.info.name} value={l.info.name}>
              {l.info.name} (α {l.info.alphaIn}→{l.info.alphaOut})
            </option>
          ))}
        </select>
      </div>
      <div className="inspect-grid">
        {(['high', 'low'] as const).map((b) => {
          const map = layer[b];
          const spec = layer.spectra?.[b];
          return (
            <div key={b}>
              <h3 style={{ fontSize: '1em', margin: '4px 0' }}>
                {b === 'high' ? 'High frequency (full resolution)' : 'Low frequency (half resolution)'}
              </h3>
              {map ? (
                <p className="muted">
                  {map.height}×{map.width}×{map.channels}
                  {spec ? `, ${(spec.lowEnergyFraction * 100).toFixed(1)} % of energy below ${spec.cutoff} cycles/px` : ''}
                </p>
              ) : (
                <p className="muted">no {b} branch at this layer</p>
              )}
            </div>
          );
        })}
      </div>
    </div>
  );
}
