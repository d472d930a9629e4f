import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { paramDoc } from '../i18n/paramDocs';
import { BOTTLENECK_DEPTHS, TRAIN_PRESETS, type TrainPresetName } from '../../train/face';
import { AlphaSlider } from './AlphaSlider';
import { NumberField } from './NumberField';
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
  const presetId = useId();
  const depthId = useId();
  const archId = useId();
  const resnet = state.architecture === 'resnet';
  const show = (k: keyof LabState) => !hidden.has(k);
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
  const blockId = useId();
  const offered = state.block === 'bottleneck' ? BOTTLENECK_DEPTHS : BASIC_DEPTHS;
  const depths = offered.includes(state.depth) ? offered : [...offered, state.depth].sort((a, b) => a - b);
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
        <div className="field">
          <label htmlFor={presetId}>{t('controls.preset')}</label>
          <select
            id={presetId}
            title={t('controls.presetTitle')}
            value={preset ?? ''}
            onChange={(e) => {
              const p = TRAIN_PRESETS[e.target.value as TrainPresetName];
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
          </select>
        </div>
      ) : null}
      <p className="muted effective" data-testid="effective-settings" aria-live="polite">
        {preset ? t('effective.preset', { preset }) : t('effective.thisRun')}
        {describeRun(toTrainConfig(state), trainCount)}.
      </p>
      {show('architecture') ? (
        <div className="field">
          <label htmlFor={archId} title={paramDoc('architecture')}>
            {t('controls.architecture')}
          </label>
          <select
            id={archId}
            value={state.architecture}
            data-testid="architecture-select"
            onChange={(e) => onChange({ architecture: e.target.value as ModelArchitecture })}
          >
            {(LAB_SCHEMA.architecture as EnumSpec).options.map((a) => (
              <option key={a} value={a}>
                {a === 'resnet' ? 'Oct-ResNet' : `Oct-MobileNet ${a.slice(-2)}`}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {show('depth') && resnet ? (
        <div className="field">
          <label htmlFor={blockId} title={paramDoc('block')}>
            {t('controls.block')}
          </label>
          <select
            id={blockId}
            value={state.block}
            data-testid="block-select"
            onChange={(e) => {
              const block = e.target.value as LabState['block'];
              // Each block kind has its own depths: keep the depth when it fits, else take the smallest.
              const fits = (block === 'bottleneck' ? BOTTLENECK_DEPTHS : BASIC_DEPTHS).includes(state.depth);
              onChange({ block, depth: fits ? state.depth : block === 'bottleneck' ? BOTTLENECK_DEPTHS[0] : BASIC_DEPTHS[0] });
            }}
          >
            <option value="basic">{t('controls.blockBasic')}</option>
            <option value="bottleneck">{t('controls.blockBottleneck')}</option>
          </select>
        </div>
      ) : null}
      {show('depth') && resnet ? (
        <div className="field">
          <label htmlFor={depthId} title={paramDoc('depth')}>
            {t('controls.depth')}
          </label>
          <select
            id={depthId}
            value={state.depth}
            data-testid="depth-select"
            onChange={(e) => onChange({ depth: Number(e.target.value) })}
          >
            {depths.map((d) => (
              <option key={d} value={d}>
                Oct-ResNet-{d}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {show('widthMultiplier') ? (
        <NumberField
          label={t('controls.width')}
          spec={num('widthMultiplier')}
          value={state.widthMultiplier}
          step={0.25}
          onChange={(v) => onChange({ widthMultiplier: v ?? 1 })}
          onValidity={validity(t('controls.width'))}
        />
      ) : null}
      {show('epochs') ? (
        <NumberField
          label={t('controls.epochs')}
          spec={num('epochs')}
          value={state.epochs}
          onChange={(v) => v !== null && onChange({ epochs: v })}
          testId="epochs"
          onValidity={validity(t('controls.epochs'))}
        />
      ) : null}
      {show('batchSize') ? (
        <NumberField
          label={t('controls.batch')}
          spec={num('batchSize')}
          value={state.batchSize}
          onChange={(v) => v !== null && onChange({ batchSize: v })}
          testId="batch"
          onValidity={validity(t('controls.batch'))}
        />
      ) : null}
      {show('learningRate') ? (
        <NumberField
          label={t('controls.learningRate')}
          spec={num('learningRate')}
          value={state.learningRate}
          step={0.01}
          onChange={(v) => v !== null && onChange({ learningRate: v })}
          testId="learning-rate"
          onValidity={validity(t('controls.learningRate'))}
        />
      ) : null}
      {show('seed') ? (
        <NumberField
          label={t('controls.seed')}
          spec={num('seed')}
          value={state.seed}
          onChange={(v) => v !== null && onChange({ seed: v })}
          onValidity={validity(t('controls.seed'))}
        />
      ) : null}
      {show('augment') ? (
        <label className="check" title={LAB_SCHEMA.augment.doc}>
          <input
            type="checkbox"
            checked={state.augment}
            onChange={(e) => onChange({ augment: e.target.checked })}
            data-testid="augment"
          />{' '}
          {t('controls.augmentLabel')}
        </label>
      ) : null}
      {show('flipTTA') ? (
        <label className="check" title={LAB_SCHEMA.flipTTA.doc}>
          <input
            type="checkbox"
            checked={state.flipTTA}
            onChange={(e) => onChange({ flipTTA: e.target.checked })}
            data-testid="flip-tta"
          />{' '}
          {t('controls.flipTTALabel')}
        </label>
      ) : null}
      <details>
        <summary>{t('controls.limits')}</summary>
        {show('trainLimit') ? (
          <NumberField
            label={t('controls.trainImages')}
            spec={num('trainLimit')}
            value={state.trainLimit}
            onChange={(v) => onChange({ trainLimit: v })}
            onValidity={validity(t('controls.trainImages'))}
          />
        ) : null}
        {show('testLimit') ? (
          <NumberField
            label={t('controls.testImages')}
            spec={num('testLimit')}
            value={state.testLimit}
            onChange={(v) => onChange({ testLimit: v })}
            onValidity={validity(t('controls.testImages'))}
          />
        ) : null}
        {show('maxSteps') ? (
          <NumberField
            label={t('controls.maxSteps')}
            spec={num('maxSteps')}
            value={state.maxSteps}
            emptyLabel={t('controls.noLimit')}
            onChange={(v) => onChange({ maxSteps: v })}
            onValidity={validity(t('controls.maxSteps'))}
          />
        ) : null}
      </details>
      {runButtons}
      {show('backend') ? <div style={{ marginTop: 12 }}>{backend}</div> : null}
    </section>
  );
}
