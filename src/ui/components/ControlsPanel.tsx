import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ParseKeys } from 'i18next';
import { paramDoc } from '../i18n/paramDocs';
import { BOTTLENECK_DEPTHS, TRAIN_PRESETS, type TrainPresetName } from '../../train/face';
import { AlphaSlider } from './AlphaSlider';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import { alphaVar } from '../lib/alphaColor';
import { formatAlpha } from '../lib/formatAlpha';
import { BASIC_DEPTHS, LAB_SCHEMA, type EnumSpec, type LabState, type NumberSpec } from '../state/labSchema';
import { modelName } from '../../train/face';
import { describeRun } from '../lib/effectiveSettings';
import { toTrainConfig } from '../state/labUrl';
import type { ModelArchitecture } from '../../train/protocol';

/** Props of {@link ControlsPanel}. */
export interface ControlsPanelProps {
  state: LabState;
  /** Controls named here are not rendered (`<name>_hide` URL parameters). */
  hidden: ReadonlySet<keyof LabState>;
  onChange(patch: Partial<LabState>): void;
  /** Train / Pause / Resume / Stop, rendered under the fields. */
  runButtons: ReactNode;
  /** Backend indicator, rendered at the end. */
  backend: ReactNode;
  /** Told each number control's error as it changes (null = valid), keyed by the control's label. */
  onFieldError?(label: string, error: string | null): void;
  /** Images in the loaded training split, for the effective-settings line (default 50,000). */
  trainCount?: number;
}

const num = (k: keyof LabState) => LAB_SCHEMA[k] as NumberSpec;

/** The ResNet depths offered for a block kind. */
const depthsOf = (block: LabState['block']): readonly number[] => (block === 'bottleneck' ? BOTTLENECK_DEPTHS : BASIC_DEPTHS);

type NumberKey = 'widthMultiplier' | 'epochs' | 'batchSize' | 'learningRate' | 'seed' | 'trainLimit' | 'testLimit' | 'maxSteps';

/** One number control: the state field, its label, input step, test id and empty-value text (i18n keys). */
interface NumberRow {
  key: NumberKey;
  label: ParseKeys;
  step?: number;
  testId?: string;
  emptyLabel?: ParseKeys;
}

/** The model width and the recipe, in page order. */
const RECIPE_FIELDS: readonly NumberRow[] = [
  { key: 'widthMultiplier', label: 'controls.width', step: 0.25 },
  { key: 'epochs', label: 'controls.epochs', testId: 'epochs' },
  { key: 'batchSize', label: 'controls.batch', testId: 'batch' },
  { key: 'learningRate', label: 'controls.learningRate', step: 0.01, testId: 'learning-rate' },
  { key: 'seed', label: 'controls.seed' },
];

/** The optional limits under "Limits" (empty = all images, no step limit). */
const LIMIT_FIELDS: readonly NumberRow[] = [
  { key: 'trainLimit', label: 'controls.trainImages' },
  { key: 'testLimit', label: 'controls.testImages' },
  { key: 'maxSteps', label: 'controls.maxSteps', emptyLabel: 'controls.noLimit' },
];

/** A select of a model parameter: its options as [value, text] and the state patch a chosen value makes. */
interface ModelSelect {
  param: 'architecture' | 'block' | 'depth';
  label: string;
  options: Array<[string | number, string]>;
  patch(value: string): Partial<LabState>;
}

/** The on/off switches of the recipe. */
const CHECK_FIELDS = [
  { key: 'augment', label: 'controls.augmentLabel', testId: 'augment' },
  { key: 'flipTTA', label: 'controls.flipTTALabel', testId: 'flip-tta' },
] as const;

