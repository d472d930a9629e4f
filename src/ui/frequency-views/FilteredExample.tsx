import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import { filterImage } from '../../frequency/face';
import { MapCanvas } from '../inspect/MapCanvas';
import { renderRgb } from '../inspect/render';
import { radiusLabel } from '../lib/radiusText';

/** Props of {@link FilteredExample}. */
export interface FilteredExampleProps {
  /** The test image, uint8 [32, 32, 3]. */
  image: Uint8Array;
  imageIndex: number;
  /** Radius in cycles/pixel. */
  radius: number;
}

/** The test image, low-passed and high-passed at one radius (computed on the page, no tfjs). */
export function FilteredExample({ image, imageIndex, radius }: FilteredExampleProps) {
  const { t } = useTranslation();
  const views = useMemo(
    () => [
      { key: 'orig', title: t('example.original'), rgba: renderRgb(image, 32, 32) },
      {
        key: 'low',
        title: t('example.low', { r: radiusLabel(radius) }),
        rgba: renderRgb(filterImage(image, radius, 'lowPass'), 32, 32),
      },
      {
        key: 'high',
        title: t('example.high', { r: radiusLabel(radius) }),
        rgba: renderRgb(filterImage(image, radius, 'highPass'), 32, 32),
      },
    ],
    [image, radius, t],
  );
  return (
    <div className="freq-examples" data-testid="freq-example">
      {views.map((v) => (
        <figure key={v.key}>
          <MapCanvas
            rgba={v.rgba}
            width={32}
            height={32}
            displayWidth={96}
            label={t('example.aria', { index: imageIndex, title: v.title })}
            testId={`freq-example-${v.key}`}
          />
          <figcaption>{v.title}</figcaption>
        </figure>
      ))}
    </div>
  );
}