/** The training controls: α, model size (preset, depth, width), recipe and limits. */
export function ControlsPanel({
  state,
  hidden,
  onChange,
  runButtons,
  backend,
  onFieldError,
  trainCount = 50_000,
}: ControlsPanelProps) {
  const { t } = useTranslation();
  const validity = (label: string) => (error: string | null) => onFieldError?.(label, error);
  const resnet = state.architecture === 'resnet';
  const show = (k: keyof LabState) => !hidden.has(k);
  /** One NumberField per shown row; a required field ignores an empty value (its error blocks Train). */
  const numberFields = (rows: readonly NumberRow[]) =>
    rows
      .filter((r) => show(r.key))
      .map((r) => (
        <NumberField
          key={r.key}
          label={t(r.label)}
          spec={num(r.key)}
          value={state[r.key]}
          step={r.step}
          emptyLabel={r.emptyLabel && t(r.emptyLabel)}
          testId={r.testId}
          onChange={(v) => (v !== null || num(r.key).optional) && onChange({ [r.key]: v })}
          onValidity={validity(t(r.label))}
        />
      ));
  const preset = (Object.keys(TRAIN_PRESETS) as TrainPresetName[]).find((n) => {
    const p = TRAIN_PRESETS[n];
    return (
      (p.architecture ?? 'resnet') === state.architecture &&
      p.depth === state.depth &&
      p.widthMultiplier === state.widthMultiplier &&
      p.epochs === state.epochs &&
      p.learningRate === state.learningRate &&
      p.batchSize === state.batchSize &&
      p.augment === state.augment &&
      (p.maxSteps ?? null) === state.maxSteps
    );
  });
  const offered = depthsOf(state.block);
  const depths = offered.includes(state.depth) ? offered : [...offered, state.depth].sort((a, b) => a - b);
  /** The model's selects (architecture; block and depth for ResNets): options as [value, text], and the patch a choice makes. */
  const selects: ModelSelect[] = [
    {
      param: 'architecture',
      label: t('controls.architecture'),
      options: (LAB_SCHEMA.architecture as EnumSpec).options.map((a) => [
        a,
        a === 'resnet' ? 'Oct-ResNet' : `Oct-MobileNet ${a.slice(-2)}`,
      ]),
      patch: (a) => ({ architecture: a as ModelArchitecture }),
    },
    {
      param: 'block',
      label: t('controls.block'),
      options: [
        ['basic', t('controls.blockBasic')],
        ['bottleneck', t('controls.blockBottleneck')],
      ],
      patch: (b) => {
        const block = b as LabState['block'];
        // Each block kind has its own depths: keep the depth when it fits, else take the smallest.
        return { block, depth: depthsOf(block).includes(state.depth) ? state.depth : depthsOf(block)[0] };
      },
    },
    {
      param: 'depth',
      label: t('controls.depth'),
      options: depths.map((d) => [d, `Oct-ResNet-${d}`]),
      patch: (d) => ({ depth: Number(d) }),
    },
  ];
  const modelSelects = selects.filter((s) => (s.param === 'architecture' ? show('architecture') : show('depth') && resnet));
  return (
    <section className="panel" aria-labelledby="controls-h">
      <h2 id="controls-h">{t('controls.title')}</h2>
      {show('alpha') ? (
        <AlphaSlider value={state.alpha} onChange={(alpha) => onChange({ alpha })} />
      ) : (
        <p data-testid="alpha-readonly">
          {t('controls.alphaLabel')}{' '}
          <span className="alpha-value" data-testid="alpha-value">
            <span className="swatch" style={{ background: alphaVar(state.alpha) }} aria-hidden="true" />
            {formatAlpha(state.alpha)}
          </span>{' '}
          <span className="muted">{t('controls.setByLink')}</span>
        </p>
      )}
      {show('depth') && show('widthMultiplier') ? (
        <SelectField
          label={t('controls.preset')}
          title={t('controls.presetTitle')}
          value={preset ?? ''}
          onChange={(name) => {
            const p = TRAIN_PRESETS[name as TrainPresetName];
            if (p) {
              onChange({
                architecture: p.architecture ?? 'resnet',
                alpha: p.architecture ? p.alpha : state.alpha,
                depth: p.depth,
                widthMultiplier: p.widthMultiplier,
                epochs: p.epochs,
                learningRate: p.learningRate,
                block: p.block,
                batchSize: p.batchSize,
                augment: p.augment,
                maxSteps: p.maxSteps ?? null,
              });
            }
          }}
        >
          <option value="" disabled>
            {t('controls.custom')}
          </option>
          {(Object.keys(TRAIN_PRESETS) as TrainPresetName[]).map((n) => (
            <option key={n} value={n}>
              {n}:{' '}
              {TRAIN_PRESETS[n].architecture
                ? modelName(TRAIN_PRESETS[n]).replace('Oct-MobileNet ', 'MN')
                : `R${TRAIN_PRESETS[n].depth}`}
              ,{' '}
              {TRAIN_PRESETS[n].maxSteps
                ? t('controls.presetSteps', { steps: TRAIN_PRESETS[n].maxSteps })
                : t('controls.presetEpochs', { epochs: TRAIN_PRESETS[n].epochs })}
            </option>
          ))}
        </SelectField>
      ) : null}
      <p className="muted effective" data-testid="effective-settings" aria-live="polite">
        {preset ? t('effective.preset', { preset }) : t('effective.thisRun')}
        {describeRun(toTrainConfig(state), trainCount)}.
      </p>
      {modelSelects.map(({ param, label, options, patch }) => (
        <SelectField
          key={param}
          label={label}
          labelTitle={paramDoc(param)}
          value={state[param]}
          testId={`${param}-select`}
          onChange={(v) => onChange(patch(v))}
        >
          {options.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </SelectField>
      ))}
      {numberFields(RECIPE_FIELDS)}
      {CHECK_FIELDS.filter((f) => show(f.key)).map(({ key, label, testId }) => (
        <label key={key} className="check" title={LAB_SCHEMA[key].doc}>
          <input
            type="checkbox"
            checked={state[key]}
            onChange={(e) => onChange({ [key]: e.target.checked })}
            data-testid={testId}
          />{' '}
          {t(label)}
        </label>
      ))}
      <details>
        <summary>{t('controls.limits')}</summary>
        {numberFields(LIMIT_FIELDS)}
      </details>
      {runButtons}
      {show('backend') ? <div style={{ marginTop: 12 }}>{backend}</div> : null}
    </section>
  );
}
